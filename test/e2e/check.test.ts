import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { cli } from '../helpers/cli.js';

const STACK = /\n\s+at .+:\d+:\d+/;

describe('rural-audit check (the built CLI)', () => {
  it('prints the gap report for the examples and exits 1', () => {
    const r = cli(['check', 'examples']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('examples/partial.yaml');
    expect(r.stdout).toContain('examples/misaligned.yaml');
    // No gap listed under either aligned plan (the county roll-up names both files, of one county).
    expect(r.stdout).not.toMatch(/^examples\/aligned/m);
    expect(r.stdout).toMatch(/共审计 4 个文件：\d+ 个错误.*；审计日 2024-06-01/);
    expect(r.stdout).toContain('四不摘');
    expect(r.stdout).toContain('修改建议');
    expect(r.stderr).toBe('');
  });

  it('exits 0 on the aligned example alone', () => {
    const r = cli(['check', 'examples/aligned.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('共审计 1 个文件：0 个错误，0 个警告，0 个提示');
  });

  it('gives each gap as line:column, severity, message, rule and clause', () => {
    const r = cli(['check', 'examples/partial.yaml', '--lang', 'en']);
    expect(r.stdout).toMatch(/\n {2}77:17 +error +no_removals\.supervision\.kept_until is kept only until 2023-12-31, before 2025-12-31 \(the later of the end of the transition period and of the plan period\) +no-removal-through-transition \[R2\.2\]/);
  });

  it('fails on warnings only when asked to', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-'));
    const text = readFileSync('examples/aligned.yaml', 'utf8').replace('  terrain: [mountain, hill, lake]\n', '');
    writeFileSync(join(dir, 'plan.yaml'), text);
    expect(cli(['check', join(dir, 'plan.yaml')]).code).toBe(0);
    expect(cli(['check', join(dir, 'plan.yaml'), '--fail-on', 'warning']).code).toBe(1);
  });

  it('writes a versioned JSON report with positions, clauses, expected and actual values', () => {
    const r = cli(['check', 'examples/partial.yaml', '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.reportVersion).toBe(1);
    // A version-1 plan without plan_period: one warning (plan-period-stated); its supervision kept
    // only until 2023-12-31 is both short of the transition period and lapsed on the audit date.
    expect(report.summary).toMatchObject({ files: 1, error: 5, warning: 1 });
    expect(report.asOf).toBe('2024-06-01');
    const gap = report.files[0].findings.find((f: { ruleId: string }) => f.ruleId === 'village-plan-coverage');
    expect(gap).toMatchObject({
      severity: 'error',
      area: 'planning',
      line: 231,
      column: 5,
      path: 'villages[8]',
      clauses: ['R3.1'],
      actual: '91.7%',
      expected: '100.0%',
    });
    expect(gap.message).toContain('芦苇村（439922103203）');
    expect(gap.remediation).toMatch(/\p{Script=Han}/u);
    expect(gap.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it('writes the report to --output and nothing to stdout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-'));
    const out = join(dir, 'report.json');
    const r = cli(['check', 'examples/partial.yaml', '--format', 'json', '--output', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.error).toBe(5);
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('refuses to write a report over a plan', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-'));
    copyFileSync('examples/aligned.yaml', join(dir, 'plan.yaml'));
    const before = readFileSync(join(dir, 'plan.yaml'), 'utf8');
    const r = cli(['check', join(dir, 'plan.yaml'), '--output', join(dir, 'plan.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('refusing to write a report over an input file');
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toBe(before);
  });

  it('reports malformed YAML as one positioned line, exits 2, and still audits the other files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-'));
    copyFileSync('examples/partial.yaml', join(dir, 'a-partial.yaml'));
    writeFileSync(join(dir, 'b-broken.yaml'), 'format_version: 1\ncounty:\n  name: "unterminated\n  code: 1\n');
    const r = cli(['check', dir, '--format', 'json']);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    // Where the quote opens, not where the file ends.
    expect(lines[0]).toMatch(/b-broken\.yaml:3:9: 错误: 此处开始的引号没有闭合/);
    expect(r.stderr).not.toMatch(STACK);
    const report = JSON.parse(r.stdout);
    expect(report.files.map((f: { file: string }) => f.file.replace(/.*\//, ''))).toEqual(['a-partial.yaml', 'b-broken.yaml']);
    expect(report.files[0].findings).toHaveLength(6);
    expect(report.files[1].error.code).toBe('unclosed-quote');
  });

  it('treats a missing file and a folder without plans as input errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-'));
    const r = cli(['check', join(dir, 'nope.yaml'), dir, 'examples/aligned.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope.yaml: 错误: 文件不存在');
    expect(r.stderr).toMatch(/: 错误: 没有匹配的 YAML 文件/);
    expect(r.stdout).toContain('共审计 1 个文件');
  });

  it('expands globs', () => {
    const r = cli(['check', 'examples/*ligned.yaml', '--format', 'json']);
    const files = JSON.parse(r.stdout).files.map((f: { file: string }) => f.file);
    expect(files).toEqual(['examples/aligned.yaml', 'examples/misaligned.yaml']);
  });

  it('gives the same bytes whatever the order of the files', () => {
    const a = cli(['check', 'examples/partial.yaml', 'examples/misaligned.yaml', 'examples/aligned.yaml', '--format', 'json']);
    const b = cli(['check', 'examples/aligned.yaml', 'examples/misaligned.yaml', 'examples/partial.yaml', '--format', 'json']);
    expect(a.stdout).toBe(b.stdout);
  });

  it('answers a usage error with exit 2 and no stack trace', () => {
    const r = cli(['check', 'examples', '--format', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown format nope; known: table, json/);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('prints help with examples, and the version', () => {
    const help = cli(['check', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('Exit codes:');
    const v = cli(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('never leaves a temporary file behind', () => {
    expect(existsSync('examples')).toBe(true);
    expect(readdirSync('examples').filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('rural-audit rules', () => {
  it('lists the rules area by area, in the order of the source document', () => {
    const json = JSON.parse(cli(['rules', '--format', 'json']).stdout) as { area: string }[];
    const areas = (parseYaml(readFileSync('rules/areas.yaml', 'utf8')) as { id: string }[]).map((a) => a.id);
    const order = json.map((r) => areas.indexOf(r.area));
    expect(order.every((x) => x >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(cli(['rules']).stdout).toContain('组织领导与责任体系');
  });

  it('lists every rule with its clause', () => {
    const json = JSON.parse(cli(['rules', '--format', 'json']).stdout) as { id: string; clauses: string[] }[];
    const table = cli(['rules']).stdout;
    expect(json.length).toBeGreaterThan(20);
    for (const r of json) {
      expect(table).toContain(r.id);
      for (const c of r.clauses) expect(table).toContain(c);
    }
  });
});
