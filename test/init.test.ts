import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import planSchema from '../src/plan/plan.schema.json' with { type: 'json' };
import { isPlaceholder, PLACEHOLDER } from '../src/plan/placeholder.js';
import { formatPath } from '../src/plan/path.js';
import { planTemplate } from '../src/scaffold/template.js';
import { parseCsv, readVillagesCsv } from '../src/scaffold/villages-csv.js';
import { catalog, auditText } from './helpers/audit.js';
import { cli } from './helpers/cli.js';

const made: string[] = [];
const tmp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ra-init-'));
  made.push(dir);
  return dir;
};
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
const template = (extra: Partial<Parameters<typeof planTemplate>[0]> = {}) =>
  planTemplate({ schema: './plan.schema.json', catalog: catalog(), ...extra });

/** Every placeholder of a YAML text: its path as findings write it, and its 1-based line. */
function placeholders(text: string): { path: string; line: number }[] {
  const doc = parseDocument(text);
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const out: { path: string; line: number }[] = [];
  const walk = (node: Node | null, path: (string | number)[]) => {
    if (isMap(node)) for (const p of node.items) walk(p.value as Node, [...path, String((p.key as { value: unknown }).value)]);
    else if (isSeq(node)) node.items.forEach((n, i) => walk(n as Node, [...path, i]));
    else if (isScalar(node) && isPlaceholder(node.value)) out.push({ path: formatPath(path), line: lineOf(node.range![0]) });
  };
  walk(doc.contents as Node, []);
  return out;
}

/** Every field path the schema defines, `[]` for list items — as docs/plan-format.md lists them. */
function schemaPaths(schema: any): string[] {
  const defs = schema.$defs ?? {};
  const resolve = (n: any): any => (n.$ref ? { ...resolve(defs[n.$ref.replace('#/$defs/', '')]), ...n, $ref: undefined } : n);
  const out: string[] = [];
  const walk = (node: any, path: string, depth: number) => {
    const n = resolve(node);
    if (depth > 10) return;
    if (n.properties) for (const [k, c] of Object.entries(n.properties)) if (k !== '$schema') {
      const p = path ? `${path}.${k}` : k;
      out.push(p);
      walk(c, p, depth + 1);
    }
    if (n.type === 'array' && n.items) walk(n.items, `${path}[]`, depth + 1);
  };
  walk(schema, '', 0);
  return out;
}

/**
 * A gap is the placeholders' doing when it lies at a placeholder, or at a node holding one (a
 * list item whose fields are unfilled, a list of unfilled codes); never at the plan's root.
 */
function expectOnlyPlaceholderGaps(text: string): void {
  const holes = placeholders(text);
  for (const f of auditText(text)) {
    expect(f.path, f.ruleId).not.toBe('');
    expect(holes.some((h) => h.path === f.path || h.path.startsWith(`${f.path}.`) || h.path.startsWith(`${f.path}[`)), `${f.ruleId} at ${f.path}: ${f.message.en}`).toBe(true);
  }
}

describe('rural-audit init: the template', () => {
  const text = template();
  const found = auditText(text);
  const holes = placeholders(text);

  it('starts with the line that turns on editor support', () => {
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./plan.schema.json');
  });

  it('has every field of the plan schema, so it grows with the schema', () => {
    const paths = new Set<string>();
    const walk = (v: unknown, p: string) => {
      if (Array.isArray(v)) v.forEach((x) => walk(x, `${p}[]`));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { const q = p ? `${p}.${k}` : k; paths.add(q); walk(x, q); }
    };
    walk(parseDocument(text).toJS(), '');
    // waivers are left empty: an approved exception is never part of a skeleton (see EMPTY_LISTS).
    const expected = schemaPaths(planSchema).filter((p) => !p.startsWith('waivers[]'));
    expect(expected.filter((p) => !paths.has(p))).toEqual([]);
    expect(paths.has('waivers')).toBe(true);
  });

  it('includes a field added to the schema later, with its title as a Chinese comment', () => {
    const grown = structuredClone(planSchema) as any;
    grown.$defs.monitoring.properties.reviewed_by = { $ref: '#/$defs/text', title: '复核单位 / Reviewed by (R2.2)', description: '负责复核监测结果的单位。The unit that reviews the results.' };
    const t = template({ planSchema: grown });
    expect(t).toMatch(/ {2}# 复核单位（R2\.2）\n {2}# 负责复核监测结果的单位。\n {2}reviewed_by: 待填写\n/);
  });

  it('explains fields in Chinese with the clause and the rules that check them', () => {
    expect(text).toMatch(/# 四不摘（R2\.2）\n# 脱贫不摘责任、不摘政策、不摘帮扶、不摘监管。\n(# 审计规则 .+\n)*no_removals:/);
    expect(text).toMatch(/ {4}# 保持至\n {4}# 至少保持到过渡期结束和规划期末（取较晚者），且在审计日仍然有效。\n {4}# 审计规则 no-removal-through-transition（R2\.2）：“不摘”至少保持到过渡期结束和规划期末\n/);
    const comments = text.split('\n').slice(1).filter((l) => l.trimStart().startsWith('#'));
    expect(comments.filter((l) => /\b[A-Za-z]+,? [a-z]+ [a-z]+\b/.test(l))).toEqual([]); // the English halves are left out
  });

  it('passes the plan schema as a skeleton: no plan-schema finding', () => {
    expect(found.filter((f) => f.ruleId === 'plan-schema')).toEqual([]);
  });

  it('reports every placeholder once, at its own line', () => {
    const reported = found.filter((f) => f.ruleId === 'placeholder-unfilled');
    expect(holes.length).toBeGreaterThan(100);
    expect(reported.map((f) => [f.path, f.line])).toEqual(holes.map((h) => [h.path, h.line]));
    expect(reported[0]!.message.zh).toContain(`仍是模板占位符「${PLACEHOLDER}」`);
  });

  it('fails the audit only on its placeholders: every other gap is at a placeholder or at the list item holding one', () => {
    expect(found.filter((f) => f.ruleId !== 'placeholder-unfilled').length).toBeGreaterThan(0);
    expectOnlyPlaceholderGaps(text);
  });

  it('prefills the county and the villages', () => {
    const t = template({ county: { name: '桃溪县', code: '439921' }, villages: [{ name: '红星村', code: '439921101201' }, { name: '石桥村', code: '439921101202', township: '桃花镇' }] });
    const data = parseDocument(t).toJS();
    expect(data.county).toMatchObject({ name: '桃溪县', code: '439921' });
    expect(data.villages.map((v: any) => [v.name, v.code, v.township])).toEqual([['红星村', '439921101201', PLACEHOLDER], ['石桥村', '439921101202', '桃花镇']]);
    expect(t).toContain("code: '439921101201'");
    // The field comments are written once, on the first village.
    expect(t.match(/# 村名（必填）/g)).toHaveLength(1);
    expect(auditText(t).filter((f) => f.ruleId === 'plan-schema')).toEqual([]);
    expectOnlyPlaceholderGaps(t);
  });
});

describe('rural-audit init (the built CLI)', () => {
  it('writes plan.yaml by default, tells where the placeholders are, and never overwrites it', () => {
    const dir = tmp();
    const r = cli(['init', '--county', '桃溪县', '--code', '439921'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/已生成 plan\.yaml：\d+ 处「待填写」需要填写/);
    const first = readFileSync(join(dir, 'plan.yaml'), 'utf8');
    expect(first).toContain('name: 桃溪县');
    expect(first.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*dist\/plan\/editor\.schema\.json$/);

    writeFileSync(join(dir, 'plan.yaml'), 'my work\n');
    const again = cli(['init'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('plan.yaml 已存在，未改动；要覆盖请加 --force');
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toBe('my work\n');

    const forced = cli(['init', 'plan.yaml', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toContain('format_version: 2');
  });

  it('the schema line points at a schema file that exists', () => {
    const dir = tmp();
    cli(['init', 'a.yaml'], { cwd: dir });
    const ref = readFileSync(join(dir, 'a.yaml'), 'utf8').split('\n')[0]!.replace('# yaml-language-server: $schema=', '');
    expect(statSync(join(dir, ref)).isFile()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, ref), 'utf8')).$id).toBe(planSchema.$id);
  });

  it('the written template is audited by check: exit 1, placeholder gaps only with a format error', () => {
    const dir = tmp();
    cli(['init', 'plan.yaml', '--county', '桃溪县', '--code', '439921'], { cwd: dir });
    const r = cli(['check', 'plan.yaml', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout).files[0].findings as { ruleId: string }[];
    expect(findings.some((f) => f.ruleId === 'placeholder-unfilled')).toBe(true);
    expect(findings.some((f) => f.ruleId === 'plan-schema')).toBe(false);
  });

  it('prints to stdout with -', () => {
    const r = cli(['init', '-', '--county', '桃溪县']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('name: 桃溪县');
    expect(r.stdout).toContain('format_version: 2');
  });

  it('refuses a malformed county code', () => {
    const r = cli(['init', '-', '--code', '439900']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--code 439900');
    expect(r.stdout).toBe('');
  });

  it('reads a GBK village list with a header, BOM-less, quoted names and extra columns', () => {
    const dir = tmp();
    const csv = '序号,村名,乡镇,统计用区划代码\r\n1,红星村,桃花镇,439921101201\r\n2,"石桥村,新区",桃花镇,439921101202\r\n';
    writeFileSync(join(dir, 'villages.csv'), new Uint8Array(gbk(csv)));
    const r = cli(['init', 'plan.yaml', '--villages', 'villages.csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('按 GB18030 编码读取');
    const data = parseDocument(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toJS();
    expect(data.villages.map((v: any) => [v.name, v.code, v.township])).toEqual([
      ['红星村', '439921101201', '桃花镇'],
      ['石桥村,新区', '439921101202', '桃花镇'],
    ]);
  });

  it('refuses a village list with bad rows, naming file:line:column, and writes nothing', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'v.csv'), '\ufeffname,code\n红星村,4.39921E+11\n石桥村,439921101202\n杨柳村,439921101202\n');
    const r = cli(['init', 'plan.yaml', '--villages', 'v.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('v.csv:2:5: 错误: 红星村 的代码「4.39921E+11」被表格软件改成了科学计数法');
    expect(r.stderr).toContain('v.csv:4:5: 错误: 代码 439921101202 与第 3 行重复');
    expect(() => statSync(join(dir, 'plan.yaml'))).toThrow();
  });
});

describe('a placeholder in the audit', () => {
  const plan = (kept: string) => `no_removals:\n  policy: {kept: ${kept}, kept_until: 待填写, owner: 县政府, measures: [主要帮扶政策保持总体稳定]}\n`;
  const rules = ['placeholder-unfilled', 'no-removal-not-withdrawn', 'no-removal-through-transition'];

  it('is reported once, as unfilled, and judged by no other rule', () => {
    const found = auditText(plan('待填写'), rules);
    expect(found.map((f) => [f.ruleId, f.path, f.line])).toEqual([
      ['placeholder-unfilled', 'no_removals.policy.kept', 2],
      ['placeholder-unfilled', 'no_removals.policy.kept_until', 2],
    ]);
  });

  it('once replaced, the value is judged as any other', () => {
    const found = auditText(plan('false'), rules).map((f) => f.ruleId);
    expect(found).toEqual(['no-removal-not-withdrawn', 'placeholder-unfilled']);
  });
});

describe('reading a village list', () => {
  const read = (text: string) => readVillagesCsv(new TextEncoder().encode(text));

  it('takes name, code and township by position when there is no header', () => {
    expect(read('红星村,439921101201,桃花镇\n石桥村,439921101202\n')).toMatchObject({
      ok: true,
      villages: [{ name: '红星村', code: '439921101201', township: '桃花镇' }, { name: '石桥村', code: '439921101202' }],
    });
  });

  it('strips a BOM, skips blank rows and reads tab-separated text pasted from a spreadsheet', () => {
    const r = read('\ufeff村名\t代码\n\n红星村\t439921101201\r\n');
    expect(r).toMatchObject({ ok: true, villages: [{ name: '红星村', code: '439921101201' }] });
  });

  it('parses quoted fields with commas, doubled quotes and line breaks, keeping line numbers', () => {
    const rows = parseCsv('a,"b,""c""\nd",e\nf,g\n');
    expect(rows.map((r) => [r.cells, r.line])).toEqual([[['a', 'b,"c"\nd', 'e'], 1], [['f', 'g'], 3]]);
    expect(rows[0]!.lines.map((l, i) => [l, rows[0]!.columns[i]])).toEqual([[1, 1], [1, 3], [2, 4]]);
  });

  it('names a header without a code column', () => {
    const r = read('村名,乡镇\n红星村,桃花镇\n');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems[0]).toMatchObject({ line: 1, message: { zh: expect.stringContaining('表头中没有「代码」列') } });
  });

  it('refuses an empty list and a code that is not 12 digits', () => {
    expect(read('')).toMatchObject({ ok: false, problems: [{ message: { en: 'no village rows' } }] });
    expect(read('红星村,43992110120\n')).toMatchObject({ ok: false, problems: [{ line: 1, column: 5, message: { zh: '红星村 的代码「43992110120」不是 12 位统计用区划代码' } }] });
  });
});

/** GBK bytes of a string, by looking each character up in the decoder's table (no encoder in Node). */
function gbk(text: string): number[] {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) for (let lo = 0x40; lo <= 0xfe; lo++) {
    if (lo === 0x7f) continue;
    const ch = decoder.decode(new Uint8Array([hi, lo]));
    if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
  }
  return [...text].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : table.get(c)!));
}

describe('rural-audit schema', () => {
  it('prints the plan JSON Schema for editors: the audit\'s, with its bilingual titles and the editor annotations', () => {
    const r = cli(['schema']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const printed = JSON.parse(r.stdout);
    expect(Object.keys(printed.properties)).toEqual(Object.keys(planSchema.properties));
    expect(printed.$defs.county_code.patternErrorMessage).toMatch(/^县级行政区划代码/);
    expect(r.stdout).toContain('"title": "四不摘 / Four no-removals (R2.2)"');
  });
});
