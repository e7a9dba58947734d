import Table from 'cli-table3';
import { describe, expect, it } from 'vitest';
import { chunkedTable } from '../../src/report/chunkedTable.js';
import { COMPACT, columnWidth } from '../../src/report/table.js';

function single(options: ConstructorParameters<typeof Table>[0], rows: (string | number)[][]): string {
  const t = new Table(options);
  t.push(...rows);
  return t.toString();
}

describe('chunkedTable', () => {
  // Rows whose widest cells fall in different chunks, with Chinese (double width) and numbers.
  const rows = Array.from({ length: 345 }, (_, i) => [
    i === 17 ? '很长很长的县名（439921）' : `县${i}`,
    i === 290 ? 123456789 : i,
    i % 7 === 0 ? '组织领导\n与责任体系' : 'x',
  ]);
  const options = {
    head: ['县', '得分', '领域'],
    chars: COMPACT,
    style: { head: [], border: [] },
    colAligns: ['left', 'right', 'left'] as ('left' | 'right')[],
  };

  const natural = options.head.map((_, k) => columnWidth(options.head, rows, k));

  it('draws a short table as one table', () => {
    expect(chunkedTable(options, rows.slice(0, 5), natural)).toBe(single(options, rows.slice(0, 5)));
  });

  it('draws a long table at the natural widths measured (columnWidth) exactly as one cli-table3 table would', () => {
    // What cli-table3 lays out, read off the whole table's top border.
    const top = single(options, rows).split('\n')[0]!.slice(1, -1).split('┬');
    expect(natural).toEqual(top.map((segment) => [...segment].length));
    expect(chunkedTable(options, rows, natural)).toBe(single(options, rows));
  });

  it('draws at the widths given, wrapping, as one table would', () => {
    const narrow = { ...options, colWidths: [10, 8, 8], wordWrap: true, wrapOnWordBoundary: false };
    expect(chunkedTable(narrow, rows, narrow.colWidths)).toBe(single(narrow, rows));
  });
});
