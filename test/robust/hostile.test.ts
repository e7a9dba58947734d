/**
 * Hostile repositories: everything a pull request can change is attacker-controlled (plans,
 * config, custom rules). Each case is generated here, runs the real CLI, and must end with one
 * clear error line or a capped report. The timeouts are hang guards, not measurements
 * (bench/hostile-input.mjs measures time and peak memory).
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/engine/limits.js';
import { discoverPlans, MAX_WALKED_ENTRIES } from '../../src/plan/discover.js';
import { MAX_KEYS_PER_MAPPING } from '../../src/plan/parse.js';
import { inputErrorLine } from '../../src/report/text.js';
import { BIN } from '../helpers/cli.js';
import { tmpTree } from '../helpers/tmp.js';

const HANG_GUARD_MS = 60_000;
const ALIGNED = readFileSync('examples/aligned.yaml', 'utf8');
const ALIGNED_TOP_LEVEL_KEYS = ALIGNED.match(/^[a-z_]+:/gm)!.length;

function run(cwd: string, args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: HANG_GUARD_MS, env: { PATH: process.env.PATH ?? '' }, maxBuffer: 1 << 28 });
  expect(r.signal, 'the run was stopped by the hang guard').toBeNull();
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const json = (stdout: string) => JSON.parse(stdout) as { files: { file: string; findings: { ruleId: string; message: string; severity: string; line: number; actual?: unknown }[] }[] };

/** A custom rule file: `count` rules, each a `pattern` check on every item of `$.items`. */
function customRules(count: number, match: string): string {
  return Array.from({ length: count }, (_, i) => `- id: hostile-${i}
  area: format
  severity: error
  title: {zh: 敌意规则 ${i}, en: Hostile rule ${i}}
  message: {zh: '{{path}} 不匹配', en: '{{path}} does not match'}
  source: {clauses: [R3.1], quote: 推动村庄规划管理全覆盖}
  remediation: {zh: 修改, en: Fix}
  given: $.items[*]
  then: {function: pattern, options: {match: '${match}'}}
`).join('');
}

const CONFIG_ONLY_CUSTOM = "rules:\n  '*': off\n" + Array.from({ length: 6 }, (_, i) => `  hostile-${i}: on\n`).join('') + 'custom_rules: [./rules]\n';

describe('hostile repositories: output proportional to input', () => {
  it('a plan of many unknown keys gets them one by one up to the limit, then one gap with the count', () => {
    const keys = Array.from({ length: 3_000 }, (_, i) => `zz${i}: 1`).join('\n');
    const dir = tmpTree({ 'plan.yaml': `${ALIGNED}\n${keys}\n` });
    const r = run(dir, ['check', 'plan.yaml', '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(1);
    const schema = json(r.stdout).files[0]!.findings.filter((f) => f.ruleId === 'plan-schema');
    expect(schema).toHaveLength(LIMITS.unknownKeysPerMapping + 1);
    const more = schema.find((f) => /more unknown keys/.test(f.message))!;
    expect(more.message).toBe(`$ has ${3_000 - LIMITS.unknownKeysPerMapping} more unknown keys, not listed one by one (at most ${LIMITS.unknownKeysPerMapping} per mapping): the plan format has no such fields; check the spelling`);
    expect(more.actual).toBe(3_000 - LIMITS.unknownKeysPerMapping);
  });

  it('three plans of unknown keys in one run give a capped report, never an internal error', () => {
    // Just under the limit of keys per mapping (the county already has a few).
    const keys = Array.from({ length: MAX_KEYS_PER_MAPPING - 100 }, (_, i) => `  k${i}: 1`).join('\n');
    const plan = ALIGNED.replace(/^county:\n/m, `county:\n${keys}\n`);
    const dir = tmpTree({ 'a.yaml': plan, 'b.yaml': plan, 'c.yaml': plan });
    const r = run(dir, ['check', '.', '--format', 'json', '--lang', 'en']);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(1);
    const files = json(r.stdout).files;
    expect(files.map((f) => f.findings.filter((x) => x.ruleId === 'plan-schema').length)).toEqual([21, 21, 21]);
  });

  it('a mapping of more keys than the limit is one error line at the first key past it; the other plans are audited', () => {
    const keys = Array.from({ length: 200_000 }, (_, i) => `zz${i}: 1`).join('\n');
    const dir = tmpTree({ 'a.yaml': `${ALIGNED}\n${keys}\n`, 'b.yaml': ALIGNED });
    const r = run(dir, ['check', '.', '--format', 'json', '--lang', 'en', '--output', 'report.json']);
    expect(r.code).toBe(2);
    const line = ALIGNED.split('\n').length + 1 + MAX_KEYS_PER_MAPPING - ALIGNED_TOP_LEVEL_KEYS;
    expect(r.stderr).toBe(`a.yaml:${line}:1: error: more than ${MAX_KEYS_PER_MAPPING} keys in one mapping (from here on): the largest mapping of the plan format has a few dozen fields\n`);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { files: { file: string; error?: { code: string; line: number }; findings: unknown[] }[] };
    expect(report.files.map((f) => [f.file, f.error?.code ?? 'audited'])).toEqual([
      ['a.yaml', 'too-many-keys'],
      ['b.yaml', 'audited'],
    ]);
  });

  it('unknown keys in many mappings, each under the limit, get 20 each and one gap with the count', () => {
    const village = /^ {2}- name: [\s\S]*?(?=^ {2}- )/m.exec(ALIGNED)![0];
    const keys = Array.from({ length: 2_000 }, (_, i) => `    zz${i}: 1\n`).join('');
    const dir = tmpTree({ 'plan.yaml': ALIGNED.replace(/^villages:\n/m, `villages:\n${`${village}${keys}`.repeat(10)}`) });
    const r = run(dir, ['check', 'plan.yaml', '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(1);
    const more = json(r.stdout).files[0]!.findings.filter((f) => f.ruleId === 'plan-schema' && /more unknown keys/.test(f.message));
    expect(more).toHaveLength(10);
    expect(more[0]!.message).toBe(`villages[0] has ${2_000 - LIMITS.unknownKeysPerMapping} more unknown keys, not listed one by one (at most ${LIMITS.unknownKeysPerMapping} per mapping): the plan format has no such fields; check the spelling`);
  });

  it('gaps per rule are capped with an "and N more" gap where the first one not listed is', () => {
    const items = Array.from({ length: 1_500 }, (_, i) => `  - ${i}`).join('\n');
    const config = "rules:\n  '*': off\n  hostile-0: on\ncustom_rules: [./rules]\n";
    const dir = tmpTree({ 'plan.yaml': `items:\n${items}\n`, 'rural-audit.config.yaml': config, 'rules/hostile.yaml': customRules(1, '^x$') });
    const r = run(dir, ['check', 'plan.yaml', '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(1);
    const findings = json(r.stdout).files[0]!.findings;
    expect(findings).toHaveLength(LIMITS.findingsPerRule + 1);
    expect(findings[LIMITS.findingsPerRule]).toMatchObject({
      ruleId: 'hostile-0',
      line: LIMITS.findingsPerRule + 2,
      message: '500 more gaps of rule "Hostile rule 0" in this file are not listed (at most 1000 per rule and file)',
      actual: 500,
    });
    expect(r.stderr).toBe('plan.yaml: notice: 500 more gaps are not listed (caps: docs/formats.md, "Caps")\n');
  });

  it('gaps per file are capped with one "and N more" gap, as severe as the worst it stands for', () => {
    const items = Array.from({ length: 1_500 }, (_, i) => `  - ${i}`).join('\n');
    const dir = tmpTree({ 'plan.yaml': `items:\n${items}\n`, 'rural-audit.config.yaml': CONFIG_ONLY_CUSTOM, 'rules/hostile.yaml': customRules(6, '^x$') });
    const r = run(dir, ['check', 'plan.yaml', '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(1);
    const findings = json(r.stdout).files[0]!.findings;
    // 6 rules × 1,500 gaps = 9,000: the file lists 5,000 and says 4,000 more.
    expect(findings).toHaveLength(LIMITS.findingsPerFile + 1);
    expect(findings[LIMITS.findingsPerFile]).toMatchObject({ message: '4000 more gaps in this file are not listed (at most 5000 per file)', severity: 'error', actual: 4_000 });
    expect(r.stderr).toBe('plan.yaml: notice: 4000 more gaps are not listed (caps: docs/formats.md, "Caps")\n');
  });
});

describe('hostile repositories: regular expressions', () => {
  it('a catastrophic pattern in a custom rule runs in linear time', () => {
    const dir = tmpTree({
      'plan.yaml': `items:\n  - '${'a'.repeat(50_000)}!'\n`,
      'rural-audit.config.yaml': "rules:\n  '*': off\n  hostile-0: on\ncustom_rules: [./rules]\n",
      'rules/hostile.yaml': customRules(1, '^(a+)+$'),
    });
    const r = run(dir, ['check', 'plan.yaml', '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(json(r.stdout).files[0]!.findings.map((f) => [f.ruleId, f.line])).toEqual([['hostile-0', 2]]);
  });

  it('a pattern the linear engine cannot take is refused at load, with file and position', () => {
    const dir = tmpTree({
      'plan.yaml': ALIGNED,
      'rural-audit.config.yaml': 'custom_rules: [./rules]\n',
      'rules/hostile.yaml': customRules(1, '^(?=a)a$'),
    });
    const r = run(dir, ['check', 'plan.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'rules/hostile.yaml:9:46: error: invalid rule file: regular expression "^(?=a)a$" is not supported (invalid or unsupported Perl syntax: `(?=`): lookaround and backreferences are not allowed\n',
    );
  });
});

describe('hostile repositories: every string to the terminal is escaped', () => {
  it('the "ignored by the config" notice shows ESC, BEL and U+202E as escapes', () => {
    const name = 'x\u001b[2J\u0007\u202e.yaml';
    const dir = tmpTree({ [name]: ALIGNED, 'rural-audit.config.yaml': "ignore: ['x*']\n" });
    const r = run(dir, ['check', name, '--lang', 'en']);
    expect(r.stderr).toContain('x\\x1b[2J\\x07\\u202e.yaml: ignored by the config');
    expect(r.stderr).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(readdirSync(dir)).toContain(name);
  });
});

describe('hostile repositories: paths as users write them', () => {
  const tree = () =>
    tmpTree({ 'plans/a.yaml': 'x: 1\n', 'plans/sub/b.yml': 'x: 1\n', 'plans/node_modules/c.yaml': 'x: 1\n', 'plans/.git/d.yaml': 'x: 1\n', 'plan[1].yaml': 'x: 1\n', 'p{a,b}.yaml': 'x: 1\n', 'other/e.yaml': 'x: 1\n' });
  const names = async (args: string[], cwd: string, options = {}) => {
    const r = await discoverPlans(args, cwd, options);
    return { files: r.files.map((f) => f.display), errors: r.errors.map((e) => `${e.file} ${e.code}`) };
  };

  it('globs written with ./ and ../ match', async () => {
    const dir = tree();
    expect(await names(['./plans/**/*.y*ml'], dir)).toEqual({ files: ['plans/a.yaml', 'plans/sub/b.yml'], errors: [] });
    expect(await names(['../plans/*.yaml'], join(dir, 'other'))).toEqual({ files: ['../plans/a.yaml'], errors: [] });
    expect(await names([`${dir}/plans/*.yaml`], '/')).toEqual({ files: [`${dir.slice(1)}/plans/a.yaml`], errors: [] });
  });

  it('an existing path is taken literally, glob characters and all; \\ escapes them in a glob', async () => {
    const dir = tree();
    expect(await names(['plan[1].yaml', 'p{a,b}.yaml'], dir)).toEqual({ files: ['plan[1].yaml', 'p{a,b}.yaml'], errors: [] });
    expect(await names(['plan\\[1\\].y*ml'], dir)).toEqual({ files: ['plan[1].yaml'], errors: [] });
  });

  it('a glob skips node_modules and .git, and stops with one error past the entry limit', async () => {
    const dir = tree();
    expect(await names(['**/*.yaml'], join(dir, 'plans'))).toEqual({ files: ['a.yaml'], errors: [] });
    expect(await names(['**/*.yaml'], dir, { maxEntries: 5 })).toEqual({ files: [], errors: ['**/*.yaml too-many-files'] });
    expect(inputErrorLine({ file: '/**', code: 'too-many-files', values: { limit: MAX_WALKED_ENTRIES } }, 'en')).toBe(
      '/**: error: the search looked at 200000 entries without finishing and stopped: name a folder nearer the plans, or a narrower glob',
    );
  });
});

describe('hostile repositories: signals', () => {
  it('Ctrl-C inside one large plan ends the run without waiting for the plan, and leaves no file', async () => {
    // 16 MiB of villages: seconds of parsing and auditing on any machine (the villages repeat).
    const villages = /^villages:\n([\s\S]*?)(?=^\S)/m.exec(ALIGNED)![1]!;
    const dir = tmpTree({ 'plan.yaml': ALIGNED.replace(/^villages:\n/m, `villages:\n${villages.repeat(Math.ceil((16 << 20) / villages.length))}`) });
    const child = spawn(process.execPath, [BIN, 'check', 'plan.yaml', '--max-file-size', '32M', '--format', 'json', '--output', 'report.json'], { cwd: dir, env: { PATH: process.env.PATH ?? '' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // Interrupt once the plan is being read (the CLI has started), long before it is audited.
    await new Promise((ready) => setTimeout(ready, 1_500));
    child.kill('SIGINT');
    const guard = setTimeout(() => child.kill('SIGKILL'), HANG_GUARD_MS);
    const [code, signal] = await new Promise<[number | null, string | null]>((done) => child.on('close', (c, s) => done([c, s])));
    clearTimeout(guard);
    expect(signal === 'SIGINT' || code === 130, `ended by ${signal ?? code}, not by Ctrl-C`).toBe(true);
    expect(stderr).toBe('');
    expect(readdirSync(dir)).toEqual(['plan.yaml']);
  }, HANG_GUARD_MS * 2);
});
