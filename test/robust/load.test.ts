import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AuditContext, auditFile } from '../../src/audit/file.js';
import type { CompiledCatalog } from '../../src/engine/audit.js';
import { Selector } from '../../src/engine/select.js';
import { reportInternalError } from '../../src/cli/main.js';
import { isInputError, loadDocument, loadInputFile, parseByteSize, parseDocumentBytes, readInputBytes } from '../../src/plan/load.js';
import { catalog } from '../helpers/audit.js';
import { scratch } from './helpers.js';

describe('--max-file-size', () => {
  it.each([
    ['5242880', 5_242_880],
    ['512k', 524_288],
    ['20M', 20_971_520],
    ['1.5MB', 1_572_864],
    ['1GiB', 1_073_741_824],
  ])('reads %s', (text, bytes) => expect(parseByteSize(text)).toBe(bytes));

  it.each(['0', '-1', 'lots', '', '5T', '1e9'])('refuses %j', (text) => expect(parseByteSize(text)).toBeUndefined());

  it('refuses a 10 GiB (sparse) file from its size alone, never reading it', async () => {
    const dir = scratch({ 'huge.yaml': '' });
    truncateSync(join(dir, 'huge.yaml'), 10 * 1024 ** 3);
    const before = process.memoryUsage().rss;
    expect(await loadDocument(join(dir, 'huge.yaml'), 'huge.yaml', { maxBytes: 5 * 1024 * 1024 })).toMatchObject({ code: 'too-large', values: { size: 10 * 1024 ** 3 } });
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('refuses a file over the limit without reading it, and reads one at the limit', async () => {
    const dir = scratch({ 'plan.yaml': 'format_version: 1\n' });
    const file = join(dir, 'plan.yaml');
    expect(await loadDocument(file, 'plan.yaml', { maxBytes: 17 })).toMatchObject({ code: 'too-large', values: { size: 18, limit: 17 } });
    expect(isInputError(await loadDocument(file, 'plan.yaml', { maxBytes: 18 }))).toBe(false);
  });

  it('reads every byte of an empty, a small and a large file, and of one its stat calls empty', () => {
    const large = `county: ${'x'.repeat(200 * 1024)}\n`;
    const dir = scratch({ 'empty.yaml': '', 'small.yaml': 'a: 1\n', 'large.yaml': large });
    for (const name of ['empty.yaml', 'small.yaml', 'large.yaml']) {
      const read = readInputBytes(join(dir, name), name, 'baseline');
      expect('bytes' in read && read.bytes.equals(readFileSync(join(dir, name)))).toBe(true);
    }
    // A file that grows past what fstat said (here from 0 bytes) is read on, to its end.
    if (process.platform === 'linux') {
      const read = readInputBytes('/proc/self/maps', 'maps', 'baseline');
      expect('bytes' in read && read.bytes.length).toBeGreaterThan(64);
      expect('bytes' in read && read.bytes.toString('latin1')).toMatch(/\n$/);
    }
  });
});

describe('a bug in a check function', () => {
  it('becomes an internal error of that file, not a crash of the run', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'plan.yaml'), 'format_version: 1\n');
    const broken: CompiledCatalog = {
      catalog: catalog(),
      rules: [
        {
          rule: catalog().rules[0]!,
          selectors: [new Selector('$')],
          checks: [{ fn: { check: () => { throw new Error('boom'); } } as never, options: {}, readsPlan: false }],
        },
      ],
    };
    const context = new AuditContext({ catalog: catalog(), waivers: [], today: '2026-12-01', cwd: dir });
    context.catalogFor = () => broken;
    const r = (await auditFile(join(dir, 'plan.yaml'), 'plan.yaml', context)).result;
    expect(r.error).toEqual({ file: 'plan.yaml', code: 'internal-error', values: { detail: 'boom' } });
  });

  it('is one line without --debug, and the stack with it', () => {
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      reportInternalError(new Error('boom \u001b[2J'), false);
      const quiet = spy.mock.calls.map((c) => String(c[0])).join('');
      spy.mockClear();
      reportInternalError(new Error('boom'), true);
      const loud = spy.mock.calls.map((c) => String(c[0])).join('');
      expect(quiet).toBe('rural-audit: internal error: boom \\x1b[2J\nrural-audit: run again with --debug for details, and please report it\n');
      expect(loud).toMatch(/^rural-audit: internal error: boom\nError: boom\n\s+at /);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('any YAML file (configuration, rules, waivers) through the same path', () => {
  it('gives an empty file as data, for the caller to judge, and a broken one as a positioned error', () => {
    const dir = scratch({ 'empty.yaml': '# nothing yet\n', 'broken.yaml': 'rules:\n  - id: x\n   severity: error\n', 'list.yaml': '- a\n' });
    const empty = loadInputFile(join(dir, 'empty.yaml'), 'empty.yaml', 'rules');
    expect(empty).toMatchObject({ empty: true, data: null });
    const list = loadInputFile(join(dir, 'list.yaml'), 'list.yaml', 'rules');
    expect(list).toMatchObject({ empty: false, data: ['a'] });
    const broken = loadInputFile(join(dir, 'broken.yaml'), 'broken.yaml', 'rules');
    expect(broken).toMatchObject({ code: 'bad-indent', line: 3, column: 4, excerpt: { text: '   severity: error', caret: 4 } });
    expect(loadInputFile(join(dir, 'none.yaml'), 'none.yaml', 'rules')).toMatchObject({ code: 'not-found' });
  });
});

describe('line endings', () => {
  it('reads CRLF and old-Mac CR files alike, with the same positions', async () => {
    for (const nl of ['\n', '\r\n', '\r']) {
      const doc = parseDocumentBytes(Buffer.from(`county:${nl}  name: 桃溪县${nl}  name: x${nl}`), 'plan.yaml');
      expect(doc).toMatchObject({ code: 'duplicate-key', line: 3, column: 3, excerpt: { text: '  name: x' } });
    }
  });
});
