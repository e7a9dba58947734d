import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/audit/result.js';
import { refuseBinaryOnTerminal } from '../../src/cli/output.js';
import { cli } from '../helpers/cli.js';
import { docx } from '../../src/report/docx.js';
import { xlsx } from '../../src/report/xlsx.js';
import { examples, waive } from './helpers.js';

async function workbook(bytes: string | Uint8Array): Promise<ExcelJS.Workbook> {
  expect(bytes).toBeInstanceOf(Uint8Array);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes as Uint8Array) as unknown as ArrayBuffer);
  return wb;
}

const rowValues = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);

/** The text of every w:t in the document's body, one string per paragraph. */
async function wordParagraphs(bytes: Uint8Array): Promise<{ xml: string; paragraphs: string[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1]!)).join(''));
  return { xml, paragraphs };
}

describe('xlsx', () => {
  let result: AuditResult;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    result = await examples();
    wb = await workbook(await xlsx(result, { lang: 'zh', color: false }));
  });

  it('has a summary, the rectification list and one sheet per county', () => {
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['汇总', '整改清单', '桃溪县 439921', '柳河县 439923', '梅岭县 439922']);
  });

  it('summarises scores per county and area as numbers, coloured by a conditional colour scale', () => {
    const ws = wb.getWorksheet('汇总')!;
    const head = rowValues(ws, 1);
    expect(head.slice(0, 3)).toEqual(['县', '文件', '规划格式']);
    expect(head.slice(-4)).toEqual(['总分', '错误', '警告', '提示']);
    const partial = rowValues(ws, 4);
    expect(partial.slice(0, 2)).toEqual(['梅岭县（439922）', 'examples/partial.yaml']);
    expect(partial[head.indexOf('四不摘')]).toBe(66);
    expect(partial[head.indexOf('总分')]).toBe(92);
    expect(partial[head.indexOf('错误')]).toBe(5);
    const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }).conditionalFormattings;
    expect(cf[0]!.rules[0]!.type).toBe('colorScale');
    expect(cf[0]!.ref).toMatch(/^C2:[A-Z]+4$/);
  });

  it('lists every gap with its rule and line, typed, the header frozen and filtered, progress left blank', () => {
    const ws = wb.getWorksheet('整改清单')!;
    const head = rowValues(ws, 1);
    expect(head).toEqual(['县', '级别', '领域', '规则', '条款', '问题', '文件', '行', '列', '修改建议', '责任主体', '整改期限', '已豁免', '整改情况']);
    const findings = result.files.flatMap((f) => f.findings);
    expect(ws.rowCount).toBe(1 + findings.length);
    const listed = new Set<string>();
    for (let n = 2; n <= ws.rowCount; n++) {
      const r = rowValues(ws, n);
      expect(typeof r[head.indexOf('行')], `row ${n}`).toBe('number');
      expect(r[head.indexOf('整改期限')]).toBeInstanceOf(Date);
      expect(r[head.indexOf('整改情况')] ?? '').toBe('');
      listed.add(`${r[head.indexOf('文件')]}:${r[head.indexOf('行')]}:${r[head.indexOf('列')]}:${r[head.indexOf('规则')]}`);
    }
    for (const x of findings) expect(listed.has(`${x.file}:${x.line}:${x.column}:${x.ruleId}`), `${x.ruleId} at ${x.line}`).toBe(true);
    const removal = findings.find((x) => x.ruleId === 'no-removal-through-transition' && x.file === 'examples/partial.yaml')!;
    const row = [...Array(ws.rowCount).keys()].map((i) => rowValues(ws, i + 1)).find((r) => r[head.indexOf('规则')] === removal.ruleId && r[head.indexOf('文件')] === removal.file)!;
    expect(row[head.indexOf('行')]).toBe(77);
    // partial.yaml states no plan period: due 90 days (remediation_lead_days) after the audit date 2024-06-01.
    expect((row[head.indexOf('整改期限')] as Date).toISOString()).toBe('2024-08-30T00:00:00.000Z');
    expect(ws.getColumn(head.indexOf('整改期限') + 1).numFmt).toBe('yyyy-mm-dd');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    // Chinese text gets room: the problem column is wider than the line column.
    expect(ws.getColumn(head.indexOf('问题') + 1).width!).toBeGreaterThan(ws.getColumn(head.indexOf('行') + 1).width!);
  });

  it('gives each county its own gaps', () => {
    const ws = wb.getWorksheet('梅岭县 439922')!;
    expect(rowValues(ws, 1)[0]).toBe('级别');
    expect(ws.rowCount).toBe(1 + result.files.find((f) => f.file === 'examples/partial.yaml')!.findings.length);
  });

  it('neutralises text that a spreadsheet would run as a formula, and shows waivers', async () => {
    const hostile: AuditResult = waive(
      {
        ...result,
        files: result.files.map((f) => ({
          ...f,
          county: { name: '=HYPERLINK("http://x","y")', code: '439922' },
          findings: f.findings.map((x, i) => ({ ...x, message: { zh: ['=1+1', '+SUM(A1)', '-2', '@cmd', '\tx'][i % 5]!, en: 'x' } })),
        })),
      },
      'village-plan-coverage',
      'examples/partial.yaml',
    );
    const back = await workbook(await xlsx(hostile, { lang: 'zh', color: false }));
    const ws = back.getWorksheet('整改清单')!;
    const head = rowValues(ws, 1);
    const cells: unknown[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(c.value)));
    for (const v of cells) {
      if (typeof v === 'string') expect(v, v).not.toMatch(/^[=+\-@\t]/);
      expect(v === null || typeof v !== 'object' || v instanceof Date, JSON.stringify(v)).toBe(true);
    }
    expect(rowValues(ws, 2)[head.indexOf('问题')]).toBe("'=1+1");
    expect(rowValues(ws, 2)[0]).toBe(`'=HYPERLINK("http://x","y")`);
    expect(cells).toContain('已豁免：省里已批准延期（批准：市乡村振兴局，有效期至 2026-06-30）');
  });

  it('is the same bytes for the same audit', async () => {
    expect(await xlsx(result, { lang: 'en', color: false })).toEqual(await xlsx(result, { lang: 'en', color: false }));
  });
});

describe('docx', () => {
  let result: AuditResult;
  let bytes: Uint8Array;
  beforeAll(async () => {
    result = await examples();
    bytes = (await docx({ ...result, manual: [{ id: 'manual-overall-handle', clauses: ['R1.1'], reason: { zh: '需要人工判断', en: 'judgement' }, check: { zh: '核对县委文件', en: 'check' } }] }, { lang: 'zh', color: false })) as Uint8Array;
  });

  it('writes a review opinion per county: title, basis, verdict and scores, gaps by area, checklist', async () => {
    const { paragraphs } = await wordParagraphs(bytes);
    const titles = paragraphs.filter((p) => p.startsWith('关于') && p.endsWith('的审查意见'));
    expect(titles).toEqual(['关于桃溪县（439921）乡村振兴规划的审查意见', '关于柳河县（439923）乡村振兴规划的审查意见', '关于梅岭县（439922）乡村振兴规划的审查意见']);
    expect(paragraphs.filter((p) => p === '一、审查依据')).toHaveLength(3);
    expect(paragraphs).toContain('《有效衔接乡村振兴战略 全面巩固脱贫攻坚成果》；rural-audit 规则目录');
    expect(paragraphs.some((p) => p.startsWith('规划与政策要求尚有差距：对齐得分 92，5 处错误须整改'))).toBe(true);
    expect(paragraphs).toContain('规划符合机器可检查的各项要求：对齐得分 100。');
    expect(paragraphs.filter((p) => p === '四、人工审核清单')).toHaveLength(3);
    expect(paragraphs).toContain('☐ manual-overall-handle（R1.1）：核对县委文件');
  });

  it('has every gap with its position, rule, clause and fix in a table', async () => {
    const { xml, paragraphs } = await wordParagraphs(bytes);
    for (const x of result.files.flatMap((f) => f.findings)) {
      expect(paragraphs, `${x.ruleId} ${x.line}`).toContain(`${x.line}:${x.column}`);
      expect(paragraphs.some((p) => p.startsWith(x.ruleId))).toBe(true);
    }
    expect(paragraphs.some((p) => p.startsWith('no-removal-through-transition · 实为 → 应为: 2023-12-31 → 2025-12-31'))).toBe(true);
    expect(paragraphs).toContain('把 kept_until 设为过渡期结束日（transition_period.end，默认 2025-12-31）和规划期末（plan_period.end）中较晚者，或更晚。');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('<w:cantSplit/>');
  });

  it('sets gap tables on landscape pages, numbers the pages per county, and names Chinese office fonts', async () => {
    const { xml } = await wordParagraphs(bytes);
    const sections = [...xml.matchAll(/<w:pgSz ([^>]*)\/>/g)].map((m) => m[1]!);
    // Per county: portrait verdict, landscape gaps (the aligned plan has none), portrait checklist.
    expect(sections.filter((s) => s.includes('w:orient="landscape"'))).toHaveLength(2);
    expect(sections).toHaveLength(3 * 2 + 2);
    expect(xml.match(/<w:pgNumType w:start="1"\/>/g)).toHaveLength(3);
    const zip = await JSZip.loadAsync(bytes);
    const footer = await zip.file(/word\/footer\d*\.xml/)[0]!.async('string');
    expect(footer).toMatch(/PAGE/);
    expect(footer).toContain('第 ');
    for (const font of ['黑体', '仿宋', '宋体']) expect(xml).toContain(`w:eastAsia="${font}"`);
  });

  it('is the same bytes for the same audit', async () => {
    expect(await docx(result, { lang: 'en', color: false })).toEqual(await docx(result, { lang: 'en', color: false }));
  });
});

describe('binary formats on the command line', () => {
  it('writes them to a file, or to stdout when it is a pipe, and refuses a terminal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-office-'));
    const run = cli(['check', 'examples/partial.yaml', '-f', `xlsx:${join(dir, 'r.xlsx')}`, '-f', `docx:${join(dir, 'r.docx')}`, '-f', 'xlsx']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    // A zip archive: the local file header's signature.
    expect(run.stdout.startsWith('PK\u0003\u0004')).toBe(true);
    expect(readFileSync(join(dir, 'r.xlsx')).subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    const words = await wordParagraphs(readFileSync(join(dir, 'r.docx')));
    expect(words.paragraphs).toContain('关于梅岭县（439922）乡村振兴规划的审查意见');
    const terminal = { isTTY: true } as NodeJS.WriteStream;
    expect(() => refuseBinaryOnTerminal('docx', terminal)).toThrow('docx is a binary file and stdout is a terminal; write it to a file: -f docx:report.docx');
    expect(() => refuseBinaryOnTerminal('html', terminal)).not.toThrow();
    expect(() => refuseBinaryOnTerminal('xlsx', { isTTY: false } as NodeJS.WriteStream)).not.toThrow();
  });
});
