import Table from 'cli-table3';

type Options = ConstructorParameters<typeof Table>[0] & { head?: string[] };
type Row = (string | number)[];

/** Rows per cli-table3 table: small enough that its layout stays cheap. */
const CHUNK = 100;

/**
 * A box table of any length in linear time. cli-table3 lays a table out in time quadratic in its
 * rows (each cell is checked against every row above it): a roll-up of 2,844 counties took
 * seconds. Long tables without rules between rows are drawn in chunks at the column widths of the
 * whole, and joined where one chunk's bottom border meets the next one's top: the same box as a
 * single table.
 */
export function chunkedTable(options: Options, rows: Row[], naturalWidths?: number[]): string {
  // Chunks join without a rule between rows only: a table that draws one is drawn whole.
  if (rows.length <= CHUNK || options.chars?.mid !== '') return draw(options, rows);
  const chunks: Row[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) chunks.push(rows.slice(i, i + CHUNK));
  const optionsOf = (k: number, colWidths?: number[]): Options => ({
    ...options,
    ...(k === 0 ? {} : { head: [] }),
    ...(colWidths ? { colWidths } : {}),
  });
  // The widths given, else the natural ones the caller measured, else a first pass: each chunk's
  // natural widths, read off its top border, the widest of each column winning (drawing every row twice).
  const widths: number[] = [...(options.colWidths ?? naturalWidths ?? [])].map(Number);
  if (widths.length === 0)
    chunks.forEach((chunk, k) => {
      const top = draw(optionsOf(k), chunk).split('\n')[0]!;
      top
        .slice(1, -1)
        .split(/[┬╤]/)
        .forEach((segment, i) => (widths[i] = Math.max(widths[i] ?? 0, [...segment].length)));
    });
  const parts = chunks.map((chunk, k) => {
    const lines = draw(optionsOf(k, widths), chunk).split('\n');
    return lines.slice(k === 0 ? 0 : 1, k === chunks.length - 1 ? lines.length : -1).join('\n');
  });
  return parts.join('\n');
}

function draw(options: Options, rows: Row[]): string {
  const t = new Table(options);
  t.push(...rows);
  return t.toString();
}
