import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogError } from '../../src/catalog/load.js';
import { anyGlob, findConfig, loadConfig } from '../../src/config/load.js';
import { effectiveSettings } from '../../src/config/effective.js';
import { inputErrorLine } from '../../src/report/text.js';
import { cli, ROOT } from '../helpers/cli.js';
import { checkIn } from '../helpers/settings.js';
import { tmpTree } from '../helpers/tmp.js';

const PARTIAL = readFileSync(join(ROOT, 'examples/partial.yaml'), 'utf8');

interface Gap {
  ruleId: string;
  severity: string;
  line: number;
  path: string;
}

async function gaps(cwd: string, args: string[] = []): Promise<{ code: number | null; gaps: Gap[]; stderr: string }> {
  const r = await checkIn(cwd, ['plan.yaml'], args);
  const found = r.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, line: f.line, path: f.path }));
  return { code: r.code, gaps: found, stderr: r.stderr };
}

describe('a config file changes the report exactly as it says', () => {
  it('turns a rule off, changes a severity and a threshold — and nothing else', async () => {
    const dir = tmpTree({ 'plan.yaml': PARTIAL });
    const before = await gaps(dir, ['--no-config']);
    expect(before.gaps.map((g) => g.ruleId)).toEqual(expect.arrayContaining(['secretary-chain-five-levels', 'responsibility-system-complete', 'village-plan-coverage']));
    const config = [
      'rules:',
      '  secretary-chain-five-levels: off',
      '  responsibility-system-complete: warning',
      'parameters:',
      '  village_plan_coverage_target: 0.9',
      '',
    ].join('\n');
    const after = await gaps(tmpTree({ 'plan.yaml': PARTIAL, 'rural-audit.config.yaml': config }));
    const expected = before.gaps
      .filter((g) => g.ruleId !== 'secretary-chain-five-levels')
      // partial.yaml covers 11 of 12 villages (91.7 %): over a 0.9 target the coverage gap is gone.
      .filter((g) => g.ruleId !== 'village-plan-coverage')
      .map((g) => (g.ruleId === 'responsibility-system-complete' ? { ...g, severity: 'warning' } : g));
    expect(after.gaps).toEqual(expected);
  });

  it('a stricter threshold than the plan meets brings a gap, with the configured value as expected', () => {
    const text = PARTIAL;
    const dir = tmpTree({ 'plan.yaml': text, 'rural-audit.config.yaml': 'parameters:\n  village_plan_coverage_target: 0.95\n' });
    const r = cli(['check', 'plan.yaml', '--format', 'json'], { cwd: dir });
    const gap = JSON.parse(r.stdout).files[0].findings.find((f: Gap) => f.ruleId === 'village-plan-coverage');
    expect(gap.expected).toBe('95.0%');
  });

  it('turns whole areas off with area:<id> and everything with *, then single rules back on', async () => {
    const config = "rules:\n  '*': off\n  no-removal-through-transition: on\n";
    const r = await gaps(tmpTree({ 'plan.yaml': PARTIAL, 'rural-audit.config.yaml': config }));
    expect(new Set(r.gaps.map((g) => g.ruleId))).toEqual(new Set(['no-removal-through-transition']));
    const byArea = await gaps(tmpTree({ 'plan.yaml': PARTIAL, 'rural-audit.config.yaml': "rules:\n  'area:leadership': info\n" }));
    for (const g of byArea.gaps.filter((x) => x.ruleId.startsWith('secretary') || x.ruleId.startsWith('responsibility'))) expect(g.severity).toBe('info');
  });

  it('is found in a folder above the working directory, and --no-config ignores it', async () => {
    const dir = tmpTree({ 'sub/deeper/plan.yaml': PARTIAL, 'rural-audit.config.yaml': 'rules:\n  village-plan-coverage: off\n' });
    expect(findConfig(join(dir, 'sub/deeper'))).toBe(join(dir, 'rural-audit.config.yaml'));
    expect((await gaps(join(dir, 'sub/deeper'))).gaps.map((g) => g.ruleId)).not.toContain('village-plan-coverage');
    expect((await gaps(join(dir, 'sub/deeper'), ['--no-config'])).gaps.map((g) => g.ruleId)).toContain('village-plan-coverage');
  });

  it('--config FILE uses that file; a missing one is an error, exit 2', async () => {
    const dir = tmpTree({ 'plan.yaml': PARTIAL, 'cfg/strict.yaml': 'rules:\n  village-plan-coverage: off\n' });
    expect((await gaps(dir, ['--config', 'cfg/strict.yaml'])).gaps.map((g) => g.ruleId)).not.toContain('village-plan-coverage');
    const r = cli(['check', 'plan.yaml', '--config', 'nope.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('nope.yaml: error: no such file\n');
  });
});

describe('a broken config: one positioned line, exit 2', () => {
  it.each([
    ['an unknown rule id, with a suggestion', 'rules:\n  terain-declared: off\n', 2, 20, /unknown rule id terain-declared \(did you mean terrain-declared\?\)/],
    ['an unknown severity', 'rules:\n  terrain-declared: fatal\n', 2, 21, /must be one of off, on, error, warning, info/],
    ['an unknown key', 'rule:\n  terrain-declared: off\n', 1, 1, /unknown key rule/],
    ['an unknown area', "rules:\n  'area:nowhere': off\n", 2, 19, /unknown area nowhere/],
    ['an unknown parameter', 'parameters:\n  coverage_target: 1\n', 2, 20, /unknown parameter coverage_target/],
    ['a parameter of the wrong type', "parameters:\n  village_plan_coverage_target: '90%'\n", 2, 33, /must be a number/],
    ['a parameter its rule refuses', 'parameters:\n  village_plan_coverage_target: 1.5\n', 2, 33, /does not suit rule village-plan-coverage: \/min must be <= 1/],
    ['a date parameter that is no day', "parameters:\n  transition_end: '2026-02-30'\n", 2, 19, /real date/],
    ['a YAML syntax error', 'rules: [unclosed\n', 1, 8, /./],
    ['an unknown built-in profile', 'extends: [default, nowhere-province]\n', 1, 20, /no profile nowhere-province \(built-in profiles: default, example-province\)/],
    ['a missing custom rule folder', 'custom_rules: [./no-such-rules]\n', 1, 16, /no such folder/],
    ['a __proto__ key', 'rules:\n  __proto__: {polluted: true}\n', 2, 3, /invalid key "__proto__"/],
    ['a constructor rule id', 'rules:\n  constructor: off\n', 2, 16, /unknown rule id constructor/],
    ['a __proto__ parameter', 'parameters:\n  __proto__: 1\n', 2, 14, /invalid key "__proto__"/],
  ])('%s', (_what, config, line, column, detail) => {
    const dir = tmpTree({ 'rural-audit.config.yaml': config });
    let error: CatalogError | undefined;
    try {
      loadConfig({ cwd: dir });
    } catch (e) {
      error = e as CatalogError;
    }
    expect(error).toBeInstanceOf(CatalogError);
    const line1 = inputErrorLine(error!.error, 'en');
    expect(line1).toMatch(new RegExp(`^rural-audit\\.config\\.yaml:${line}:${column}: error: `));
    expect(line1).toMatch(detail);
  });

  it('on the command line: one line on stderr, no report, no stack trace, exit 2', () => {
    const dir = tmpTree({ 'plan.yaml': PARTIAL, 'rural-audit.config.yaml': 'rules:\n  terain-declared: off\n' });
    const r = cli(['check', 'plan.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('rural-audit.config.yaml:2:20: error: invalid configuration: rules: unknown rule id terain-declared (did you mean terrain-declared?)\n');
  });

  it('never lets config keys reach Object.prototype', () => {
    const dir = tmpTree({ 'rural-audit.config.yaml': 'overrides:\n  - files: ["*.yaml"]\n    parameters: {constructor: 1}\n' });
    expect(() => loadConfig({ cwd: dir })).toThrow(CatalogError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });
});

describe('profiles', () => {
  it('extends the built-in example profile, says it is an example, and the config wins over it', async () => {
    const config = 'extends: example-province\nparameters:\n  village_plan_coverage_target: 0.95\n';
    const dir = tmpTree({ 'plan.yaml': PARTIAL, 'rural-audit.config.yaml': config });
    const r = await gaps(dir);
    expect(r.stderr).toMatch(/profile example-province is an EXAMPLE|配置档 example-province 是示例/);
    const settings = effectiveSettings(loadConfig({ cwd: dir }));
    expect(settings.parameters.get('village_plan_coverage_target')).toEqual({ value: 0.95, from: 'rural-audit.config.yaml:3:33 (config)' });
    expect(settings.parameters.get('transition_end')!.value).toBe('2026-12-31');
    expect(settings.parameters.get('transition_end')!.from).toMatch(/^\(built-in\) rules\/profiles\/example-province\.yaml:\d+:\d+ \(profile example-province\)$/);
    expect(settings.rules.get('village-plan-approval-date')!.value).toBe('info');
  });

  it('labels every built-in example profile as an example with invented values', () => {
    const text = readFileSync(join(ROOT, 'rules/profiles/example-province.yaml'), 'utf8');
    expect(text).toMatch(/^example: true$/m);
    expect(text).toMatch(/EXAMPLE/);
    expect(text).toMatch(/invented/);
  });

  it('loads a profile file by path, relative to the file that names it, and catches a cycle', () => {
    const profile = (name: string, ext: string) => `name: ${name}\ntitle: {zh: 市, en: City}\ndescription: {zh: 市, en: City}\nextends: ${ext}\nrules:\n  terrain-declared: error\n`;
    const ok = tmpTree({ 'rural-audit.config.yaml': 'extends: profiles/city.yaml\n', 'profiles/city.yaml': profile('city', 'default') });
    expect(effectiveSettings(loadConfig({ cwd: ok })).rules.get('terrain-declared')!.value).toBe('error');
    const loop = tmpTree({ 'rural-audit.config.yaml': 'extends: a.yaml\n', 'a.yaml': profile('a', 'b.yaml'), 'b.yaml': profile('b', 'a.yaml') });
    expect(() => loadConfig({ cwd: loop })).toThrow(/b\.yaml:4:10: .*profile a\.yaml extends itself/);
  });
});

describe('files: ignore globs and per-file overrides', () => {
  it('leaves out ignored plans and applies overrides to the plans their globs match', () => {
    const config = [
      'ignore: [drafts]',
      'overrides:',
      "  - files: ['lakeside/**']",
      '    rules:',
      '      village-plan-coverage: warning',
      '',
    ].join('\n');
    const dir = tmpTree({ 'rural-audit.config.yaml': config, 'plans/a.yaml': PARTIAL, 'lakeside/b.yaml': PARTIAL, 'drafts/c.yaml': PARTIAL });
    const r = cli(['check', '.', '--format', 'json'], { cwd: dir });
    const report = JSON.parse(r.stdout);
    expect(report.files.map((f: { file: string }) => f.file)).toEqual(['lakeside/b.yaml', 'plans/a.yaml']);
    const sev = (file: string) => report.files.find((f: { file: string }) => f.file === file).findings.find((x: Gap) => x.ruleId === 'village-plan-coverage').severity;
    expect(sev('lakeside/b.yaml')).toBe('warning');
    expect(sev('plans/a.yaml')).toBe('error');
  });

  it('matches globs like .gitignore: names at any depth, folders with all beneath', () => {
    const m = anyGlob(['drafts', '*.old.yaml', 'plans/2020/**']);
    expect(m('drafts/a.yaml')).toBe(true);
    expect(m('x/drafts/a.yaml')).toBe(true);
    expect(m('x/b.old.yaml')).toBe(true);
    expect(m('plans/2020/q1/a.yaml')).toBe(true);
    expect(m('plans/2021/a.yaml')).toBe(false);
    expect(m('drafting/a.yaml')).toBe(false);
  });
});

describe('custom rule folders', () => {
  it('loads, validates and runs the rules of a custom folder', async () => {
    const dir = tmpTree({ 'plan.yaml': PARTIAL });
    const folder = join(ROOT, 'docs/examples/custom-rules');
    const withRule = PARTIAL.replace('    linkage: [dividend, wage]\n', '    linkage: []\n');
    expect(withRule).not.toBe(PARTIAL);
    const dir2 = tmpTree({ 'plan.yaml': withRule, 'rural-audit.config.yaml': `custom_rules: [${JSON.stringify(folder)}]\nrules:\n  county-industry-project-linkage: error\n` });
    const found = (await gaps(dir2)).gaps.filter((g) => g.ruleId === 'county-industry-project-linkage');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', path: 'projects[0].linkage' });
    expect((await gaps(dir)).gaps.map((g) => g.ruleId)).not.toContain('county-industry-project-linkage');
  });

  it('reports a broken custom rule file with its own file:line:column, exit 2', () => {
    const rule = '- id: local-rule\n  area: nowhere\n  severity: error\n  title: {zh: 标题, en: Title}\n  message: {zh: 消息, en: Message}\n  source: {clauses: [R3.1], quote: 推动村庄规划管理全覆盖}\n  remediation: {zh: 修改, en: Fix}\n  given: $.villages\n  then: {function: nonEmpty}\n';
    const dir = tmpTree({ 'plan.yaml': PARTIAL, 'rural-audit.config.yaml': 'custom_rules: [local]\n', 'local/rules.yaml': rule });
    const r = cli(['check', 'plan.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('local/rules.yaml:2:9: error: invalid rule file: unknown area nowhere\n');
    const dup = tmpTree({ 'plan.yaml': PARTIAL, 'rural-audit.config.yaml': 'custom_rules: [local]\n', 'local/rules.yaml': rule.replace('local-rule', 'terrain-declared').replace('nowhere', 'planning') });
    expect(cli(['check', 'plan.yaml'], { cwd: dup }).stderr).toMatch(/^local\/rules\.yaml:1:7: error: .*duplicate rule id terrain-declared/);
  });
});

describe('--print-config', () => {
  it('prints every rule and parameter in force with where it came from, and exits 0 without auditing', () => {
    const config = 'extends: example-province\nrules:\n  terrain-measures: off\noverrides:\n  - files: [plan.yaml]\n    rules: {terrain-declared: info}\n';
    const dir = tmpTree({ 'plan.yaml': PARTIAL, 'rural-audit.config.yaml': config });
    const r = cli(['check', 'plan.yaml', '--print-config'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# config: rural-audit\.config\.yaml$/m);
    expect(r.stdout).toMatch(/^ {2}terrain-measures: off +# rural-audit\.config\.yaml:3:21 \(config\)$/m);
    expect(r.stdout).toMatch(/^ {2}terrain-declared: info +# rural-audit\.config\.yaml:6:31 \(overrides\[0\]\)$/m);
    expect(r.stdout).toMatch(/^ {2}village-plan-coverage: error +# catalog \(built-in\) rules\/catalog\/planning\.yaml$/m);
    expect(r.stdout).toMatch(/^ {2}transition_end: "2026-12-31" +# \(built-in\) rules\/profiles\/example-province\.yaml:\d+:\d+ \(profile example-province\)$/m);
    const json = JSON.parse(cli(['check', 'plan.yaml', '--print-config', '--format', 'json'], { cwd: dir }).stdout);
    expect(json.rules['terrain-measures']).toEqual({ value: 'off', from: 'rural-audit.config.yaml:3:21 (config)' });
    expect(json.profiles.map((p: { name: string }) => p.name)).toEqual(['default', 'example-province']);
  });
});
