import { sayBoth } from '../plan/words.js';
import type { CsvProblem, CsvRow, VillageRow } from './villages-csv.js';
import { villagesFromRows } from './villages-csv.js';

export type VillagesXlsx = { ok: true; villages: VillageRow[]; sheet: string } | { ok: false; problems: CsvProblem[] };

/**
 * Read a village ledger kept in Excel (.xlsx): the first sheet, or the one named. Its rows go
 * through the same mapping as a CSV list (villagesFromRows), so the same headers are recognised
 * and a row that cannot be used is named by its spreadsheet row and column. A code stored as a
 * number keeps all 12 digits. exceljs is loaded only for a workbook.
 */
export async function readVillagesXlsx(bytes: Uint8Array, sheet?: string): Promise<VillagesXlsx> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return { ok: false, problems: [{ line: 1, column: 1, message: sayBoth('villages.notWorkbook') }] };
  }
  const ws = sheet === undefined ? wb.worksheets[0] : wb.getWorksheet(sheet);
  if (!ws) {
    const names = wb.worksheets.map((w) => w.name).join('、');
    return { ok: false, problems: [{ line: 1, column: 1, message: sayBoth('villages.noSheet', { sheet: String(sheet), names }) }] };
  }
  const rows: CsvRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    if (cells.every((c) => c.trim() === '')) return;
    rows.push({ cells, line, lines: cells.map(() => line), columns: cells.map((_, i) => i + 1) });
  });
  const read = villagesFromRows(rows);
  return read.ok ? { ...read, sheet: ws.name } : read;
}

/** What a cell shows: a formula's result, rich text joined, a date as YYYY-MM-DD, a number in full. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v !== 'object') return String(v);
  const o = v as { result?: unknown; richText?: { text: string }[]; text?: unknown };
  if (o.richText) return o.richText.map((r) => r.text).join('');
  if ('result' in o) return cellText(o.result);
  if (o.text !== undefined) return cellText(o.text);
  return '';
}
