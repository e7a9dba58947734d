import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseYaml, parseYamlFull } from '../../src/plan/parse.js';
import { parseYamlFast } from '../../src/plan/parseFast.js';
import type { Parsed } from '../../src/plan/parsed.js';
import type { Path } from '../../src/plan/path.js';
import { catalog } from '../helpers/audit.js';
import { ROOT } from '../helpers/cli.js';
// @ts-expect-error the benchmark's generator is plain JavaScript
import { plan, rng } from '../../bench/generate.mjs';

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

function samePositions(expected: Parsed, actual: Parsed): void {
  // node:util first, vitest's diff only on a difference: thousands of cases run through here.
  if (!isDeepStrictEqual(actual.data, expected.data)) expect(actual.data).toStrictEqual(expected.data);
  for (const p of paths(expected.data)) {
    const a = expected.locator.locate(p);
    const b = actual.locator.locate(p);
    if (!isDeepStrictEqual(a, b)) expect({ path: p, ...b }).toStrictEqual({ path: p, ...a });
  }
}

/** The entry point on this text (a byte-order mark dropped) against the yaml path on the rest. */
function compareOne(text: string): 'fast' | 'declined' {
  const body = text.replace(/^\ufeff/, '');
  const fast = parseYamlFast(body);
  const slow = parseYamlFull(body);
  if (!fast) return 'declined';
  if (!slow.ok) throw new Error(`fast path accepted what yaml rejects: ${slow.detail}`);
  samePositions(slow, fast);
  // With a byte-order mark the entry point's answer is not parseYamlFast's on this very text.
  if (text !== body) samePositions(slow, parseYaml(text) as Parsed);
  return 'fast';
}

/**
 * Fast path taken: same data, same position for every path as the yaml path. Declined: undefined.
 * The CRLF copy is compared the same way and must decide the same; its lines and columns are
 * those of the LF text (what an editor shows). A byte-order mark changes nothing at all.
 */
function compare(text: string): 'fast' | 'declined' {
  const crlf = text.replace(/\r?\n/g, '\r\n');
  const fast = parseYamlFast(text);
  const fastCrlf = parseYamlFast(crlf);
  expect(fastCrlf === undefined, 'the CRLF copy decides as the LF text does').toBe(fast === undefined);
  const slow = parseYamlFull(text);
  const withBom = parseYaml(`\ufeff${crlf}`);
  expect(withBom.ok).toBe(slow.ok);
  if (!fast || !fastCrlf) return 'declined';
  if (!slow.ok) throw new Error(`fast path accepted what yaml rejects: ${slow.detail}`);
  samePositions(slow, fast);
  const slowCrlf = parseYamlFull(crlf) as Parsed;
  samePositions(slowCrlf, fastCrlf);
  samePositions(slow, fastCrlf);
  samePositions(slowCrlf, withBom as Parsed);
  return 'fast';
}

const yamlFiles = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(dir, f));

// Thousands of parses by both paths: seconds on an idle machine, many more on one shared with others.
const SHARED_MACHINE = 300_000;

describe('fast parse path', { timeout: SHARED_MACHINE }, () => {
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
      const text = plan(500 + i, { name: '样例县', code: `43990${i}`, province: '湖南省' }, 20 + i * 15, i % 2 === 0);
      expect(compare(text)).toBe('fast');
    }
  });

  const cases: Record<string, string> = {
    comments: '# head\na: 1 # one\n# between\nb:\n  # inside\n  c: x   # tail\n\n# end\n',
    emptyValues: 'a:\nb: ~\nc: null\nd:\n  e:\n  f:   # note\ng:\n  - x\n',
    emptyLast: 'a:\n  c: 1\n  b:\n',
    numbers: 'a: 0o17\nb: 0x1F\nc: 1e3\nd: .5\ne: +1\ng: 1_000\ni: .inf\nj: -.Inf\nk: .nan\nl: 1.\nm: 007\nn: 12:30\n',
    words: 'a: yes\nb: No\nc: on\nd: True\ne: FALSE\nf: Null\ng: nULL\nh: ~x\n',
    dates: "a: 2025-12-31\nb: '2025-12-31'\nc: 2025-12-31T10:00:00Z\n",
    quoting: "a: 'it''s'\nc: \"plain\"\n'quoted key': 1\n\"dq\": [x, 'y', \"z\"]\n",
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
    crlfEmptyValues: 'a:\r\nb:   \r\nc: # note\r\n  d: 1\r\ne: [x, y]\r\n',
    crlfMixed: 'a: 1\nb: 2\r\nc:\r\n  - x   \r\n  - y # t\r\n',
    crlfNoFinalNewline: 'a:\r\n  b: 1',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`agrees with the yaml path on ${name}, on the fast path`, () => {
      expect(compare(text)).toBe('fast');
    });
  }

  const declined: Record<string, string> = {
    anchors: 'a: &x {k: v}\nb: *x\n',
    tags: 'a: !!str 1\n',
    blockScalar: 'a: |\n  text\n',
    folded: 'a: >\n  text\n',
    multiLinePlain: 'a: one\n  two\n',
    multiLineQuoted: "a: 'one\n  two'\n",
    duplicateKeys: 'a: 1\na: 2\n',
    twoDocuments: 'a: 1\n---\nb: 2\n',
    syntaxError: 'a: [1, 2\nb: 3\n',
    explicitKey: '? a\n: 1\n',
    nonStringKey: '1: a\ntrue: b\n',
    empty: '',
    onlyComments: '# nothing\n',
    escapes: 'a: "\\u263A"\n',
    tabEscape: 'b: "tab\\there"\n',
    negativeZero: 'f: -0\n',
    binaryNumber: 'h: 0b101\n',
    emptyListItem: 'g:\n  - \n  - x\n',
    emptyLastListItem: 'z:\n  - 1\n  -\n',
    emptyEndOfListItem: 'a:\n  x:\n    - p: 1\n      q:  # c\n  y: 2\n',
    emptyEndOfListItemBeforeNext: 'x:\n  - p: 1\n    q:\n  # c\n  - 2\n',
    emptyEndOfNestedListItem: 'a:\n  x:\n    - p:\n        q:  # c\n  y: 2\n',
    indentedCommentAtTheEnd: 'a:\n  b: 1\n# d\n  # c\n',
    anchorOnNothing: 'z: [upgrade, &yearly]\n',
    commentAfterNothingAtTheEnd: 'a: 1\nb:\n# c\n',
    byteOrderMarkLeftIn: '\ufeffa: 1\nb: 2\n',
  };
  for (const [name, text] of Object.entries(declined)) {
    it(`leaves ${name} to the yaml path`, () => {
      expect(parseYamlFast(text)).toBeUndefined();
    });
  }
});

const KEYS = ['name', 'code', 'villages', 'category', 'population', 'share', 'duties', 'holders', 'stated', 'frequency', 'start', 'end', '名称', '人口', 'funds', 'owner', 'monitoring', 'industries', 'note'];
const WORDS = ['桃溪县', '红星村', '县委书记', '统筹脱贫攻坚与乡村振兴', 'quarterly', 'upgrade', 'relocation', 'yearly', '每季度研究解决', '桃发〔2021〕1号', 'plain words', 'it has: colon', 'x-y_z', 'A.B'];
const SCALARS = ['1', '0', '42', '-7', '3.5', '.5', '1e3', '0x1F', '0o17', '007', 'true', 'false', 'null', '~', 'yes', 'No', "'2025-12-31'", '2025-12-31', "'439921'", '"quoted"', "'it''s'", '12:30', '.inf', '-.Inf', '.nan', '+1', '1_000'];
/** Scalars the two libraries read differently (or that the fast path does not try): each declines its whole plan. */
const RARE_SCALARS = ['0b101', '-0', '"a\\tb"', '&a x', '!!str 1', '|'];

/** A plan-like document: nested mappings and lists of villages, block or flow, with comments. */
function generatePlan(r: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const indentUnit = r() < 0.8 ? 2 : 4;
  const scalar = (): string => (r() < 0.005 ? pick(RARE_SCALARS) : r() < 0.5 ? pick(WORDS) : pick(SCALARS)).replace(/^it has: colon$/, "'it has: colon'");
  const flowList = (): string => `[${Array.from({ length: Math.floor(r() * 4) }, () => (r() < 0.8 ? pick(WORDS) : pick(SCALARS))).join(r() < 0.8 ? ', ' : ',')}]`.replace(/it has: colon/g, "'it has: colon'");
  const comment = (): string => (r() < 0.15 ? `  # ${pick(WORDS)}` : '');
  const lines: string[] = [];
  const block = (depth: number, indent: string, asListItem: boolean): void => {
    const n = 1 + Math.floor(r() * (depth > 1 ? 3 : 6));
    const used = new Set<string>();
    for (let i = 0; i < n; i++) {
      let key = pick(KEYS);
      while (used.has(key)) key += '_x';
      used.add(key);
      const lead = asListItem && i === 0 ? `${indent.slice(0, -indentUnit)}${'-'.padEnd(indentUnit)}` : indent;
      if (r() < 0.1) lines.push(r() < 0.5 ? '' : `${indent}# ${pick(WORDS)}`);
      const u = r();
      if (depth < 3 && u < 0.2) {
        lines.push(`${lead}${key}:${comment()}`);
        block(depth + 1, indent + ' '.repeat(indentUnit), false);
      } else if (depth < 3 && u < 0.35) {
        lines.push(`${lead}${key}:${comment()}`);
        const items = 1 + Math.floor(r() * 3);
        const inner = indent + ' '.repeat(indentUnit);
        for (let j = 0; j < items; j++) {
          if (r() < 0.5) block(depth + 1, inner + ' '.repeat(indentUnit), true);
          else lines.push(`${inner}- ${scalar()}${comment()}`);
        }
      } else if (u < 0.45) lines.push(`${lead}${key}: ${flowList()}${comment()}`);
      else if (u < 0.5) lines.push(`${lead}${key}: {${pick(KEYS)}: ${scalar()}, z: ${flowList()}}${comment()}`);
      else if (u < 0.55) lines.push(`${lead}${key}:${comment()}`);
      else lines.push(`${lead}${key}: ${scalar()}${r() < 0.1 ? '   ' : ''}${comment()}`);
    }
  };
  if (r() < 0.3) lines.push(`# ${pick(WORDS)}`);
  lines.push('format_version: 1');
  block(0, '', false);
  return lines.join('\n') + (r() < 0.9 ? '\n' : '');
}

/** What editors, office exports and careless hands do to a plan. */
const MUTATIONS: Record<string, (text: string, r: () => number) => string> = {
  none: (t) => t,
  crlf: (t) => t.replace(/\n/g, '\r\n'),
  byteOrderMark: (t) => `\ufeff${t}`,
  crlfAndByteOrderMark: (t) => `\ufeff${t.replace(/\n/g, '\r\n')}`,
  trailingBlanks: (t, r) => t.replace(/\n/g, () => (r() < 0.3 ? ' \t \n' : '\n')),
  tabAfterColon: (t, r) => t.replace(/: /g, () => (r() < 0.3 ? ':\t' : ': ')),
  deleteLine: (t, r) => {
    const lines = t.split('\n');
    lines.splice(Math.floor(r() * lines.length), 1);
    return lines.join('\n');
  },
  duplicateLine: (t, r) => {
    const lines = t.split('\n');
    const i = Math.floor(r() * lines.length);
    lines.splice(i, 0, lines[i]!);
    return lines.join('\n');
  },
  insertCharacter: (t, r) => {
    const i = Math.floor(r() * t.length);
    const c = ':-#[]{}"\'&*!|>? \t,%@`\\'[Math.floor(r() * 22)]!;
    return t.slice(0, i) + c + t.slice(i);
  },
  indentLine: (t, r) => {
    const lines = t.split('\n');
    const i = Math.floor(r() * lines.length);
    lines[i] = ` ${lines[i]}`;
    return lines.join('\n');
  },
};

describe('fast parse path on generated plans and their mutations (seeded)', { timeout: SHARED_MACHINE }, () => {
  it('agrees with the yaml path on every input it takes, and takes most well-formed ones', () => {
    const r = rng(20261202);
    const kinds = Object.keys(MUTATIONS);
    const count: Record<string, { fast: number; declined: number; invalid: number }> = {};
    for (const k of kinds) count[k] = { fast: 0, declined: 0, invalid: 0 };
    for (let i = 0; i < 2000; i++) {
      const kind = kinds[i % kinds.length]!;
      const text = MUTATIONS[kind]!(generatePlan(r), r);
      let outcome: 'fast' | 'declined';
      try {
        outcome = compareOne(text);
      } catch (e) {
        throw new Error(`case ${i} (${kind}) ${JSON.stringify(text)}: ${(e as Error).message}`);
      }
      const c = count[kind]!;
      if (outcome === 'fast') c.fast++;
      else if (parseYaml(text).ok) c.declined++;
      else c.invalid++;
    }
    // Declined and invalid inputs are counted apart: a run that compared nothing cannot pass.
    for (const kind of ['none', 'crlf', 'byteOrderMark', 'crlfAndByteOrderMark', 'trailingBlanks']) {
      const c = count[kind]!;
      expect(c.fast, `${kind}: ${JSON.stringify(c)}`).toBeGreaterThan(0.6 * (c.fast + c.declined + c.invalid));
    }
    for (const kind of ['deleteLine', 'duplicateLine', 'insertCharacter', 'indentLine']) {
      const c = count[kind]!;
      expect(c.fast, `${kind}: ${JSON.stringify(c)}`).toBeGreaterThan(20);
      expect(c.invalid, `${kind}: ${JSON.stringify(c)}`).toBeGreaterThan(20);
    }
  });
});
