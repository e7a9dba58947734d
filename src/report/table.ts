import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { SEVERITIES, type Severity } from '../catalog/types.js';
import { say, sayIn } from '../plan/words.js';
import { oneLine } from './escape.js';
import { chunkedTable } from './chunkedTable.js';
import { rollup } from './rollup.js';
import { summariseByArea } from './summary.js';
import { displayWidth, inputErrorExcerpt, inputErrorLine } from './text.js';
import { cells, wrap, wrapLine, type Piece } from './wrap.js';
import type { Formatter } from './types.js';

/** Box drawing without a rule between every row: a summary of ten areas fits on a screen. */
export const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

/** The default report for people at a terminal: gaps by file, then a per-area summary table. */
export const table: Formatter = (result, options) => tableLines(result, options);

/** Line by line (each with its line feed): the findings of one file at a time, then the summaries. */
function* tableLines(result: Parameters<Formatter>[0], { lang, color, width }: Parameters<Formatter>[1]): Generator<string> {
  const c = new Chalk({ level: color ? 1 : 0 });
  const w = sayIn(lang);
  // Wide enough for the longest severity label, and a space.
  const sevWidth = Math.max(...SEVERITIES.map((s) => say(lang, `severity.${s}`).length)) + 1;
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  const rules = new Map(result.rules.map((r) => [r.id, r]));
  for (const f of result.files) {
    if (f.error) {
      yield* lines(...wrapLine(oneLine(f.file), width, 0, c.underline));
      yield* lines(...wrap([{ text: inputErrorLine(f.error, lang), paint: c.red }], width, '  ', '    '));
      yield* lines(...inputErrorExcerpt(f.error, width === undefined ? undefined : width - 4).map((l) => `    ${c.dim(l)}`), '');
      continue;
    }
    // Read once: a run's results give their findings afresh on every read (src/audit/packed.ts).
    const findings = f.findings;
    if (findings.length === 0) continue;
    yield* lines(...wrapLine(oneLine(f.file), width, 0, c.underline));
    for (const x of findings) {
      const rule = rules.get(x.ruleId);
      const where = `${x.line}:${x.column}`.padEnd(8);
      const label = x.waiver ? w('waived') : say(lang, `severity.${x.severity}`);
      const sev = label.padEnd(sevWidth);
      const head = `  ${c.dim(where)}${(x.waiver ? c.dim : paint[x.severity])(sev)} `;
      const message: Piece = { text: oneLine(x.message[lang]), ...(x.waiver ? { paint: c.dim } : {}) };
      // Under the message, a hanging indent; the rule id and its clauses are never cut.
      const indent = ' '.repeat(cells(head));
      yield* lines(...wrap([message, { text: '  ' }, ...ruleTag(x.ruleId, x.clauses, width, indent.length, c.dim)], width, head, indent));
      const hint = x.waiver
        ? oneLine(w('waivedBy', x.waiver))
        : rule
          ? `${w('fix')}: ${oneLine(rule.remediation[lang])}`
          : undefined;
      if (hint !== undefined) {
        const label = x.waiver ? '' : `${w('fix')}: `;
        const start = `  ${' '.repeat(8)}`;
        yield* lines(...wrap([{ text: hint, paint: c.dim }], width, start, ' '.repeat(start.length + displayWidth(label))));
      }
    }
    yield* lines('');
  }
  const { areas, total, waived } = summariseByArea(result);
  const head = [w('report.area'), ...(['error', 'warning', 'info'] as const).map((s) => say(lang, `severity.${s}`)), ...(waived ? [w('waived')] : [])];
  const t = new Table({ head, chars: COMPACT, style: { head: [], border: [] }, colAligns: ['left', 'right', 'right', 'right', 'right'] });
  for (const a of areas) {
    const area = result.areas.find((x) => x.id === a.area);
    t.push([area ? area.title[lang] : a.area, a.counts.error, a.counts.warning, a.counts.info, ...(waived ? [a.waived] : [])]);
  }
  t.push([w('report.total'), total.error, total.warning, total.info, ...(waived ? [waived] : [])]);
  yield* lines(t.toString());
  const r = rollup(result, lang);
  if (r) {
    // Counties × areas: what a province reviewer compares first.
    const band = (n: number | undefined) => (n === undefined ? '—' : n >= 90 ? c.green(String(n)) : n >= 60 ? c.yellow(String(n)) : c.red(String(n)));
    const sevs = (['error', 'warning', 'info'] as const).map((s) => say(lang, `severity.${s}`));
    const rows = r.rows.map((row) => [
      oneLine(row.label),
      ...row.cells.map((x) => band(x.score)),
      band(row.score),
      row.counts.error,
      row.counts.warning,
      row.counts.info,
    ]);
    rows.push([w('table.mean'), ...r.totals.map((x) => band(x.score)), band(r.score), r.counts.error, r.counts.warning, r.counts.info]);
    const titles = r.areas.map((a) => a.title[lang]);
    yield* lines(...rollupTables(w('report.county'), titles, [w('report.overall'), ...sevs], rows, width, w('table.legendSeparator')));
    yield* lines(...wrapLine(w('table.legend'), width, 2, c.dim));
    if (r.weakest.length > 0) {
      yield* lines(...wrapLine(`${w('report.weakest')}: ${r.weakest.map((x) => `${x.area.title[lang]} (${x.score})`).join(w('list.separator'))}`, width));
    }
  }
  const audited = result.files.filter((f) => !f.error).length;
  yield* lines(...wrapLine(`${w('table.summary', { files: audited, errors: total.error, warnings: total.warning, info: total.info })}${w('table.asOf', { date: result.asOf })}`, width));
  const failed = result.files.filter((f) => f.error).length + result.errors.length;
  if (failed > 0) yield* lines(c.red(`${w('table.notAudited')}: ${failed}`));
}

function* lines(...texts: string[]): Generator<string> {
  for (const t of texts) yield `${t}\n`;
}

/** `rule-id [R1.2, Q1.1]` as one piece when it fits a line, else the id and each clause unbroken. */
function ruleTag(ruleId: string, clauses: string[], width: number | undefined, indent: number, paint: (s: string) => string): Piece[] {
  const whole = `${ruleId} [${clauses.join(', ') || '—'}]`;
  if (width === undefined || displayWidth(whole) <= width - indent) return [{ text: whole, paint, keep: true }];
  const parts = [ruleId, ...(clauses.length ? clauses.map((cl, i) => `${i === 0 ? '[' : ''}${cl}${i === clauses.length - 1 ? ']' : ','}`) : ['[—]'])];
  return parts.flatMap((text, i) => [...(i > 0 ? [{ text: ' ' }] : []), { text, paint, keep: true }]);
}

type Cell = string | number;

/**
 * The county roll-up, laid out to fit `width`: with the full area titles when they fit; else with
 * short column codes (A1, A2 …) and a legend; else, in addition, split into several tables of
 * columns, each led by the county column. The county column itself wraps when it alone would
 * leave no room.
 */
function rollupTables(county: string, titles: string[], tail: string[], rows: Cell[][], width: number | undefined, separator: string): string[] {
  const aligns = ['left' as const, ...rows[0]!.slice(1).map(() => 'right' as const)];
  const draw = (head: string[], cols: number[], colWidths?: number[]) =>
    chunkedTable(
      {
        head: cols.map((k) => head[k]!),
        chars: COMPACT,
        style: { head: [], border: [] },
        colAligns: cols.map((k) => aligns[k]!),
        ...(colWidths ? { colWidths, wordWrap: true, wrapOnWordBoundary: false } : {}),
      },
      rows.map((row) => cols.map((k) => row[k]!)),
      colWidths ?? cols.map((k) => columnWidth(head, rows, k)),
    );
  const all = [0, ...titles.map((_, i) => i + 1), ...tail.map((_, i) => titles.length + 1 + i)];
  const full = [county, ...titles.map(twoLines), ...tail];
  if (width === undefined || tableWidth(full, rows, all) <= width) return [draw(full, all)];
  const codes = [county, ...titles.map((_, i) => `A${i + 1}`), ...tail];
  // Each entry of the legend stays on one line.
  const entries = titles.flatMap((t, i): Piece[] => {
    const last = i === titles.length - 1;
    const entry: Piece = { text: `A${i + 1} ${t}${last ? '' : separator.trimEnd()}`, keep: true };
    return last || separator === separator.trimEnd() ? [entry] : [entry, { text: ' ' }];
  });
  const legend = wrap(entries, width, '', '');
  // Natural width of each column, with its padding of one cell on each side.
  const natural = all.map((k) => columnWidth(codes, rows, k));
  const countyWidth = Math.min(natural[0]!, Math.max(8, Math.floor(width * 0.4)));
  const widths = [countyWidth, ...natural.slice(1)];
  const groups: number[][] = [];
  let group: number[] = [];
  let used = 1 + countyWidth + 1;
  for (const k of all.slice(1)) {
    if (group.length > 0 && used + widths[k]! + 1 > width) {
      groups.push(group);
      group = [];
      used = 1 + countyWidth + 1;
    }
    group.push(k);
    used += widths[k]! + 1;
  }
  groups.push(group);
  return [...groups.map((g) => draw(codes, [0, ...g], [countyWidth, ...g.map((k) => widths[k]!)])), ...legend];
}

/** A column's natural width as cli-table3 lays it out: its widest line, padded by one on each side. */
export function columnWidth(head: Cell[], rows: Cell[][], k: number): number {
  const lines = [head[k]!, ...rows.map((r) => r[k]!)].flatMap((cell) => String(cell).split('\n'));
  return 2 + Math.max(...lines.map(cells));
}

function tableWidth(head: string[], rows: Cell[][], cols: number[]): number {
  return 1 + cols.reduce((n, k) => n + columnWidth(head, rows, k) + 1, 0);
}

/**
 * A long column title on two balanced lines, so that a roll-up of ten areas still fits a wide
 * terminal: Chinese split in the middle, other text at the space nearest the middle.
 */
export function twoLines(title: string): string {
  const chars = [...title];
  if (/\p{Script=Han}/u.test(title)) {
    if (chars.length <= 4) return title;
    const half = Math.ceil(chars.length / 2);
    return `${chars.slice(0, half).join('')}\n${chars.slice(half).join('')}`;
  }
  if (title.length <= 10) return title;
  const spaces = [...title.matchAll(/ /g)].map((m) => m.index!);
  if (spaces.length === 0) return title;
  const mid = spaces.reduce((best, i) => (Math.abs(i - title.length / 2) < Math.abs(best - title.length / 2) ? i : best));
  return `${title.slice(0, mid)}\n${title.slice(mid + 1)}`;
}
