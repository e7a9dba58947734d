import Table from 'cli-table3';

type Options = ConstructorParameters<typeof Table>[0] & { head?: string[] };
type Row = (string | number)[];

/** Rows per cli-table3 table: small enough that its layout stays cheap. */
const CHUNK = 100;

/**
 * A box table of any length in linear time. cli-table3 lays a table out in time quadratic in its
 * rows (each cell is checked against every row above it): a roll-up of 2,844 counties took
 * seconds. Long tables without rules between rows are drawn in chunks at the column widths of the
 * whole, `widths` (the caller's `colWidths`, or the natural widths it measured: table.ts
 * `columnWidth`), and joined where one chunk's bottom border meets the next one's top: the same
 * box as a single table.
 */
export function chunkedTable(options: Options, rows: Row[], widths: number[]): string {
  // Chunks join without a rule between rows only: a table that draws one is drawn whole.
  if (rows.length <= CHUNK || options.chars?.mid !== '') return draw(options, rows);
  const chunks: Row[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) chunks.push(rows.slice(i, i + CHUNK));
  const parts = chunks.map((chunk, k) => {
    const lines = draw({ ...options, ...(k === 0 ? {} : { head: [] }), colWidths: widths }, chunk).split('\n');
    return lines.slice(k === 0 ? 0 : 1, k === chunks.length - 1 ? lines.length : -1).join('\n');
  });
  return parts.join('\n');
}

function draw(options: Options, rows: Row[]): string {
  const t = new Table(options);
  t.push(...rows);
  return t.toString();
}
