import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/audit/result.js';
import { writeReport } from '../../src/cli/output.js';
import { joinReport, reportChunks } from '../../src/report/chunks.js';
import { json } from '../../src/report/json.js';
import { sarif } from '../../src/report/sarif.js';
import { table } from '../../src/report/table.js';
import { escapeJsonText } from '../../src/report/text.js';
import { tmpTree } from '../helpers/tmp.js';
import { examples, hostile } from './helpers.js';

let result: AuditResult;
beforeAll(async () => {
  result = await examples();
});

const collect = async (out: Parameters<typeof reportChunks>[0]) => {
  const chunks: (string | Uint8Array)[] = [];
  for await (const c of reportChunks(out)) chunks.push(c);
  return chunks;
};

describe('reports made chunk by chunk', () => {
  it('JSON and SARIF are byte for byte what stringifying the whole report gives, made file by file', async () => {
    for (const r of [result, hostile(result), { ...result, files: [] }]) {
      for (const lang of ['zh', 'en'] as const) {
        const chunks = await collect(json(r, { lang, color: false }));
        const text = chunks.join('');
        expect(text).toBe(`${escapeJsonText(JSON.stringify(JSON.parse(text), null, 2))}\n`);
        // A head, one chunk per file, a tail and the final line feed.
        expect(chunks.length).toBe(r.files.length + 3);
        const log = joinReport(sarif(r, { lang, color: false }));
        expect(log).toBe(`${JSON.stringify(JSON.parse(log), null, 2)}\n`);
        expect(JSON.parse(log).runs[0].results).toHaveLength(r.files.reduce((n, f) => n + f.findings.length, 0));
      }
    }
  });

  it('the table comes line by line', async () => {
    const chunks = await collect(table(result, { lang: 'en', color: false }));
    expect(chunks.length).toBeGreaterThan(result.files.length);
    expect(chunks.every((c) => typeof c === 'string' && c.endsWith('\n'))).toBe(true);
  });

  it('the report writer takes text, bytes, promises of either and chunks, and writes each whole', async () => {
    const dir = tmpTree({});
    const bytes = new TextEncoder().encode('二进制\n');
    const cases: [Parameters<typeof writeReport>[1], string][] = [
      ['text\n', 'text\n'],
      [bytes, '二进制\n'],
      [Promise.resolve('later\n'), 'later\n'],
      [Promise.resolve(bytes), '二进制\n'],
      [['a', 'b\n', 'c'.repeat(3 << 20)], `ab\n${'c'.repeat(3 << 20)}`],
      [[], ''],
      // A character outside the BMP split across two chunks, and across a huge one.
      [['县\ud83c', '\udf3e村'], '县🌾村'],
      [['\ud83c', `\udf3e${'c'.repeat(3 << 20)}\ud83c`, '\udf3e'], `🌾${'c'.repeat(3 << 20)}🌾`],
    ];
    for (const [i, [out, expected]] of cases.entries()) {
      const target = join(dir, `r${i}`);
      await writeReport(target, out, []);
      expect(readFileSync(target).equals(Buffer.from(expected))).toBe(true);
    }
  });
});
