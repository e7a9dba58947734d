import type { Workbook, Worksheet } from 'exceljs';
import type { AuditResult } from '../audit/result.js';
import type { Lang } from '../catalog/types.js';
import { textWidthEm } from './charts.js';
import { neutraliseFormula, remediationRows, type RemediationRow } from './remediation.js';
import { stableZip } from './stableZip.js';
import { rollup } from './rollup.js';
import { sanitize } from './text.js';
import type { FormatOptions, Formatter } from './types.js';
import { say, sayIn } from '../plan/words.js';

/**
 * An Excel workbook for reviewers (docs/formats.md): a summary sheet of scores per county and
 * area with conditional colours, the rectification list (整改清单) with a progress column left
 * for the county to fill, and one sheet per county when several were audited. Headers frozen,
 * filters on, widths fitted to Chinese text, numbers and dates typed; text that a spreadsheet
 * would take for a formula is neutralised like in the CSV. exceljs is loaded only when a
 * workbook is asked for.
 */
export const xlsx: Formatter = async (result, options) => {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = result.tool.name;
  summarySheet(wb, result, options.lang);
  const rows = remediationRows(result, options);
  const rw = sayIn(options.lang);
  listSheet(wb.addWorksheet(rw('review.remediationSheet')), rows, options, true);
  const files = result.files.filter((f) => !f.error);
  if (files.length > 1) {
    const used = new Set<string>([rw('review.summarySheet'), rw('review.remediationSheet')]);
    for (const f of files) {
      const label = f.county?.name ? `${f.county.name}${f.county.code ? ` ${f.county.code}` : ''}` : f.file;
      listSheet(wb.addWorksheet(sheetName(label, used)), rows.filter((r) => r.file === f.file), options, false);
    }
  }
  return stableZip(new Uint8Array(await wb.xlsx.writeBuffer()));
};

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F0F0' } } as const;

function summarySheet(wb: Workbook, result: AuditResult, lang: Lang): void {
  const w = sayIn(lang);
  const ws = wb.addWorksheet(say(lang, 'review.summarySheet'));
  const r = rollup(result, lang, 0, 1);
  const areas = r?.areas ?? [];
  const rows = r?.rows ?? [];
  const sev = (s: 'error' | 'warning' | 'info') => say(lang, `severity.${s}`);
  const header = [w('report.county'), w('report.file'), ...areas.map((a) => a.title[lang]), w('report.overall'), sev('error'), sev('warning'), sev('info')];
  ws.addRow(header.map(text));
  for (const x of rows) ws.addRow([text(x.label), text(x.file), ...x.cells.map((c) => num(c.score)), num(x.score), x.counts.error, x.counts.warning, x.counts.info]);
  if (rows.length > 0) {
    // Scores from red (0) through yellow (60) to green (100), as Excel's own colour scales draw them.
    ws.addConditionalFormatting({
      ref: `C2:${col(3 + areas.length)}${rows.length + 1}`,
      rules: [
        {
          type: 'colorScale',
          priority: 1,
          cfvo: [
            { type: 'num', value: 0 },
            { type: 'num', value: 60 },
            { type: 'num', value: 100 },
          ],
          color: [{ argb: 'FFF8696B' }, { argb: 'FFFFEB84' }, { argb: 'FF63BE7B' }],
        },
      ],
    });
  }
  finish(ws, header.length, rows.length, 1);
}

/** The rectification list: one row per gap, the progress column empty for the county. */
function listSheet(ws: Worksheet, rows: RemediationRow[], { lang }: FormatOptions, withCounty: boolean): void {
  const w = sayIn(lang);
  const rw = sayIn(lang);
  const header = [
    ...(withCounty ? [w('report.county')] : []),
    w('report.severity'),
    w('report.area'),
    w('report.rule'),
    w('report.clauses'),
    w('report.problem'),
    w('report.file'),
    w('report.line'),
    w('report.column'),
    w('report.fix'),
    w('report.owner'),
    rw('review.dueDate'),
    w('report.waived'),
    rw('review.status'),
  ];
  ws.addRow(header.map(text));
  for (const r of rows) {
    const waived = r.status === w('report.open') ? '' : r.status;
    ws.addRow([
      ...(withCounty ? [text(r.county)] : []),
      text(r.severity),
      text(r.area),
      text(r.ruleId),
      text(r.clauses),
      text(r.message),
      text(r.file),
      r.line,
      r.column,
      text(r.fix),
      text(r.owner),
      date(r.due),
      text(waived),
      '',
    ]);
  }
  const dueCol = header.indexOf(rw('review.dueDate')) + 1;
  ws.getColumn(dueCol).numFmt = 'yyyy-mm-dd';
  finish(ws, header.length, rows.length, withCounty ? 1 : 0);
  // Long texts wrap in their cells rather than run across the sheet, and each row is as tall as
  // its longest wrapped text: spreadsheet programs do not grow rows on opening a file.
  const lines = new Map<number, number>();
  for (const name of [w('report.problem'), w('report.fix'), w('report.waived')]) {
    const c = ws.getColumn(header.indexOf(name) + 1);
    c.width = Math.min(c.width ?? 10, 48);
    // Column styles reach only cells added later: set each cell's own.
    c.eachCell((cell, row) => {
      cell.alignment = { wrapText: true, vertical: 'top' };
      const needed = Math.ceil((textWidthEm(String(cell.value ?? '')) * 2) / (c.width! - 1));
      lines.set(row, Math.max(lines.get(row) ?? 1, needed));
    });
  }
  for (const [row, n] of lines) if (row > 1 && n > 1) ws.getRow(row).height = 15 * n;
}

/** Bold frozen header with a filter, the first columns frozen too, widths fitted to the widest text. */
function finish(ws: Worksheet, columns: number, rows: number, frozenColumns: number): void {
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', wrapText: true };
  for (let c = 1; c <= columns; c++) head.getCell(c).fill = HEADER_FILL;
  ws.eachRow((row, n) => n > 1 && row.eachCell((cell) => (cell.alignment = { vertical: 'top' })));
  ws.views = [{ state: 'frozen', xSplit: frozenColumns, ySplit: 1 }];
  // Printed, a sheet fits the width of a landscape A4 page (paper size 9) and repeats its header row.
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows + 1), column: columns } };
  for (let c = 1; c <= columns; c++) {
    const column = ws.getColumn(c);
    let widest = 4;
    column.eachCell({ includeEmpty: false }, (cell) => {
      const v = cell.value;
      const s = v instanceof Date ? '2025-12-31' : v === null || v === undefined ? '' : String(v);
      // Excel measures width in characters of its default font: a Chinese character takes two.
      widest = Math.max(widest, Math.ceil(textWidthEm(s) * 2) + 2);
    });
    column.width = Math.min(widest, 60);
  }
}

/** A plan's text in a cell: control characters shown, formulas neutralised. */
const text = (s: string): string => neutraliseFormula(sanitize(s));
const num = (n: number | undefined): number | null => (n === undefined ? null : n);
function date(s: string): Date | string {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) ? new Date(`${s}T00:00:00Z`) : text(s);
}

/** Column letters: 1 → A, 27 → AA. */
function col(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ], unique. */
function sheetName(label: string, used: Set<string>): string {
  const base = sanitize(label).replace(/[:\\/?*[\]]/g, '_').replace(/^'|'$/g, '').slice(0, 28) || 'sheet';
  let name = base;
  for (let k = 2; used.has(name.toLowerCase()) || used.has(name); k++) name = `${base.slice(0, 27)}~${k}`;
  used.add(name);
  used.add(name.toLowerCase());
  return name;
}
