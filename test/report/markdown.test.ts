import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/audit/result.js';
import { markdown } from '../../src/report/markdown.js';
import { CONTROL, examples, hostile, waive } from './helpers.js';

const MANUAL = [{ id: 'manual-overall-handle', clauses: ['R1.1'], reason: { zh: '是否真正作为总抓手需要人工判断', en: 'needs judgement' }, check: { zh: '核对县委文件', en: 'check the county document' } }];

/** Cells of a Markdown table row, splitting on unescaped pipes. */
const cells = (row: string) => row.slice(1, -1).split(/(?<!\\)\|/);

describe('markdown', () => {
  let result: AuditResult;
  beforeAll(async () => {
    result = await examples();
  });

  it('gives per file and per area a gap table with clause and fix, and the clauses quoted', () => {
    const text = markdown(result, { lang: 'zh', color: false });
    const partial = text.slice(text.indexOf('## examples/partial.yaml — 梅岭县（439922）'));
    expect(partial).toContain('### 四不摘');
    expect(partial).toMatch(/\| 77:17 \| 错误 \| `no-removal-through-transition` \| no\\_removals\.supervision\.kept\\_until 只保持到 2023-12-31.* \| 2023-12-31 → 2025-12-31 \| R2\.2 \| 把 kept\\_until 设为.*<br>\*责任主体: 县乡村振兴局\* \|$/m);
    // The quotes of no-removal-not-lapsed and no-removal-through-transition, merged: the shorter lies in the longer.
    expect(partial).toMatch(/^> \*\*R2\.2\*\* 严格落实脱贫不摘责任、不摘政策、不摘帮扶、不摘监管的“四不摘”要求$/m);
    // plan-schema's gap is there, but a rule of the plan format quotes no clause.
    expect(text).toContain('`plan-schema`');
    expect(text).not.toContain('规划格式的要求，不是政策条款');
    expect(text).not.toMatch(/^> \*\*\*\*/m);
    expect(text).toContain('## examples/aligned.yaml — 桃溪县（439921）\n\n得分 100 · 未发现差距。');
  });

  it('rolls up counties × areas with scores, totals and the weakest areas when several plans were audited', () => {
    const text = markdown(result, { lang: 'en', color: false });
    const table = text.slice(text.indexOf('## Counties compared'), text.indexOf('## Gaps by area'));
    const rows = table.split('\n').filter((l) => l.startsWith('| '));
    expect(rows[0]).toMatch(/^\| County \| Plan format \| Leadership and responsibility \| Four no-removals \|.* Village planning \|.* Overall \|$/);
    expect(rows.find((r) => r.startsWith('| 桃溪县 (439921) |'))).toMatch(/\*\*100\*\* · 0\/0\/0 \|$/);
    expect(rows.at(-1)).toMatch(/^\| \*\*Mean \/ total\*\* \|/);
    expect(table).toMatch(/\*\*Weakest areas\*\*: .+ \(\d+\)/);
    const one = markdown({ ...result, files: result.files.slice(0, 1) }, { lang: 'en', color: false });
    expect(one).not.toContain('Counties compared');
  });

  it('draws the open gaps per area as a Mermaid bar chart, in catalog order', () => {
    const text = markdown(result, { lang: 'en', color: false });
    const chart = text.slice(text.indexOf('```mermaid'), text.indexOf('```', text.indexOf('```mermaid') + 3) + 3).split('\n');
    expect(chart[1]).toBe('xychart-beta horizontal');
    expect(chart[2]).toBe('  title "Open gaps per area"');
    expect(chart[3]).toMatch(/^ {2}x-axis \["Plan format", "Leadership/);
    expect(chart[5]).toBe('  bar [3, 12, 7, 6, 8, 14, 8, 13, 4, 5]');
    expect(chart[4]).toBe('  y-axis "gaps" 0 --> 14');
  });

  it('adds the reviewer checklist and marks waived gaps', () => {
    const text = markdown({ ...waive(result, 'village-plan-coverage', 'examples/partial.yaml'), manual: MANUAL }, { lang: 'zh', color: false });
    expect(text).toContain('## 人工审核清单');
    expect(text).toContain('- [ ] **manual-overall-handle** (R1.1): 核对县委文件 — *原因: 是否真正作为总抓手需要人工判断*');
    expect(text).toMatch(/\| 231:5 \| ~~错误~~ 已豁免 \|.*<br>\*已豁免：省里已批准延期（批准：市乡村振兴局，有效期至 2026-06-30）\*/);
    expect(text).toMatch(/\| 四不摘 \| R2\.2 \| \d+ \| 0 \| 0 \| 0 \|/);
    expect(text).toMatch(/\| 村庄规划 \| R3\.1, R3\.2 \| \d+ \| \d+ \| \d+ \| 1 \|/);
  });

  it('escapes plan text: no HTML, links, mentions or broken tables', () => {
    const text = markdown(hostile(result), { lang: 'zh', color: false });
    expect(text).not.toMatch(CONTROL);
    expect(text).not.toContain('<script>');
    expect(text).not.toContain('@admin');
    expect(text).not.toContain('[a](javascript');
    const header = text.split('\n').find((l) => l.startsWith('| 位置 |'))!;
    for (const row of text.split('\n').filter((l) => /^\| \d+:\d+/.test(l))) expect(cells(row)).toHaveLength(cells(header).length);
  });
});
