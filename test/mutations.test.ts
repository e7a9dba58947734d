import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { auditText, lineOf } from './helpers/audit.js';

/**
 * The aligned example has no gaps; taking one thing out of it must yield exactly the one gap
 * that names it, at the line of the nearest existing parent.
 */
const aligned = readFileSync(new URL('../examples/aligned.yaml', import.meta.url), 'utf8');

function without(path: (string | number)[]): string {
  const doc = parseDocument(aligned);
  expect(doc.hasIn(path), `aligned example has ${path.join('.')}`).toBe(true);
  doc.deleteIn(path);
  return doc.toString();
}

describe('the aligned example', () => {
  it('has no gaps at all', () => {
    expect(auditText(aligned).map((f) => `${f.ruleId}: ${f.message.en}`)).toEqual([]);
  });
});

describe('removing one of the four no-removals', () => {
  it.each([
    ['responsibility', '不摘责任'],
    ['policy', '不摘政策'],
    ['assistance', '不摘帮扶'],
    ['supervision', '不摘监管'],
  ])('%s yields one gap naming it, at no_removals', (key, zh) => {
    const text = without(['no_removals', key]);
    const findings = auditText(text);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f!.ruleId).toBe('no-removals-all-four');
    expect(f!.line).toBe(lineOf(text, '\nno_removals:') + 1);
    expect(f!.message.zh).toContain(zh);
    expect(f!.message.en).toContain(key);
    expect(f!.message.zh).toContain('已明确 3 项，应为 4 项');
  });
});

describe('removing one level of a five-level chain', () => {
  const chains = [
    ['poverty_alleviation', '五级书记抓脱贫攻坚'],
    ['revitalization', '五级书记抓乡村振兴'],
  ] as const;
  const levels = [
    ['province', '省级'],
    ['city', '市级'],
    ['county', '县'],
    ['township', '乡镇'],
    ['village', '村级'],
  ] as const;
  const cases = chains.flatMap(([chain, chainZh]) => levels.map(([level, levelZh]) => [chain, level, chainZh, levelZh] as const));
  it.each(cases)('%s.%s yields one gap naming the level, at the chain', (chain, level, chainZh, levelZh) => {
    const text = without(['leadership', 'secretary_chains', chain, level]);
    const findings = auditText(text);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f!.ruleId).toBe('secretary-chain-five-levels');
    expect(f!.path).toBe(`leadership.secretary_chains.${chain}`);
    expect(f!.line).toBe(lineOf(text, `  ${chain}:`));
    expect(f!.message.zh).toContain(chainZh);
    expect(f!.message.zh).toContain(levelZh);
    expect(f!.message.en).toContain('is missing 1 of its 5 levels');
  });
});

describe("removing one village's plan", () => {
  it('yields one coverage gap at that village, naming it, with the measured coverage', () => {
    const text = without(['villages', 4, 'plan']);
    const findings = auditText(text);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f!.ruleId).toBe('village-plan-coverage');
    expect(f!.line).toBe(lineOf(text, '- name: 竹林村') );
    expect(f!.column).toBe(5);
    expect(f!.path).toBe('villages[4]');
    expect(f!.message.zh).toContain('12 个行政村中有 1 个（8.3%）');
    expect(f!.message.zh).toContain('竹林村（439921102202）');
    expect(f!.message.en).toContain('1 of 12 administrative villages (8.3%)');
    expect(f!.actual).toBe('91.7%');
    expect(f!.expected).toBe('100.0%');
  });
});

describe('removing one required part of the other areas', () => {
  it.each([
    [['policy_linkage', 'poverty_policies', 'housing'], 'poverty-policies-all-five', '住房扶贫'],
    [['policy_linkage', 'revitalization_policies', 'culture'], 'revitalization-policies-all-five', '文化'],
    [['evaluation', 'third_party_assessment'], 'evaluation-mechanisms-all-three', '第三方评估'],
    [['evaluation', 'special_inspection', 'frequency'], 'evaluation-mechanism-unit-frequency', '频次'],
    [['monitoring', 'household_kinds', 2], 'monitoring-household-kinds', '突发严重困难户'],
    [['villages', 3, 'heritage'], 'protection-village-heritage', '云台村'],
    [['villages', 5, 'relocation_consent'], 'relocation-village-consent', '高坪村'],
    [['projects', 0, 'linkage'], 'industry-project-linkage', '桃溪油茶提质增效'],
    [['collective_economy', 'rights_respected'], 'land-forest-rights-respected', '土地、山林'],
    [['collective_economy', 'weak_village_target'], 'weak-village-target', '薄弱村占比目标'],
    [['talent', 'leader_cultivation', 'sources', 3], 'leader-cultivation-sources', '已脱贫户'],
    [['governance', 'three_governance', 2], 'three-governance-system', '德治'],
  ] as const)('%j yields exactly one gap, from %s', (path, ruleId, zh) => {
    const findings = auditText(without([...path]));
    expect(findings.map((f) => f.ruleId)).toEqual([ruleId]);
    expect(findings[0]!.message.zh).toContain(zh);
  });

  it('moving every project away from exited villages breaks the tilt toward them, with both shares', () => {
    const doc = parseDocument(aligned);
    for (const i of [0, 1, 2]) doc.setIn(['projects', i, 'villages'], doc.createNode(['439921101202']));
    const findings = auditText(doc.toString());
    expect(findings.map((f) => f.ruleId)).toEqual(['resources-tilt-to-poor-villages']);
    expect(findings[0]!.message.en).toContain('exited poor villages (4) get 0 yuan of project funds each on average');
  });

  it('a village living on photovoltaic income alone is listed by name', () => {
    const doc = parseDocument(aligned);
    doc.setIn(['villages', 10, 'collective_income', 'operating'], 9000);
    doc.setIn(['villages', 10, 'collective_income', 'target'], 60000);
    const text = doc.toString();
    const findings = auditText(text);
    // Its total income is under 50,000 yuan too: shown, as information, beside the source city's 32 %.
    expect(findings.map((f) => f.ruleId)).toEqual(['fragile-collective-income', 'weak-villages-baseline']);
    expect(findings[1]!.severity).toBe('info');
    expect(findings[0]!.message.zh).toContain('银杏村（439921104202）');
    expect(findings[0]!.line).toBe(lineOf(text, '- name: 银杏村'));
  });
});
