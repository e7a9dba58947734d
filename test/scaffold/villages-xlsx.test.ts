import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readVillagesXlsx } from '../../src/scaffold/villages-xlsx.js';
import { cli } from '../helpers/cli.js';

/** A ledger as county offices keep one: a title row, Chinese headers, codes stored as numbers, income in 万元. */
async function ledger(rows: unknown[][], sheets: string[] = ['行政村']): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const name of sheets) {
    const ws = wb.addWorksheet(name);
    ws.addRow(['桃溪县行政村基本情况台账']);
    ws.addRow(['序号', '村名', '行政区划代码', '所属乡镇', '村庄分类', '是否脱贫村', '集体经营性收入（万元）']);
    for (const r of rows) ws.addRow(r);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const GOOD = [
  [1, '红星村', 439921101201, '桃花镇', '集聚提升类', '是', 12.5],
  [2, '石桥村', '439921101202', '桃花镇', '特色保护类', '否', 3],
  [3, '芦苇村', 439921102203, '柳溪乡', '看不准', '否', null],
];

describe('a village ledger in Excel', () => {
  it('maps the usual Chinese headers to the plan format, below a title row', async () => {
    const read = await readVillagesXlsx(await ledger(GOOD));
    expect(read).toEqual({
      ok: true,
      sheet: '行政村',
      villages: [
        { name: '红星村', code: '439921101201', township: '桃花镇', category: 'upgrade', poverty_status: 'exited', collective_income: { operating: 125000 } },
        { name: '石桥村', code: '439921101202', township: '桃花镇', category: 'protection', poverty_status: 'non_poor', collective_income: { operating: 30000 } },
        { name: '芦苇村', code: '439921102203', township: '柳溪乡', category: 'undetermined', poverty_status: 'non_poor' },
      ],
    });
  });

  it('names every row it cannot use by its spreadsheet row and column', async () => {
    const read = await readVillagesXlsx(await ledger([...GOOD, [4, '', 439921102204], [5, '白沙村', 4399211022, '柳溪乡'], [6, '青山村', 439921102206, '柳溪乡', '城中村'], [7, '河口村', 439921102207, '', '', '不详']]));
    expect(read.ok).toBe(false);
    expect(!read.ok && read.problems.map((p) => [p.line, p.column, p.message.zh])).toEqual([
      [6, 2, '缺少村名'],
      [7, 3, '白沙村 的代码「4399211022」不是 12 位统计用区划代码'],
      [8, 5, '青山村 的村庄分类「城中村」不是集聚提升类、城郊融合类、特色保护类、搬迁撤并类或看不准'],
      [9, 6, '河口村 是否脱贫村写作「不详」，应为 是 或 否'],
    ]);
  });

  it('reads the sheet asked for, and names the sheets when it is missing', async () => {
    const bytes = await ledger(GOOD, ['说明', '行政村']);
    expect(await readVillagesXlsx(bytes, '行政村')).toMatchObject({ ok: true, sheet: '行政村' });
    expect(await readVillagesXlsx(bytes, '村庄')).toMatchObject({ ok: false, problems: [{ message: { zh: '工作簿中没有工作表「村庄」（有：说明、行政村）' } }] });
  });

  it('imports into a template whose villages match the ledger (rural-audit init --villages x.xlsx --sheet)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-ledger-'));
    writeFileSync(join(dir, 'villages.xlsx'), await ledger(GOOD, ['说明', '行政村']));
    const run = cli(['init', 'plan.yaml', '--villages', 'villages.xlsx', '--sheet', '行政村', '--county', '桃溪县', '--code', '439921'], { cwd: dir });
    expect(run.stderr).toContain('已列入 3 个行政村');
    expect(run.code).toBe(0);
    const plan = parse(readFileSync(join(dir, 'plan.yaml'), 'utf8'));
    expect(plan.villages.map((v: Record<string, unknown>) => [v.name, v.code, v.township, v.category, v.poverty_status])).toEqual([
      ['红星村', '439921101201', '桃花镇', 'upgrade', 'exited'],
      ['石桥村', '439921101202', '桃花镇', 'protection', 'non_poor'],
      ['芦苇村', '439921102203', '柳溪乡', 'undetermined', 'non_poor'],
    ]);
    // The ledger's operating income is in; the amounts it does not give stay to be filled in.
    expect(plan.villages[0].collective_income).toMatchObject({ operating: 125000, year: '待填写', subsidy: '待填写' });
    expect(plan.villages[2].collective_income.operating).toBe('待填写');
    const bad = cli(['init', 'bad.yaml', '--villages', 'villages.xlsx', '--sheet', '村庄'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('villages.xlsx:1:1: 错误: 工作簿中没有工作表「村庄」（有：说明、行政村）');
  });
});
