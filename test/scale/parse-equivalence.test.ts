import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/plan/parse.js';
import { parseYamlFast } from '../../src/plan/parseFast.js';
import type { Path } from '../../src/plan/path.js';
import { catalog } from '../helpers/audit.js';
import { ROOT } from '../helpers/cli.js';
// @ts-expect-error the benchmark's generator is plain JavaScript
import { plan } from '../../bench/generate.mjs';

/** Every node's path, plus a missing child of every node: the positions a finding can ask for. */
function paths(data: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(data)) {
    data.forEach((v, i) => paths(v, [...prefix, i], out));
    out.push([...prefix, data.length], [...prefix, 'name']);
  } else if (data && typeof data === 'object') {
    for (const k of Object.keys(data)) paths((data as Record<string, unknown>)[k], [...prefix, k], out);
    out.push([...prefix, 'no_such_key'], [...prefix, 0]);
  } else out.push([...prefix, 'below']);
  return out;
}

/** Fast path taken: same data, same position for every path. Declined: undefined. */
function compare(text: string): 'fast' | 'declined' {
  const fast = parseYamlFast(text);
  if (!fast) return 'declined';
  const slow = parseYaml(text);
  if (!slow.ok) throw new Error(`fast path accepted what yaml rejects: ${slow.detail}`);
  expect(fast.data).toStrictEqual(slow.data);
  for (const p of paths(slow.data)) {
    const a = slow.locator.locate(p);
    const b = fast.locator.locate(p);
    if (!isDeepStrictEqual(a, b)) expect({ path: p, ...b }).toStrictEqual({ path: p, ...a });
  }
  return 'fast';
}

const yamlFiles = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(dir, f));

describe('fast parse path', () => {
  it('reads every example plan exactly as the yaml path does, on the fast path', () => {
    const files = yamlFiles('examples');
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(compare(readFileSync(join(ROOT, f), 'utf8')), f).toBe('fast');
  });

  it('agrees with the yaml path (or declines) on every catalog file and rule fixture', () => {
    let fast = 0;
    for (const f of yamlFiles('rules')) if (compare(readFileSync(join(ROOT, f), 'utf8')) === 'fast') fast++;
    for (const rule of catalog().rules) {
      for (const text of [rule.examples?.pass, rule.examples?.fail]) if (text && compare(text) === 'fast') fast++;
    }
    expect(fast).toBeGreaterThan(10);
  });

  it('takes the fast path on generated county plans and agrees on every position', () => {
    for (let i = 0; i < 6; i++) {
      const text = plan(500 + i, { name: '样例县', code: `43990${i}`, province: '湖南省' }, 40 + i * 30, i % 2 === 0);
      expect(compare(text)).toBe('fast');
    }
  });

  const cases: Record<string, string> = {
    comments: '# head\na: 1 # one\n# between\nb:\n  # inside\n  c: x   # tail\n\n# end\n',
    emptyValues: 'a:\nb: ~\nc: null\nd:\n  e:\n  f:   # note\ng:\n  - \n  - x\n',
    emptyLast: 'a:\n  c: 1\n  b:\nz:\n  - 1\n  -\n',
    numbers: 'a: 0o17\nb: 0x1F\nc: 1e3\nd: .5\ne: +1\nf: -0\ng: 1_000\nh: 0b101\ni: .inf\nj: -.Inf\nk: .nan\nl: 1.\nm: 007\nn: 12:30\n',
    words: 'a: yes\nb: No\nc: on\nd: True\ne: FALSE\nf: Null\ng: nULL\nh: ~x\n',
    dates: "a: 2025-12-31\nb: '2025-12-31'\nc: 2025-12-31T10:00:00Z\n",
    quoting: "a: 'it''s'\nb: \"tab\\there\"\nc: \"plain\"\n'quoted key': 1\n\"dq\": [x, 'y', \"z\"]\n",
    flow: 'a: {b: [1, 2, {c: d}], e: {}}\nf: []\ng: [x,\n  y]\nh: {p: q}   # t\n',
    nested: '- - a\n  - b\n- k: v\n  l:\n    - 1\n- [1, 2]\n- {x: 1}\n',
    scalarRoot: 'just text\n',
    noFinalNewline: 'a:\n  b: 1',
    unicode: '县: 桃溪县\n村:\n  - 名称: 红星村  # 注释\n',
    protoKeys: '__proto__: {polluted: true}\nconstructor: x\n',
    mergeKey: 'a: {x: 1}\n<<: {y: 2}\n',
    trailingSpaces: 'a: x   \nb:   y\nc: [1 , 2 ]  \n',
    tabs: 'a:\t1\nb: [1,\t2]\n',
    deep: 'a:\n  b:\n    c:\n      d:\n        - e: 1\n          f: [g]\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`agrees with the yaml path on ${name}`, () => {
      compare(text);
    });
  }

  const declined: Record<string, string> = {
    anchors: 'a: &x {k: v}\nb: *x\n',
    tags: 'a: !!str 1\n',
    blockScalar: 'a: |\n  text\n',
    folded: 'a: >\n  text\n',
    multiLinePlain: 'a: one\n  two\n',
    multiLineQuoted: "a: 'one\n  two'\n",
    crlf: 'a: 1\r\nb: 2\r\n',
    duplicateKeys: 'a: 1\na: 2\n',
    twoDocuments: 'a: 1\n---\nb: 2\n',
    syntaxError: 'a: [1, 2\nb: 3\n',
    explicitKey: '? a\n: 1\n',
    nonStringKey: '1: a\ntrue: b\n',
    empty: '',
    onlyComments: '# nothing\n',
    escapes: 'a: "\\u263A"\n',
    byteOrderMark: '\ufeffa: 1\nb: 2\n',
  };
  for (const [name, text] of Object.entries(declined)) {
    it(`leaves ${name} to the yaml path`, () => {
      expect(parseYamlFast(text)).toBeUndefined();
    });
  }
});
