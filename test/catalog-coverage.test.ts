import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../src/catalog/types.js';
import { explainRule } from '../src/docs/explain.js';
import { clauseCoverage, ruleParameters, sourceClauses } from '../src/docs/source.js';
import { GENERATED } from '../src/docs/write.js';
import { catalog } from './helpers/audit.js';
import { cli } from './helpers/cli.js';

const cat = catalog();
const clauses = sourceClauses();

/** Clause ids cited by no rule and listed by no manual-review item. */
const uncovered = (c: Catalog): string[] =>
  clauseCoverage(c, clauses)
    .filter((r) => r.rules.length === 0 && r.manual.length === 0)
    .map((r) => r.id);

describe('traceability of the source document', () => {
  it('reads every clause of rules/source.zh.md', () => {
    const text = readFileSync(new URL('../rules/source.zh.md', import.meta.url), 'utf8');
    expect(clauses.length).toBe(text.match(/^- \*\*[PQR]\d+\.\d+\*\*/gm)!.length);
    expect(clauses.map((c) => c.id)).toContain('R6.3');
    expect(clauses.find((c) => c.id === 'Q2.2')!.text).toContain('7.5%');
  });

  it('covers every clause by a rule or a manual-review item', () => {
    expect(uncovered(cat)).toEqual([]);
  });

  it('notices a clause that loses its rules and manual items', () => {
    const without = {
      ...cat,
      rules: cat.rules.filter((r) => !r.source.clauses.includes('Q2.4')),
      manual: cat.manual.filter((m) => !m.clauses.includes('Q2.4')),
    };
    expect(uncovered(without)).toEqual(['Q2.4']);
  });

  it('enforces every recommendation R1–R6 and every problem Q1–Q3 that asks something of a plan by at least one rule', () => {
    const enforced = new Set(cat.rules.flatMap((r) => r.source.clauses));
    const mustBeRules = clauses.map((c) => c.id).filter((id) => /^R/.test(id) || ['Q1.1', 'Q2.2', 'Q2.3', 'Q2.4', 'Q3.3'].includes(id));
    expect(mustBeRules.filter((id) => !enforced.has(id))).toEqual([]);
  });
});

describe('the manual-review items', () => {
  it.each(cat.manual.map((m) => [m.id, m] as const))('%s cites real clauses and says why and what to check, in both languages', (_id, m) => {
    expect(m.id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    expect(m.clauses.length).toBeGreaterThan(0);
    for (const c of m.clauses) expect(clauses.some((x) => x.id === c), c).toBe(true);
    for (const t of [m.reason, m.check]) {
      expect(t.zh).toMatch(/\p{Script=Han}/u);
      expect(t.en).toMatch(/[a-z]{3}/);
    }
  });
  it('have unique ids, distinct from rule ids', () => {
    const ids = cat.manual.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(cat.rules.some((r) => r.id === id)).toBe(false);
  });
});

describe('outside sources (rules/sources.yaml)', () => {
  it('give title, issuer and date; the transition period cites the central opinion, not a clause', () => {
    for (const s of Object.values(cat.sources!)) {
      expect(s.title.zh && s.title.en && s.issuer.zh).toBeTruthy();
      expect(s.date).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    }
    for (const name of ['transition_start', 'transition_end', 'transition_years']) {
      expect(cat.parameters[name]!.cites).toEqual(['central-opinion-2020']);
      expect(cat.parameters[name]!.source ?? []).toEqual([]);
    }
  });
  it('are named by `rules show`, apart from the clauses', () => {
    const r = cli(['rules', 'show', 'no-removal-through-transition']);
    expect(r.code).toBe(0);
    const [head, rest] = r.stdout.split('外部来源（非来源文件条款）:');
    expect(head).toContain('条款: R2.2');
    expect(head).not.toContain('中共中央');
    expect(rest).toMatch(/^\n {4}中共中央 国务院《关于实现巩固拓展脱贫攻坚成果同乡村振兴有效衔接的意见》（中共中央、国务院，2020-12-16）/);
  });
});

describe('parameters', () => {
  it('are each read by at least one rule or are plan fallbacks', () => {
    const used = new Set(cat.rules.flatMap((r) => ruleParameters(r)));
    const unused = Object.keys(cat.parameters).filter((p) => !used.has(p));
    // transition_start is the plan's fallback start date, read by reports of the transition period;
    // empty_words is read by the engine for every substance check (src/engine/audit.ts);
    // remediation_due and remediation_lead_days set the due dates of the remediation view.
    expect(unused.filter((p) => !['transition_start', 'empty_words', 'remediation_due', 'remediation_lead_days'].includes(p))).toEqual([]);
  });
  it.each([
    ['weak_village_income_threshold', 50000],
    ['hollow_shell_baseline', 0.075],
    ['weak_village_baseline', 0.32],
  ])('%s defaults to the document value %s', (name, value) => {
    expect(cat.parameters[name]!.default).toBe(value);
    expect(cat.parameters[name]!.source).toContain('Q2.2');
  });
});

describe('the severity policy (docs/severity.md)', () => {
  const obligation = /要|严格|必须|确保|全覆盖|防止|尊重|坚持/;
  it('gives error only to rules whose clauses oblige (要/严格/必须/确保/全覆盖/防止/尊重/坚持)', () => {
    const errors = cat.rules.filter((r) => r.severity === 'error' && r.area !== 'format');
    const offending = errors.filter((r) => !r.source.clauses.some((id) => obligation.test(clauses.find((c) => c.id === id)!.text)));
    expect(offending.map((r) => r.id)).toEqual([]);
  });
  it('never gives error to a rule that rests on a problem clause alone', () => {
    const onlyQ = cat.rules.filter((r) => r.source.clauses.length > 0 && r.source.clauses.every((c) => c.startsWith('Q')));
    expect(onlyQ.filter((r) => r.severity === 'error').map((r) => r.id)).toEqual([]);
  });
  it('is written down', () => {
    const doc = readFileSync(new URL('../docs/severity.md', import.meta.url), 'utf8');
    for (const word of ['要', '严格', '必须', '全覆盖', 'warning', 'info']) expect(doc).toContain(word);
  });
});

describe('rules show', () => {
  it.each(cat.rules.flatMap((r) => (['zh', 'en'] as const).map((lang) => [r.id, lang] as const)))('%s (%s) explains the rule in full', (id, lang) => {
    const rule = cat.rules.find((r) => r.id === id)!;
    const text = explainRule(rule, cat, lang);
    expect(text.startsWith(`${id}  ${rule.title[lang]}`)).toBe(true);
    expect(text).toContain(rule.source.quote);
    for (const c of rule.source.clauses) expect(text).toContain(c);
    expect(text).toContain(rule.remediation[lang]);
    for (const p of ruleParameters(rule)) expect(text).toContain(`${p} = ${JSON.stringify(cat.parameters[p]!.default)}`);
    expect(text).toContain(rule.examples!.pass!.split('\n')[0]);
    expect(text).toContain(rule.examples!.fail!.split('\n')[0]);
    // The gap the failing example yields, as the planner would see it.
    const said = text.split(lang === 'zh' ? '审计结果:' : 'Audit says:')[1];
    expect(said, 'the failing example yields a gap').toBeDefined();
    expect(said!.split('\n')[1]).toMatch(/^ {4}\d+:\d+ [^{]+$/);
  });

  it('prints a rule from the CLI in English, with its parameters and the gap its failing example yields', () => {
    const r = cli(['rules', 'show', 'hollow-shell-villages-baseline', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Severity: info');
    expect(r.stdout).toContain('hollow_shell_baseline = 0.075');
    expect(r.stdout).toContain('全市仍有约7.5%的行政村为集体经济空壳村');
    expect(r.stdout).toMatch(/Audit says:\n\s+\d+:\d+ hollow shells \(no collective operating income\) among the villages that report it: 1 of 2 \(50\.0%\)/);
  });

  it('rejects an unknown rule with exit 2 and suggestions', () => {
    const r = cli(['rules', 'show', 'hollow-shell']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown rule hollow-shell; did you mean hollow-shell-villages-baseline, hollow-shell-target/);
    expect(r.stdout).toBe('');
  });
});

describe('rules --coverage', () => {
  it('prints every clause with its rules or manual items and a summary', () => {
    const r = cli(['rules', '--coverage', '--lang', 'en']);
    expect(r.code).toBe(0);
    for (const c of clauses) expect(r.stdout).toMatch(new RegExp(`^${c.id.replace('.', '\\.')} `, 'm'));
    expect(r.stdout).toContain('manual: remote-and-land-poor-villages');
    expect(r.stdout).toMatch(/fragile-collective-income \[warning\]/);
    expect(r.stdout).toMatch(new RegExp(`${clauses.length} clauses: \\d+ enforced by rules, \\d+ manual review only, 0 uncovered`));
  });
  it('as JSON lists rule and manual ids per clause, and the outside sources apart', () => {
    const data = JSON.parse(cli(['rules', '--coverage', '--format', 'json']).stdout) as {
      clauses: { clause: string; rules: string[]; manual: string[] }[];
      outsideSources: { id: string; issuer: { zh: string }; date: string; rules: string[]; parameters: string[] }[];
    };
    const rows = data.clauses;
    expect(rows.map((r) => r.clause)).toEqual(clauses.map((c) => c.id));
    expect(rows.find((r) => r.clause === 'R4.1')!.rules).toContain('resources-tilt-to-poor-villages');
    const central = data.outsideSources.find((s) => s.id === 'central-opinion-2020')!;
    expect(central).toMatchObject({ date: '2020-12-16', issuer: { zh: '中共中央、国务院' } });
    expect(central.parameters).toEqual(['transition_start', 'transition_end', 'transition_years']);
    expect(central.rules).toContain('no-removal-through-transition');
    expect(central.rules).toContain('transition-period-not-shortened');
  });
  it('as text names each outside source with its issuer and date, after the clauses', () => {
    const r = cli(['rules', '--coverage']);
    const [clausePart, outsidePart] = r.stdout.split('外部来源（不是来源文件的条款）：');
    expect(outsidePart).toContain('central-opinion-2020  中共中央 国务院《关于实现巩固拓展脱贫攻坚成果同乡村振兴有效衔接的意见》（中共中央、国务院，2020-12-16）');
    expect(outsidePart).toContain('参数 transition_end');
    expect(clausePart).not.toContain('关于实现巩固拓展脱贫攻坚成果同乡村振兴有效衔接的意见');
  });
});

describe('generated rule pages', () => {
  it('exist for exactly the rules of the catalog (run `npm run docs`)', () => {
    const pages = readdirSync(new URL('../docs/rules/', import.meta.url)).sort();
    expect(pages).toEqual(['README.md', ...cat.rules.map((r) => `${r.id}.md`)].sort());
    for (const p of pages) expect(GENERATED[`docs/rules/${p}`], p).toBeTypeOf('function');
  });
});

describe('rules show --format json', () => {
  it('gives the rule as data with its parameters and their defaults', () => {
    const r = cli(['rules', '--lang', 'en', 'show', 'projects-not-fragmented', '--format', 'json']);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout) as { id: string; source: { clauses: string[] }; parameters: Record<string, { default: unknown }> };
    expect(data.id).toBe('projects-not-fragmented');
    expect(data.source.clauses).toEqual(['R4.1']);
    expect(Object.keys(data.parameters)).toEqual(['min_project_funds']);
    expect(data.parameters.min_project_funds!.default).toBe(500000);
  });
});
