import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/audit/result.js';
import { joinReport } from '../../src/report/chunks.js';
import { table as tableLines } from '../../src/report/table.js';
import { cli } from '../helpers/cli.js';
import { CONTROL, examples, hostile, planCopy, waive } from './helpers.js';

const table = (...args: Parameters<typeof tableLines>): string => joinReport(tableLines(...args));

/** Columns a terminal gives a character: two for East Asian wide and fullwidth ones. */
const width = (s: string) =>
  [...s].reduce((n, c) => n + (/[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1), 0);

/** The display columns of the vertical rules in each line of a box table. */
function ruleColumns(line: string): number[] {
  const cols: number[] = [];
  let at = 0;
  for (const c of line) {
    if ('│┌┐└┘┬┴├┤┼'.includes(c)) cols.push(at);
    at += width(c);
  }
  return cols;
}

function boxes(text: string): string[][] {
  const out: string[][] = [];
  let cur: string[] | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('┌')) out.push((cur = []));
    if (cur) cur.push(line);
    if (line.startsWith('└')) cur = undefined;
  }
  return out;
}

describe('table', () => {
  let result: AuditResult;
  beforeAll(async () => {
    result = await examples();
  });

  it('keeps box tables aligned with Chinese and ASCII mixed', () => {
    for (const lang of ['zh', 'en'] as const) {
      const tables = boxes(table(result, { lang, color: false }));
      expect(tables).toHaveLength(2);
      for (const t of tables) {
        const first = ruleColumns(t[0]!);
        expect(first.length).toBeGreaterThan(2);
        for (const line of t) expect(ruleColumns(line)).toEqual(first);
      }
    }
  });

  it('prints a county-by-area roll-up with scores and the weakest areas when several plans were audited', () => {
    const text = table(result, { lang: 'zh', color: false });
    const rollup = boxes(text)[1]!;
    expect(rollup[1]).toMatch(/│ 县 +│ 规划格式 +│ 组织领导与 +│ 四不摘 +│(.*│)? 村庄规划 +│(.*│)? 总分 +│ 错误 +│ 警告 +│ 提示 +│/);
    expect(rollup[2]).toMatch(/│ +│ +│ +责任体系 │ +│ +│/);
    expect(rollup.find((l) => l.includes('桃溪县（439921）'))).toMatch(/(│ +100 ){4,}/);
    expect(rollup.find((l) => l.startsWith('│ 平均'))).toBeDefined();
    expect(text).toMatch(/最薄弱领域: \S+ \(\d+\)/);
    expect(boxes(table({ ...result, files: result.files.slice(0, 1) }, { lang: 'zh', color: false }))).toHaveLength(1);
  });

  it('shows waived gaps as waived, apart from the counts', () => {
    const text = table(waive(result, 'no-removal-through-transition', 'examples/partial.yaml'), { lang: 'zh', color: false });
    expect(text).toMatch(/ {2}77:17 +已豁免 no_removals\.supervision\.kept_until/);
    expect(text).toContain('已豁免：省里已批准延期（批准：市乡村振兴局，有效期至 2026-06-30）');
    expect(text).toMatch(/│ 四不摘 +│ +\d+ │ +0 │ +0 │ +1 │/);
  });

  it('never prints raw control characters from a plan', () => {
    const text = table(hostile(result), { lang: 'zh', color: false });
    expect(text).not.toMatch(CONTROL);
    expect(text).toContain('\\x1b[2J');
  });
});

describe('colour and plan text at the terminal (the built CLI)', () => {
  const ESC = '\u001b[';

  it('colours only when asked: FORCE_COLOR on, NO_COLOR off, none without a terminal', () => {
    expect(cli(['check', 'examples/partial.yaml']).stdout).not.toContain(ESC);
    expect(cli(['check', 'examples/partial.yaml'], { env: { FORCE_COLOR: '1' } }).stdout).toContain(ESC);
    expect(cli(['check', 'examples/partial.yaml'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain(ESC);
  });

  it('escapes control characters and escape sequences a plan carries, in every format', () => {
    const plan = planCopy('examples/partial.yaml', (t) => t.replace('name: 芦苇村', 'name: "芦苇\\e[2J\\e]0;pwned\\a村"'));
    const formats = ['github', 'junit', 'sarif', 'markdown', 'html', 'remediation', 'remediation-md', 'github-summary', 'json'];
    const r = cli(['check', 'plan.yaml', '-f', 'table', ...formats.flatMap((f) => ['-f', `${f}:out.${f}`])], { cwd: plan.dir, env: { FORCE_COLOR: '1' } });
    expect(r.code).toBe(1);
    const outputs: [string, string][] = [['table', r.stdout.replace(/\u001b\[[0-9;]*m/g, '')], ...formats.map((f): [string, string] => [f, readFileSync(join(plan.dir, `out.${f}`), 'utf8')])];
    for (const [format, text] of outputs) {
      expect(text, format).toContain('芦苇');
      expect(text, format).not.toMatch(CONTROL);
    }
  });
});

describe('several outputs in one run (the built CLI)', () => {
  it('writes SARIF and JUnit to files while printing the table', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-out-'));
    const r = cli(['check', 'examples', '-f', 'table', '-f', `sarif:${join(dir, 'audit.sarif')}`, '-f', `junit:${join(dir, 'junit.xml')}`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/共审计 4 个文件.*；审计日 2024-06-01\n$/);
    expect(JSON.parse(readFileSync(join(dir, 'audit.sarif'), 'utf8')).runs[0].properties).toEqual({ asOf: '2024-06-01' });
    expect(readFileSync(join(dir, 'junit.xml'), 'utf8')).toContain('<property name="asOf" value="2024-06-01"/>');
    expect(JSON.parse(readFileSync(join(dir, 'audit.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(readFileSync(join(dir, 'junit.xml'), 'utf8')).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites /);
    expect(readdirSync(dir).sort()).toEqual(['audit.sarif', 'junit.xml']);
  });

  it('refuses two reports on stdout, two to one file, and an unknown format, before auditing', () => {
    const two = cli(['check', 'examples', '-f', 'table', '-f', 'json']);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('only one report can go to stdout');
    const same = cli(['check', 'examples', '-f', 'sarif:x.out', '-f', 'junit:./x.out']);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('two reports to the same file');
    const unknown = cli(['check', 'examples', '-f', 'pdf']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown format pdf; known: table, json, sarif, junit, github/);
    expect(two.stdout + same.stdout + unknown.stdout).toBe('');
  });

  it('still writes the other reports when one cannot be written, and exits 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-out-'));
    const r = cli(['check', 'examples', '-f', `sarif:${join(dir, 'missing-dir', 'a.sarif')}`, '-f', `junit:${join(dir, 'junit.xml')}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a\.sarif: cannot write the report: ENOENT/);
    expect(readdirSync(dir).sort()).toEqual(['junit.xml']);
  });

  it('takes --due for the remediation view and rejects an impossible date', () => {
    const r = cli(['check', 'examples/partial.yaml', '-f', 'remediation', '--due', '2025-06-30']);
    expect(r.stdout.split('\r\n').slice(1, -1).every((l) => l.includes(',2025-06-30,'))).toBe(true);
    expect(cli(['check', 'examples/partial.yaml', '-f', 'remediation', '--due', '2025-02-30']).code).toBe(2);
  });
});

describe('table at a terminal width', () => {
  let result: AuditResult;
  beforeAll(async () => {
    result = await examples();
  });
  const tags = (r: AuditResult) => r.files.flatMap((f) => f.findings.map((x) => `${x.ruleId} [${x.clauses.join(', ') || '—'}]`));

  it.each([
    ['zh', 80],
    ['zh', 120],
    ['en', 80],
    ['en', 120],
  ] as const)('in %s at %i columns: no line wider, every rule id and clause list whole, the roll-up complete', (lang, columns) => {
    const text = table(result, { lang, color: false, width: columns });
    const lines = text.split('\n');
    for (const l of lines) expect(width(l), l).toBeLessThanOrEqual(columns);
    // Each gap's `rule-id [clauses]` stands on one line, as often as there are gaps.
    for (const tag of new Set(tags(result))) {
      expect(lines.filter((l) => l.includes(tag)).length, tag).toBe(tags(result).filter((t) => t === tag).length);
    }
    // Every county's row and every column of the roll-up are there, the areas named in a legend.
    for (const county of ['桃溪县', '柳河县', '梅岭县']) expect(lines.filter((l) => l.startsWith(`│ ${county}`)).length).toBe(columns === 80 ? 2 : 1);
    const heads = lines.filter((l) => /^│ (县|County) /.test(l)).join(' ');
    for (let i = 1; i <= result.areas.length; i++) expect(heads).toMatch(new RegExp(`│ +A${i} │`));
    expect(text).toContain(lang === 'zh' ? 'A2 组织领导与责任体系；' : 'A2 Leadership and responsibility;');
    expect(heads).toContain(lang === 'zh' ? '总分' : 'Overall');
  });

  it('wraps a message under itself and a hint under its text, and breaks no word', () => {
    const lines = table(result, { lang: 'en', color: false, width: 80 }).split('\n');
    const at = lines.findIndex((l) => l.startsWith('  4:1     warning  the target for using existing infrastructure'));
    expect(lines.slice(at, at + 7)).toEqual([
      '  4:1     warning  the target for using existing infrastructure better is',
      '                   missing: indicator, target, unit of measure, measures',
      '                   (infrastructure_utilisation)',
      '                   infrastructure-utilisation [R4.2]',
      '          fix: Under infrastructure_utilisation give an indicator (e.g. use rate',
      '               of resettlement-site facilities), a target, its unit of measure',
      '               (%) and measures.',
    ]);
    const zh = table(result, { lang: 'zh', color: false, width: 80 }).split('\n');
    // No line starts with closing punctuation.
    for (const l of zh) expect(l.trimStart()).not.toMatch(/^[，。、：；）」》]/);
  });

  it('keeps the full titles where they fit, and one line per gap without a width', () => {
    expect(table(result, { lang: 'zh', color: false })).toContain('│ 组织领导与 │');
    expect(table(result, { lang: 'zh', color: false, width: 400 })).toContain('│ 组织领导与 │');
    const unwrapped = table(result, { lang: 'zh', color: false }).split('\n');
    expect(unwrapped.find((l) => l.startsWith('  4:1     警告'))).toMatch(/（infrastructure_utilisation）  infrastructure-utilisation \[R4\.2\]$/);
  });
});

describe('the CLI reads the width from COLUMNS', () => {
  it.each([
    ['zh', '80'],
    ['en', '120'],
  ])('%s at COLUMNS=%s: no line of check examples/ wider', (lang, columns) => {
    const r = cli(['check', 'examples/', '--lang', lang], { env: { COLUMNS: columns } });
    expect(r.code).toBe(1);
    expect(Math.max(...r.stdout.split('\n').map(width))).toBe(Number(columns));
  });
});
