import { describe, expect, it } from 'vitest';
import { auditText, catalog, TEST_TODAY } from './helpers/audit.js';
import { expected } from './helpers/ruleTester.js';

/**
 * Every built-in rule, tested in the manner of ESLint's RuleTester: its passing example gives no
 * finding; its failing example (and any further `code` given here) gives exactly the findings
 * listed, by line and message id. A rule added to the catalog without an entry here fails.
 * Every case of a rule is audited on its examples' audit date (`examples.today`), if it gives one.
 */
type Case = { code?: string; errors: [line: number, messageId: string][] };
const TESTS: Record<string, { valid?: string[]; invalid: Case[] }> = {
  'land-forest-rights-respected': { invalid: [{ errors: [[2, 'default']] }] },
  'three-transformations-reform': { invalid: [{ errors: [[2, 'default']] }] },
  'social-capital-introduced': { invalid: [{ errors: [[2, 'default']] }] },
  'collective-income-reported': { invalid: [{ errors: [[3, 'default']] }] },
  'hollow-shell-villages-baseline': { invalid: [{ errors: [[3, 'default']] }] },
  'weak-villages-baseline': { invalid: [{ errors: [[3, 'default']] }] },
  'hollow-shell-target': { invalid: [{ errors: [[1, 'aboveMax']] }] },
  'weak-village-target': { invalid: [{ errors: [[4, 'default']] }] },
  'weak-village-income-target': { invalid: [{ errors: [[2, 'default']] }] },
  'collective-income-current': { invalid: [{ errors: [[2, 'default']] }] },
  'fragile-collective-income': { invalid: [{ errors: [[2, 'default']] }] },
  'business-entity-operating': { invalid: [{ errors: [[2, 'default']] }] },
  'cooperative-members': { invalid: [{ errors: [[2, 'default']] }] },
  'cooperative-not-captured': { invalid: [{ errors: [[2, 'default']] }] },
  'evaluation-mechanisms-all-three': { invalid: [{ errors: [[1, 'default']] }] },
  'evaluation-mechanism-unit-frequency': { invalid: [{ errors: [[2, 'default']] }] },
  'stationed-assistance-villages': { invalid: [{ errors: [[2, 'default']] }] },
  'stationed-village-known': { invalid: [{ errors: [[4, 'default']] }] },
  'evaluation-in-step': { invalid: [{ errors: [[1, 'default']] }] },
  'evaluation-outcome-indicators': { invalid: [{ errors: [[1, 'default']] }] },
  'evaluation-indicators-not-paperwork': { invalid: [{ errors: [[1, 'default']] }] },
  'monitoring-household-kinds': { invalid: [{ errors: [[1, 'default']] }] },
  'monitoring-runs': { invalid: [{ errors: [[1, 'default']] }] },
  'monitoring-threshold-floor': { invalid: [{ errors: [[1, 'default']] }] },
  'monitoring-threshold-current': { invalid: [{ errors: [[1, 'default']] }] },
  'plan-schema': { invalid: [{ errors: [[2, 'pattern'], [2, 'additionalProperties']] }] },
  'plan-period-stated': { invalid: [{ errors: [[1, 'default']] }] },
  'plan-period-ordered': { invalid: [{ errors: [[1, 'default']] }] },
  'three-governance-system': { invalid: [{ errors: [[1, 'default']] }] },
  'cadre-capacity': { invalid: [{ errors: [[1, 'default']] }] },
  'aspiration-and-skills': { invalid: [{ errors: [[1, 'default']] }] },
  'three-talks-one-review-listed': { invalid: [{ errors: [[1, 'default']] }] },
  'benefit-balance': { invalid: [{ errors: [[1, 'default']] }] },
  'publicity-and-models': { invalid: [{ errors: [[1, 'default']] }] },
  'secretary-chains-both-campaigns': { invalid: [{ errors: [[2, 'default']] }] },
  'secretary-chain-revitalization': { invalid: [{ errors: [[2, 'default']] }] },
  'secretary-chain-five-levels': { invalid: [{ errors: [[3, 'default']] }] },
  'secretary-level-named': { invalid: [{ errors: [[4, 'default']] }] },
  'county-secretary-main-energy': { invalid: [{ errors: [[2, 'missing']] }] },
  'county-secretary-chairs-group': { invalid: [{ errors: [[2, 'default']] }] },
  'linking-coordination-mechanism': { invalid: [{ errors: [[2, 'default']] }] },
  'responsibility-system-complete': { invalid: [{ errors: [[2, 'default']] }] },
  'responsibility-holders-duties': { invalid: [{ errors: [[3, 'default']] }] },
  'overall-handle-stated': { invalid: [{ errors: [[2, 'default']] }] },
  'first-secretary-exited-villages': { invalid: [{ errors: [[2, 'default']] }] },
  'no-removals-all-four': { invalid: [{ errors: [[1, 'default']] }] },
  'no-removal-complete': { invalid: [{ errors: [[2, 'default']] }] },
  'no-removal-through-transition': { invalid: [{ errors: [[3, 'default']] }] },
  'no-removal-not-lapsed': { invalid: [{ errors: [[2, 'default']] }] },
  'transition-period-not-shortened': { invalid: [{ errors: [[2, 'default']] }] },
  'no-removal-not-withdrawn': { invalid: [{ errors: [[2, 'default']] }] },
  'placeholder-unfilled': { invalid: [{ errors: [[2, 'default'], [2, 'default']] }] },
  'villages-listed': { invalid: [{ errors: [[1, 'default']] }] },
  'village-code-in-county': { invalid: [{ errors: [[4, 'default']] }] },
  'village-code-administrative': { invalid: [{ errors: [[2, 'default']] }] },
  'village-codes-unique': { invalid: [{ errors: [[3, 'default']] }] },
  'village-plan-coverage': { invalid: [{ errors: [[3, 'default']] }] },
  'village-plan-integrated': { invalid: [{ errors: [[2, 'const']] }] },
  'village-plan-considerations': { invalid: [{ errors: [[4, 'default']] }] },
  'village-plan-assembly-approved': { invalid: [{ errors: [[2, 'missing']] }] },
  'village-plan-approval-date': { invalid: [{ errors: [[2, 'default']] }] },
  'terrain-declared': { invalid: [{ errors: [[1, 'default']] }] },
  'terrain-measures': { invalid: [{ errors: [[1, 'default']] }] },
  'planning-support-poor-villages': { invalid: [{ errors: [[2, 'default']] }] },
  'planning-support-layouts': { invalid: [{ errors: [[2, 'default']] }] },
  'protection-village-heritage': { invalid: [{ errors: [[2, 'default']] }] },
  'relocation-village-consent': { invalid: [{ errors: [[2, 'missing']] }] },
  'poverty-policies-all-five': { invalid: [{ errors: [[2, 'default']] }] },
  'poverty-policy-action-source': { invalid: [{ errors: [[3, 'default']] }] },
  'revitalization-policies-all-five': { invalid: [{ errors: [[2, 'default']] }] },
  'revitalization-policy-document': { invalid: [{ errors: [[3, 'default']] }] },
  'policy-conflicts-reviewed': { invalid: [{ errors: [[2, 'default']] }] },
  'policy-conflict-resolved': { invalid: [{ errors: [[4, 'default']] }] },
  'policy-conflicts-review-current': { invalid: [{ errors: [[2, 'beforePeriod']] }] },
  'self-sustaining-target': { invalid: [{ errors: [[2, 'default']] }] },
  'local-employment-target': { invalid: [{ errors: [[2, 'default']] }] },
  'target-unit-of-measure': { invalid: [{ errors: [[2, 'default']] }] },
  'existing-industries-evaluated': { invalid: [{ errors: [[1, 'default']] }] },
  'existing-industry-evaluation-complete': { invalid: [{ errors: [[2, 'default']] }] },
  'existing-industry-evaluation-current': { invalid: [{ errors: [[3, 'beforePeriod']] }] },
  'upgrade-industries-in-plan': { invalid: [{ errors: [[2, 'default']] }] },
  'projects-listed': { invalid: [{ errors: [[1, 'default']] }] },
  'projects-not-fragmented': { invalid: [{ errors: [[2, 'default']] }] },
  'industry-project-not-only-poverty-funds': { invalid: [{ errors: [[2, 'default']] }] },
  'project-linked-to-villages': { invalid: [{ errors: [[2, 'default']] }] },
  'project-village-known': { invalid: [{ errors: [[4, 'default']] }] },
  'resources-tilt-to-poor-villages': { invalid: [{ errors: [[4, 'default']] }] },
  'infrastructure-utilisation': { invalid: [{ errors: [[1, 'default']] }] },
  'three-networks-seven-upgrades-listed': { invalid: [{ errors: [[2, 'minItems']] }] },
  'industry-project-linkage': { invalid: [{ errors: [[2, 'default']] }] },
  'industry-project-benefit': { invalid: [{ errors: [[5, 'exclusiveMinimum']] }] },
  'industry-project-four-good-one-strong': { invalid: [{ errors: [[2, 'default']] }] },
  'leader-cultivation-methods': { invalid: [{ errors: [[2, 'default']] }] },
  'leader-cultivation-sources': { invalid: [{ errors: [[2, 'default']] }] },
  'leader-cultivation-kinds': { invalid: [{ errors: [[2, 'default']] }] },
  'leader-cultivation-target': { invalid: [{ errors: [[2, 'missing']] }] },
};

/** What plan-schema requires of every plan, so that a case shows only the violation it is about. */
const PLAN_HEAD = "format_version: 1\ncounty: {name: 桃溪县, code: '439921'}\n";

// Further cases where a rule has more than one message, or a near miss that must pass.
const MORE: Record<string, { valid?: string[]; invalid: Case[] }> = {
  'protection-village-heritage': {
    invalid: [{ code: "villages:\n  - {name: 云台村, code: '439921102201', category: protection, heritage: [无]}\n", errors: [[2, 'emptyWords']] }],
  },
  'evaluation-in-step': {
    invalid: [
      { code: 'evaluation:\n  in_step_with_consolidation: false\n', errors: [[1, 'default'], [2, 'const']] },
      { code: 'evaluation:\n  joint_review: {unit: 县委农办, consolidation_indicators: [监测户风险消除率], revitalization_indicators: []}\n', errors: [[2, 'required'], [2, 'minItems']] },
    ],
  },
  'stationed-assistance-villages': {
    // Stationing is continuous: a unit and villages without a frequency is complete.
    valid: ["evaluation:\n  village_stationed_assistance: {unit: 县委组织部, villages: ['439921101201']}\n"],
    invalid: [{ code: "evaluation:\n  village_stationed_assistance: {villages: ['439921101201']}\n", errors: [[2, 'default']] }],
  },
  'evaluation-mechanism-unit-frequency': {
    valid: ["evaluation:\n  village_stationed_assistance: {unit: 县委组织部, villages: ['439921101201']}\n"],
    invalid: [],
  },
  'industry-project-benefit': {
    invalid: [
      { code: 'projects:\n  - {id: TX-2023-01, name: 桃溪油茶提质增效, kind: industry, linkage: [dividend]}\n', errors: [[2, 'default']] },
      { code: 'projects:\n  - {id: TX-2023-01, name: 桃溪油茶提质增效, kind: industry, benefit: {households_linked: 320}}\n', errors: [[2, 'required'], [2, 'required']] },
    ],
  },
  'industry-project-four-good-one-strong': {
    // Without the old self-assessment the project is judged by its benefit alone (industry-project-benefit).
    valid: ['projects:\n  - {id: TX-2023-01, name: 桃溪油茶提质增效, kind: industry}\n'],
    invalid: [],
  },
  'cooperative-not-captured': {
    invalid: [{ code: 'collective_economy:\n  entities: [{name: 红星油茶专业合作社, kind: cooperative, members: 126}]\n', errors: [[2, 'missing']] }],
  },
  'hollow-shell-target': {
    valid: ["villages:\n  - {name: 红星村, code: '439921101201', collective_income: {operating: 0}}\ncollective_economy: {hollow_shell_target: 0}\n"],
    invalid: [{ code: 'collective_economy: {weak_village_target: 0.1}\n', errors: [[1, 'missing']] }],
  },
  'weak-village-target': {
    invalid: [{ code: 'collective_economy: {hollow_shell_target: 0}\n', errors: [[1, 'missing']] }],
  },
  'county-secretary-main-energy': {
    invalid: [{ code: 'leadership:\n  county_secretary: {main_energy_on_rural_work: false}\n', errors: [[2, 'default']] }],
  },
  'relocation-village-consent': {
    invalid: [{ code: "villages:\n  - {name: 高坪村, code: '439921102203', category: relocation, relocation_consent: false}\n", errors: [[2, 'default']] }],
  },
  'village-plan-assembly-approved': {
    invalid: [{ code: "villages:\n  - name: 高坪村\n    code: '439921102203'\n    plan: {kind: village_plan, assembly_approved: false}\n", errors: [[4, 'default']] }],
  },
  'business-entity-operating': {
    invalid: [{ code: 'collective_economy:\n  entities: [{name: 红星油茶专业合作社, kind: cooperative}]\n', errors: [[2, 'missing']] }],
  },
  'first-secretary-exited-villages': {
    // A text that only mentions an empty word among others says something.
    valid: ["villages:\n  - {name: 红星村, code: '439921101201', poverty_status: exited, first_secretary: 县农业农村局选派（人选暂无变动）}\n"],
    invalid: [{ code: "villages:\n  - {name: 红星村, code: '439921101201', poverty_status: exited, first_secretary: 暂无}\n", errors: [[2, 'emptyWords']] }],
  },
  'village-code-administrative': {
    // Villagers' committees numbered 500–599 in the code tables; 400–499 are virtual communities.
    valid: ["villages:\n  - {name: 朱家庄社区村委会, code: '439921500510'}\n"],
    invalid: [{ code: "villages:\n  - {name: 旅游区虚拟社区, code: '439921400498'}\n", errors: [[2, 'default']] }],
  },
  'no-removal-not-lapsed': {
    // Kept until the audit date itself: still in force on that day.
    valid: ["no_removals:\n  policy: {kept_until: '2026-12-01', owner: 县政府, measures: [主要帮扶政策总体稳定]}\n"],
    invalid: [{ code: "no_removals:\n  policy: {kept_until: '2026-02-30', owner: 县政府, measures: [主要帮扶政策总体稳定]}\n", errors: [[2, 'invalidDate']] }],
  },
  'plan-period-ordered': {
    valid: ["plan_period: {start: '2026-01-01', end: '2026-01-01'}\n"],
    invalid: [{ code: "plan_period: {start: '2026-01-01', end: '2030-02-30'}\n", errors: [[1, 'invalidDate']] }],
  },
  'transition-period-not-shortened': {
    // A county that left poverty in mid-2022 keeps its transition period five years, past the default end.
    invalid: [
      {
        code: "county: {name: 桃溪县, code: '439921', exited_poverty_on: '2022-06-30'}\ntransition_period: {start: '2022-07-01', end: '2025-12-31'}\n",
        errors: [[2, 'default']],
      },
      { code: "transition_period: {start: '2021-01-01', end: '2025-02-30'}\n", errors: [[1, 'invalidDate']] },
    ],
  },
  'collective-income-current': {
    // Two years old on the audit date (stale_data_years): still current.
    valid: ["villages:\n  - {name: 石桥村, code: '439921101202', collective_income: {year: 2024, operating: 320000}}\n"],
    invalid: [],
  },
  'monitoring-threshold-current': {
    valid: ['monitoring: {income_threshold: 7200, threshold_year: 2024}\n'],
    invalid: [],
  },
  'plan-schema': {
    invalid: [
      { code: `${PLAN_HEAD}collective_economy: {weak_village_target: 25}\n`, errors: [[3, 'percentage']] },
      { code: `${PLAN_HEAD}villages:\n  - {name: 红星村, code: '439921101201', category: 特色保护类}\n`, errors: [[4, 'enum']] },
      { code: `${PLAN_HEAD}villages:\n  - name: 红星村\n    code: '439921101201'\n    collective_income: {operating: 12.5万}\n`, errors: [[6, 'amountText']] },
      { code: `${PLAN_HEAD}leadership:\n  county_secretary: {main_energy_on_rural_work: 是}\n`, errors: [[4, 'booleanText']] },
    ],
  },
};

/**
 * A text or list that only says 无, 暂无, 待定 …: each rule that asks for a text or a list names the
 * words written (message `emptyWords`), not "nothing written".
 */
const EMPTY_WORDS: Record<string, [code: string, line: number]> = {
  'land-forest-rights-respected': ['collective_economy:\n  rights_respected: [无]\n', 2],
  'social-capital-introduced': ['collective_economy:\n  social_capital: [暂无]\n', 2],
  'evaluation-outcome-indicators': ['evaluation:\n  outcome_indicators: [无]\n', 2],
  'aspiration-and-skills': ['governance:\n  aspiration_and_skills: [待定]\n', 2],
  'three-talks-one-review-listed': ['slogans:\n  three_talks_one_review: [无]\n', 2],
  'benefit-balance': ['governance:\n  benefit_balance: [暂无]\n', 2],
  'publicity-and-models': ['governance:\n  publicity: [待补充]\n', 2],
  'villages-listed': ['format_version: 1\nvillages: [无]\n', 2],
  'terrain-declared': ['county:\n  terrain: [无]\n', 2],
  'existing-industries-evaluated': ['format_version: 1\nexisting_industries: [暂无]\n', 2],
  'projects-listed': ['format_version: 1\nprojects: [待定]\n', 2],
  'project-linked-to-villages': ['projects:\n  - {id: TX-2023-01, name: 桃溪油茶提质增效, kind: industry, villages: [待定]}\n', 2],
  'industry-project-linkage': ['projects:\n  - {id: TX-2023-01, name: 桃溪油茶提质增效, kind: industry, linkage: [无]}\n', 2],
};

/** The section is there but holds none of the parts the document names: message `none`, not "6 of the 6". */
const NONE: Record<string, [code: string, line: number]> = {
  'three-transformations-reform': ['collective_economy:\n  three_transformations: [资源变资产]\n', 2],
  'evaluation-mechanisms-all-three': ['evaluation:\n  outcome_indicators: [脱贫户人均纯收入增幅]\n', 1],
  'monitoring-household-kinds': ['monitoring:\n  household_kinds: []\n', 2],
  'three-governance-system': ['governance:\n  three_governance: []\n', 2],
  'cadre-capacity': ['governance:\n  cadre_capacity: []\n', 2],
  'secretary-chains-both-campaigns': ['leadership:\n  secretary_chains: {}\n', 2],
  'secretary-chain-five-levels': ['leadership:\n  secretary_chains:\n    revitalization: {}\n', 3],
  'linking-coordination-mechanism': ['leadership:\n  linking_coordination: {}\n', 2],
  'responsibility-system-complete': ['leadership:\n  responsibility_system: {}\n', 2],
  'no-removals-all-four': ['no_removals: {}\n', 1],
  'village-plan-considerations': ["villages:\n  - name: 红星村\n    code: '439921101201'\n    plan: {kind: village_plan, considerations: []}\n", 4],
  'planning-support-layouts': ['planning:\n  planning_support: {unit: 县自然资源局, layouts: []}\n', 2],
  'poverty-policies-all-five': ['policy_linkage:\n  poverty_policies: {}\n', 2],
  'revitalization-policies-all-five': ['policy_linkage:\n  revitalization_policies: {}\n', 2],
  'leader-cultivation-methods': ['talent:\n  leader_cultivation: {methods: []}\n', 2],
  'leader-cultivation-sources': ['talent:\n  leader_cultivation: {sources: []}\n', 2],
  'leader-cultivation-kinds': ['talent:\n  leader_cultivation: {kinds: []}\n', 2],
};

describe('every built-in rule (RuleTester style)', () => {
  const rules = catalog().rules;

  it('has an entry here', () => {
    expect(rules.map((r) => r.id).filter((id) => !TESTS[id]).sort()).toEqual([]);
    expect(Object.keys(TESTS).filter((id) => !rules.some((r) => r.id === id))).toEqual([]);
  });

  const cases = rules.flatMap((rule) => {
    const t = TESTS[rule.id];
    if (!t) return [];
    const more = MORE[rule.id];
    const valid = [rule.examples?.pass, ...(t.valid ?? []), ...(more?.valid ?? [])].filter((c): c is string => !!c);
    const invalid = [...t.invalid, ...(more?.invalid ?? [])].map((c) => ({ ...c, code: c.code ?? rule.examples!.fail! }));
    const today = rule.examples?.today ?? TEST_TODAY;
    return [
      ...valid.map((code, i) => [rule.id, `valid ${i + 1}`, code, [] as Case['errors'], today] as const),
      ...invalid.map((c, i) => [rule.id, `invalid ${i + 1}`, c.code, c.errors, today] as const),
    ];
  });

  it.each(cases)('%s %s', (id, _name, code, errors, today) => {
    const found = expected(auditText(code, [id], undefined, today));
    expect(found.map((f) => [f.line, f.messageId])).toEqual(errors);
    for (const f of found) expect(f.rule).toBe(id);
  });
});

describe('messages for what a planner really writes', () => {
  const cases = [
    ...Object.entries(EMPTY_WORDS).map(([id, [code, line]]) => [id, 'emptyWords', code, line] as const),
    ...Object.entries(NONE).map(([id, [code, line]]) => [id, 'none', code, line] as const),
  ];
  it.each(cases)('%s: %s', (id, messageId, code, line) => {
    expect(expected(auditText(code, [id]))).toEqual([{ rule: id, line, messageId }]);
  });
});
