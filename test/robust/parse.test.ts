import { describe, expect, it } from 'vitest';
import { MAX_ALIAS_EXPANSION, MAX_DEPTH, MAX_KEYS_PER_MAPPING, parseYaml, parseYamlFull, type ParseFailure, type Parsed } from '../../src/plan/parse.js';
import { parseYamlFast } from '../../src/plan/parseFast.js';
import { yamlInputError } from '../../src/plan/input-error.js';

const fails = (text: string): ParseFailure => {
  const r = parseYaml(text);
  if (r.ok) throw new Error(`expected a failure for ${JSON.stringify(text)}`);
  return r;
};
const parses = (text: string): Parsed => {
  const r = parseYaml(text);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(text)} to parse: ${r.code} ${r.detail}`);
  return r;
};
const codeOf = (text: string) => yamlInputError('plan.yaml', fails(text), text);

describe('malformed YAML: one code, pointing where the problem starts', () => {
  it.each([
    ['a tab as indentation', 'a:\n\tb: 2\n', 'tab-indent', 2, 1],
    ['a double quote never closed', 'county:\n  name: "桃溪县\n  code: 1\n', 'unclosed-quote', 2, 9],
    ['a single quote never closed', "a: 'open\nb: 2\nc: 3\n", 'unclosed-quote', 1, 4],
    ['a flow sequence never closed', 'a: [1, 2\nb: 2\n', 'unclosed-flow', 1, 4],
    ['a flow mapping never closed', 'a: {x: 1\nb: 2\n', 'unclosed-flow', 1, 4],
    ['the innermost bracket left open', 'k: {a: 1, b: [1, 2}\n', 'unclosed-flow', 1, 14],
    ['a duplicate key', 'a: 1\nb: 2\na: 3\n', 'duplicate-key', 3, 1],
    ['keys that collide once converted', '1: a\n"1": b\n', 'duplicate-key', 2, 1],
    ['a nested mapping on one line', 'a: b: c\n', 'nested-mapping', 1, 4],
    ['a more-indented continuation', 'a: 1\n  b: 2\n', 'nested-mapping', 1, 4],
    ['a key over two lines', 'a\nb: 1\n', 'multiline-key', 1, 1],
    ['a bad escape', 'a: "C:\\qdir"\n', 'bad-escape', 1, 7],
    ['a second document', 'a: 1\n---\nb: 2\n', 'multiple-documents', 2, 1],
    ['a trailing document marker', 'a: 1\n---\n', 'multiple-documents', 2, 1],
    ['a list as a key', '[a]: 1\n', 'non-scalar-key', 1, 1],
    ['a mapping as an explicit key', '? {a: 1}\n: 2\n', 'non-scalar-key', 1, 3],
    ['an alias without anchor', 'a: *nope\n', 'unknown-alias', 1, 4],
    ['an alias to its own ancestor', 'a: &x [1, *x]\n', 'alias-cycle', 1, 11],
    ['a stray closing bracket', 'a: [1, 2]]\n', 'stray-bracket', 1, 10],
    ['text after a quoted value', 'a: "x" y\n', 'text-after-value', 1, 8],
    ['a list item then a key at one level', '- a\nb: 1\n', 'text-after-value', 2, 1],
    ['a reserved first character', 'a: @home\n', 'reserved-character', 1, 4],
    ['a value that does not fit its tag', 'a: !!int foo\n', 'bad-tagged-value', 1, 4],
    ['a wrongly indented sibling', 'a:\n    b: 1\n  c: 2\n', 'bad-indent', 3, 3],
  ])('%s', (_what, text, code, line, column) => {
    const e = codeOf(text);
    expect(e.code).toBe(code);
    expect([e.line, e.column]).toEqual([line, column]);
  });

  it('accepts what the YAML library only warns about: a closing bracket at its key\'s indentation', () => {
    expect(parses('terrain: [\n  mountain, hill\n]\n').data).toEqual({ terrain: ['mountain', 'hill'] });
  });

  it('names the first line of a duplicate key', () => {
    expect(codeOf('a: 1\nb: 2\na: 3\n').values).toMatchObject({ key: 'a', first: 1 });
  });

  it('keeps an excerpt of the line and where the caret goes', () => {
    const e = codeOf('county:\n  name: "桃溪县\n  code: 1\n');
    expect(e.excerpt).toEqual({ text: '  name: "桃溪县', caret: 9 });
  });

  it('cuts a very long line to a window around the position', () => {
    const text = `a: ${'x'.repeat(5000)}\n${'c'.repeat(500)}: "${'y'.repeat(3000)}\n`;
    const e = codeOf(text);
    expect(e.code).toBe('unclosed-quote');
    expect(e.excerpt!.text.length).toBeLessThanOrEqual(122);
    expect(e.excerpt!.text.startsWith('…') && e.excerpt!.text.endsWith('…')).toBe(true);
    expect([e.line, e.column]).toEqual([2, 503]);
    expect(e.excerpt!.text[e.excerpt!.caret - 1]).toBe('"');
  });
});

describe('resource attacks', () => {
  it('refuses an alias bomb (billion laughs) quickly, at the alias that crosses the limit', () => {
    let text = 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i < 10; i++) text += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
    const e = codeOf(text);
    expect(e.code).toBe('alias-limit');
    expect(e.values.limit).toBe(MAX_ALIAS_EXPANSION);
    expect(e.line).toBeGreaterThan(1);
  });

  it('allows ordinary reuse of anchors, hundreds of times', () => {
    const text = `office: &o {name: 县乡村振兴局, phone: '0731-1234567'}\nunits:\n${Array.from({ length: 500 }, () => '  - *o').join('\n')}\n`;
    const data = parses(text).data as { units: unknown[] };
    expect(data.units).toHaveLength(500);
    expect(data.units[499]).toEqual({ name: '县乡村振兴局', phone: '0731-1234567' });
  });

  it('does not expand `<<` merge keys, even under %YAML 1.1: they stay ordinary keys', () => {
    const data = parses('%YAML 1.1\n---\nbase: &b {x: 1}\nm: {<<: *b, y: yes}\n').data;
    expect(data).toEqual({ base: { x: 1 }, m: { '<<': { x: 1 }, y: 'yes' } });
  });

  it.each([
    ['flow sequences', (d: number) => `a: ${'['.repeat(d)}${']'.repeat(d)}\n`],
    ['block sequences on one line', (d: number) => `${'- '.repeat(d)}x\n`],
    ['block mappings', (d: number) => Array.from({ length: d }, (_, i) => `${' '.repeat(i)}k:`).join('\n')],
  ])('refuses %s nested deeper than the limit, without overflowing the stack', (_what, make) => {
    expect(parseYaml(make(MAX_DEPTH - 2)).ok).toBe(true);
    const e = codeOf(make(MAX_DEPTH + 1));
    expect(e.code).toBe('too-deep');
    expect(e.values.limit).toBe(MAX_DEPTH);
  });

  it('refuses nesting fifty thousand deep', () => {
    expect(fails(`a: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`).code).toBe('TOO_DEEP');
    expect(fails(`${'- '.repeat(50_000)}x\n`).code).toBe('TOO_DEEP');
  });

  const keys = (n: number, indent = '') => Array.from({ length: n }, (_, i) => `${indent}k${i}: ${i}\n`).join('');
  /** Line and column of the key `k<limit>`: the first one past the limit in every case below. */
  const firstPast = (text: string) => {
    const offset = text.search(new RegExp(`(?<=^|[ {])k${MAX_KEYS_PER_MAPPING}:`, 'm'));
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    return { line: text.slice(0, offset).split('\n').length, column: offset - lineStart + 1 };
  };
  it.each([
    ['a block mapping', (n: number) => `a: 1\nb:\n${keys(n, '  ')}`],
    ['a block mapping in CRLF', (n: number) => keys(n).replace(/\n/g, '\r\n')],
    ['a flow mapping', (n: number) => `a: {${Array.from({ length: n }, (_, i) => `k${i}: ${i}`).join(', ')}}\n`],
  ])('refuses %s of more keys than the limit at the first key past it, on both parse paths', (_what, make) => {
    expect(parseYaml(make(MAX_KEYS_PER_MAPPING)).ok).toBe(true);
    const text = make(MAX_KEYS_PER_MAPPING + 1);
    const fast = parseYamlFast(text);
    const full = parseYamlFull(text);
    expect(fast).toEqual(full);
    expect(full).toMatchObject({ ok: false, code: 'TOO_MANY_KEYS', ...firstPast(text) });
    const e = codeOf(text);
    expect(e.code).toBe('too-many-keys');
    expect(e.values.limit).toBe(MAX_KEYS_PER_MAPPING);
  });

  it('takes a list of more items than the limit of keys per mapping, and mappings of keys that start with a dash', () => {
    const items = Array.from({ length: MAX_KEYS_PER_MAPPING * 2 + 5 }, (_, i) => `  - {code: ${i}}\n`).join('');
    expect((parses(`villages:\n${items}`).data as { villages: unknown[] }).villages).toHaveLength(MAX_KEYS_PER_MAPPING * 2 + 5);
    expect(parses(`-x: 1\n${keys(MAX_KEYS_PER_MAPPING - 1)}`).ok).toBe(true);
    expect(fails(`-x: 1\n${keys(MAX_KEYS_PER_MAPPING)}`)).toMatchObject({ code: 'TOO_MANY_KEYS', line: MAX_KEYS_PER_MAPPING + 1, column: 1 });
  });

  it('reads a line of a million characters', () => {
    const data = parses(`a: ${'长'.repeat(1_000_000)}\n`).data as { a: string };
    expect(data.a.length).toBe(1_000_000);
  });
});

describe('unsafe content', () => {
  it.each([
    ['!!js/function', 'a: !!js/function "function () { process.exit(9) }"\n', 1, 4],
    ['!!python/object:os.system', 'a: !!python/object:os.system [rm -rf /]\n', 1, 4],
    ['!foo', 'a:\n  b: !foo bar\n', 2, 6],
    ['!!binary', 'a: !!binary aGVsbG8=\n', 1, 4],
    ['!!set', 'a: !!set {x, y}\n', 1, 4],
    ['!!timestamp', 'a: !!timestamp 2001-12-14\n', 1, 4],
    ['!<tag:example.com,2000:app/x>', 'a: !<tag:example.com,2000:app/x> 1\n', 1, 4],
  ])('refuses the tag %s, naming it, without resolving it', (tag, text, line, column) => {
    const e = codeOf(text);
    expect(e.code).toBe('unsupported-tag');
    expect(e.values.tag).toBe(tag);
    expect([e.line, e.column]).toEqual([line, column]);
  });

  it("accepts the core schema's own tags", () => {
    expect(parses('a: !!str 123\nb: !!int "7"\nc: ! 12\n').data).toEqual({ a: '123', b: 7, c: '12' });
  });

  it('keeps __proto__, constructor and prototype as plain own keys', () => {
    const data = parses('__proto__: {polluted: yes}\nconstructor: {prototype: {polluted: yes}}\nprototype: 1\n').data as Record<string, unknown>;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.keys(data)).toEqual(['__proto__', 'constructor', 'prototype']);
    expect(Object.getOwnPropertyDescriptor(data, '__proto__')?.value).toEqual({ polluted: 'yes' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads .nan, .inf and huge numbers as numbers for the schema to judge, never crashing', () => {
    const data = parses('a: .nan\nb: -.inf\nc: 1e999\nd: 123456789012345678901234567890\n').data as Record<string, number>;
    expect(Number.isNaN(data.a)).toBe(true);
    expect(data.b).toBe(-Infinity);
    expect(data.c).toBe(Infinity);
    expect(data.d).toBeGreaterThan(1e29);
  });
});

describe('documents with no plan in them', () => {
  it.each([
    ['an empty text', ''],
    ['blank lines', '\n\n  \n'],
    ['comments only', '# 桃溪县规划\n# 待补充\n'],
    ['a bare document marker', '---\n'],
  ])('%s parses as empty', (_what, text) => {
    const r = parses(text);
    expect(r.empty).toBe(true);
    expect(r.data).toBeNull();
  });

  it('an explicit null is content, not emptiness', () => {
    const r = parses('null\n');
    expect(r.empty).toBeFalsy();
    expect(r.data).toBeNull();
  });
});

describe('the locator follows aliases', () => {
  it('places a path through an alias at the anchored node', () => {
    const r = parses('base: &b\n  x: 1\nuse: *b\n');
    expect(r.locator.locate(['use', 'x'])).toMatchObject({ line: 2, column: 6, exact: true });
  });
});
