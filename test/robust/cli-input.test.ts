/**
 * Broken and hostile plans through the built CLI: each gives one positioned line on stderr,
 * exit 2, no stack trace, and the good plan of the same run is still audited.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { scratch, STACK, toGbk, toUtf16 } from './helpers.js';

const PARTIAL = readFileSync('examples/partial.yaml', 'utf8');
const ALIGNED = readFileSync('examples/aligned.yaml', 'utf8');

let bomb = 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
for (let i = 1; i < 10; i++) bomb += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;

/** Each broken file, and the exact line it must get on stderr (in English). */
const BROKEN: Record<string, [string, string]> = {
  'bad-indent.yaml': ['a:\n    b: 1\n  c: 2\n', '3:3: error: wrong indentation'],
  'tab.yaml': ['county:\n\tname: x\n', '2:1: error: indented with a tab; YAML indents with spaces only'],
  'quote.yaml': ['county:\n  name: "桃溪县\n  code: 1\n', '2:9: error: the quote opened here is never closed: end the value with "'],
  'flow.yaml': ['terrain: [mountain, hill\ncounty: {}\n', '1:10: error: the [ opened here is never closed'],
  'dup.yaml': ['county: {}\nformat_version: 1\ncounty: {}\n', '3:1: error: duplicate key "county" (first on line 1)'],
  'multi.yaml': ['format_version: 1\n---\nformat_version: 1\n', '2:1: error: a second YAML document starts here'],
  'empty.yaml': ['', ' error: the file holds nothing (empty, or comments only)'],
  'comment.yaml': ['# 桃溪县\n', ' error: the file holds nothing (empty, or comments only)'],
  'null.yaml': ['null\n', '1:1: error: the top level of a plan must be a mapping (format_version: 1, county: …), found null'],
  'list.yaml': ['- county\n- villages\n', '1:1: error: the top level of a plan must be a mapping (format_version: 1, county: …), found a list'],
  'scalar.yaml': ['桃溪县乡村振兴规划\n', '1:1: error: the top level of a plan must be a mapping (format_version: 1, county: …), found text'],
  'bomb.yaml': [bomb, '6:10: error: aliases expand to more than 100000 nodes: possibly an alias bomb'],
  'deep.yaml': [`county: ${'['.repeat(30_000)}${']'.repeat(30_000)}\n`, '1:108: error: nested more than 100 levels deep'],
  'deep-block.yaml': [`${'- '.repeat(30_000)}x\n`, '1:201: error: nested more than 100 levels deep'],
  'js.yaml': ['county: !!js/function "function () { process.exit(9) }"\n', '1:9: error: tag !!js/function is not supported'],
  'py.yaml': ['county: !!python/object/apply:os.system ["touch /tmp/pwned"]\n', '1:9: error: tag !!python/object/apply:os.system is not supported'],
  'custom.yaml': ['county:\n  name: !foo 桃溪县\n', '2:9: error: tag !foo is not supported'],
  'binary.yaml': [new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x00, 0x01]), '1:7: error: binary file (NUL byte at offset 6), not YAML text'],
  'latin1.yaml': [Buffer.from('county: {name: Café}\n', 'latin1'), '1:19: error: byte 18 cannot be decoded as UTF-8; if it is GBK, pass --encoding gbk'],
};

describe('broken plans: one line each, exit 2, the other plans still audited', () => {
  const files: Record<string, string | Uint8Array> = { 'good.yaml': PARTIAL };
  for (const [name, [content]] of Object.entries(BROKEN)) files[`broken/${name}`] = content;
  const dir = scratch(files);
  const r = cli(['check', dir, '--format', 'json', '--lang', 'en'], { cwd: dir });

  it('exits 2 without a stack trace', () => {
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).not.toMatch(/internal error/);
  });

  it.each(Object.entries(BROKEN))('%s', (name, [, expected]) => {
    const lines = r.stderr.split('\n').filter((l) => l.startsWith(`broken/${name}:`));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`broken/${name}:${expected}`);
  });

  it('prints nothing else on stderr', () => {
    expect(r.stderr.trim().split('\n')).toHaveLength(Object.keys(BROKEN).length);
  });

  it('still audits the good plan, and lists every file with its error in the report', () => {
    const report = JSON.parse(r.stdout);
    const good = report.files.find((f: { file: string }) => f.file === 'good.yaml');
    expect(good.error).toBeUndefined();
    expect(good.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('village-plan-coverage');
    expect(report.files).toHaveLength(Object.keys(BROKEN).length + 1);
    expect(report.summary.inputErrors).toBe(Object.keys(BROKEN).length);
    const quote = report.files.find((f: { file: string }) => f.file === 'broken/quote.yaml').error;
    expect(quote).toMatchObject({ code: 'unclosed-quote', line: 2, column: 9, excerpt: { text: '  name: "桃溪县', caret: 9 } });
  });

  it('executed nothing', () => {
    expect(r.code).not.toBe(9);
  });
});

describe('the table report shows the source line and a caret under input errors', () => {
  it('puts the caret under the opening quote, after Chinese text', () => {
    const dir = scratch({ 'plan.yaml': 'county:\n  name: 桃溪县\n  note: "四个不摘\n' });
    const r = cli(['check', 'plan.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('plan.yaml:3:9: 错误: 此处开始的引号没有闭合：请在值的末尾补上 "\n');
    expect(r.stdout).toContain('    3 |   note: "四个不摘\n      |         ^\n');
  });
});

describe('encodings through the CLI', () => {
  const dir = scratch({
    'gbk.yaml': toGbk(ALIGNED),
    'utf16.yaml': toUtf16(ALIGNED),
    'bom.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ALIGNED)]),
  });

  it('reads a GBK plan with a notice naming the encoding, and audits it', () => {
    const r = cli(['check', 'gbk.yaml', 'utf16.yaml', 'bom.yaml', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('gbk.yaml: 提示：文件不是有效的 UTF-8，已按 GB18030 编码读取；建议另存为 UTF-8，或用 --encoding GB18030 明确指定\n');
    const report = JSON.parse(r.stdout);
    expect(report.files.map((f: { encoding: string }) => f.encoding)).toEqual(['utf-8', 'gb18030', 'utf-16le']);
    expect(report.files.map((f: { county?: { name: string } }) => f.county?.name)).toEqual(['桃溪县', '桃溪县', '桃溪县'].map(() => expect.any(String)));
    expect(new Set(report.files.map((f: { findings: unknown[] }) => JSON.stringify(f.findings.map((x: any) => x.ruleId)))).size).toBe(1);
  });

  it('takes --encoding gbk without a notice, and --encoding utf-8 refuses the GBK bytes with a position', () => {
    const forced = cli(['check', 'gbk.yaml', '--encoding', 'gbk'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(forced.stderr).toBe('');
    const wrong = cli(['check', 'gbk.yaml', '--encoding', 'utf-8', '--lang', 'en'], { cwd: dir });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^gbk\.yaml:\d+:\d+: error: byte \d+ cannot be decoded as UTF-8\n$/);
  });

  it('answers an unknown encoding as a usage error', () => {
    const r = cli(['check', 'gbk.yaml', '--encoding', 'latin-9'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown encoding latin-9; known: utf-8/);
    expect(r.stderr).not.toMatch(STACK);
  });
});

describe('size limit', () => {
  it('refuses a plan over --max-file-size, audits the rest, and rejects a nonsense limit', () => {
    const dir = scratch({ 'big.yaml': ALIGNED, 'small.yaml': 'format_version: 1\n' });
    const r = cli(['check', '.', '--max-file-size', '100', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`big.yaml: error: the file is ${Buffer.byteLength(ALIGNED)} bytes, over the limit of 100 bytes (raise it with --max-file-size)\n`);
    expect(r.stdout).toContain('small.yaml');
    const bad = cli(['check', '.', '--max-file-size', 'lots'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--max-file-size must be/);
  });
});

describe('control characters and terminal escapes are never printed raw', () => {
  const evil = PARTIAL.replace('name: 芦苇村', 'name: "芦苇\\e]0;pwned\\a\\e[2J\\u009b31m\\u202e村"');
  const dir = scratch({ 'plan.yaml': evil, 'bad\u001b[31m.yaml': 'a: "\u001b[2J\n', 'two\nlines.yaml': '"a\\nb": 1\n"a\\nb": 2\n' });
  const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;

  it.each(['table', 'json'])('in the %s report and on stderr', (format) => {
    const r = cli(['check', '.', '--format', format], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stderr).not.toMatch(RAW);
    expect(r.stderr).toContain('bad\\x1b[31m.yaml:1:4: 错误');
    // One line per error even when the file name and the duplicate key hold line breaks.
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringContaining('bad\\x1b'), 'two\\nlines.yaml:2:1: 错误: 键“a\\nb”重复（第一次出现在第 1 行）：同一映射中的键必须唯一']);
    if (format === 'table') expect(r.stdout).toContain('芦苇\\x1b]0;pwned\\x07\\x1b[2J\\x9b31m\\u202e村');
    else expect(JSON.parse(r.stdout).files[1].findings.some((f: { message: string }) => f.message.includes('芦苇\u001b]0;pwned'))).toBe(true);
  });
});
