/**
 * Text to data plus a locator. `parseYaml` is the one entry point: it tries the fast path
 * (parseFast.ts, js-yaml with positions) and hands everything it declines — and every error —
 * to the `yaml` path below, which words the errors. Both give the same data and positions;
 * test/scale/parse-equivalence.test.ts and parse-properties.test.ts prove it on fixtures,
 * generated plans and their mutations (CRLF and byte-order-mark variants included).
 *
 * Hostile input is stopped here, before anything recursive or expensive runs over it:
 * nesting deeper than MAX_DEPTH is refused on the parser's flat token stream (the composer,
 * the conversion to data, the schema validator and the reports all recurse), and so is a
 * mapping of more than MAX_KEYS_PER_MAPPING keys (the fast path refuses it at the same key
 * without parsing the rest); aliases are
 * resolved by our own linear conversion, which counts the nodes they expand to (alias bombs)
 * and refuses aliases to their own ancestors (cycles); tags other than YAML's core ones are
 * refused, never resolved; `__proto__` keys become plain own properties.
 */
import { Composer, LineCounter, Parser, isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Alias, CST, Document, Node as YamlNode, Pair } from 'yaml';
import { MAX_ALIAS_EXPANSION, MAX_DEPTH, MAX_KEY_LENGTH, MAX_KEYS_PER_MAPPING, type OwnParseCode, type ParseFailure, type Parsed } from './parsed.js';
import { parseYamlFast } from './parseFast.js';
import type { Path } from './path.js';
import type { Located, Locator, Position } from './position.js';

export { MAX_ALIAS_EXPANSION, MAX_DEPTH, MAX_KEY_LENGTH, MAX_KEYS_PER_MAPPING, type OwnParseCode, type ParseFailure, type Parsed } from './parsed.js';

class Refusal extends Error {
  constructor(
    readonly code: OwnParseCode | 'DUPLICATE_KEY' | 'KEY_OVER_1024_CHARS',
    readonly offset: number,
    detail: string,
    readonly values: Record<string, string | number> = {},
  ) {
    super(detail);
  }
}

const OPTIONS = {
  // YAML 1.2 core schema whatever a %YAML directive says: no `<<` merges, no !!binary,
  // !!set, !!timestamp, no yes/no booleans.
  version: '1.2',
  schema: 'core',
  merge: false,
  resolveKnownTags: false,
  // Duplicates are found on the converted keys (`1` and `"1"` collide in JSON too), with both lines.
  uniqueKeys: false,
  strict: true,
  prettyErrors: false,
} as const;

/**
 * YAML text to data and positions. A leading byte-order mark is not content: dropped, so that
 * columns on the first line are those an editor shows. CRLF files keep their offsets (the
 * fast path reads them as the `yaml` path does); a lone CR must already be a line feed.
 */
export function parseYaml(text: string): Parsed | ParseFailure {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return parseYamlFast(body) ?? parseYamlFull(body);
}

/** The `yaml` library's path alone: any YAML, every error worded. Tests compare the fast path with it. */
export function parseYamlFull(text: string): Parsed | ParseFailure {
  const lines = new LineCounter();
  const at = (offset: number) => {
    const { line, col } = lines.linePos(Math.max(0, Math.min(offset, text.length)));
    return { line, column: col };
  };
  const tokens = [...new Parser(lines.addNewLine).parse(text)];
  const shape = scanTokens(tokens);
  if (shape.tooDeep !== undefined) {
    return { ok: false, code: 'TOO_DEEP', detail: `collections nested more than ${MAX_DEPTH} deep`, ...at(shape.tooDeep), values: { limit: MAX_DEPTH } };
  }
  if (shape.tooManyKeys !== undefined) {
    return { ok: false, code: 'TOO_MANY_KEYS', detail: `a mapping of more than ${MAX_KEYS_PER_MAPPING} keys`, ...at(shape.tooManyKeys), values: { limit: MAX_KEYS_PER_MAPPING } };
  }
  const composer = new Composer(OPTIONS);
  const docs = [...composer.compose(tokens)] as Document.Parsed[];
  // Of the library's warnings only unresolved tags matter: a tag we cannot honour is refused.
  // The others (a closing bracket at its key's indentation, an unknown directive) are harmless.
  const isTagWarning = (w: { code: string }) => w.code === 'TAG_RESOLVE_FAILED' || w.code === 'BAD_COLLECTION_TYPE';
  const problems = docs.flatMap((d) => [...d.errors, ...d.warnings.filter(isTagWarning)]);
  if (docs.length === 0) problems.push(...composer.streamInfo().errors);
  if (problems.length > 0) {
    const first = problems.map((e) => ({ e, offset: startOf(e.code, e.message, e.pos[0], shape, text) })).sort((a, b) => a.offset - b.offset)[0]!;
    const { e, offset } = first;
    const tagged = isTagWarning(e);
    return {
      ok: false,
      code: tagged ? 'UNSUPPORTED_TAG' : e.code,
      detail: e.message,
      ...at(offset),
      ...(tagged ? { values: { tag: tagAt(text, e.pos[0]) } } : {}),
    };
  }
  const first = docs[0];
  if (!first || isNothing(first.contents)) return { ok: true, data: null, locator: new EmptyLocator(), empty: true };
  const second = docs[1];
  if (second) {
    return { ok: false, code: 'MULTIPLE_DOCS', detail: 'a plan file holds one YAML document', ...at(second.range[0]) };
  }
  try {
    const converter = new Converter(MAX_ALIAS_EXPANSION);
    const data = converter.toJS(first.contents);
    return { ok: true, data, locator: new DocumentLocator(first, lines, converter.targets) };
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    const values = { ...e.values };
    // The first occurrence of a duplicate key is named by its line.
    if (typeof values.first === 'number') values.first = at(values.first).line;
    return { ok: false, code: e.code, detail: e.message, ...at(e.offset), values };
  }
}

/** No node at all, or the empty node a bare `---` leaves (an explicit `null` or `~` is content). */
function isNothing(node: unknown): boolean {
  return node === null || (isScalar(node) && node.value === null && node.source === '' && !node.tag && !node.anchor);
}

interface TokenShape {
  /** Offset of the first collection nested too deep. */
  tooDeep?: number;
  /** Offset of the first key past MAX_KEYS_PER_MAPPING in a mapping (the first such mapping in the file). */
  tooManyKeys?: number;
  /** End offset of each quoted scalar → where its opening quote stands. */
  quotes: Map<number, number>;
  /** Opening brackets of flow collections that are never properly closed. */
  unclosed: number[];
}

/** One flat pass over the parser's tokens, with an explicit stack: safe at any depth. */
function scanTokens(tokens: CST.Token[]): TokenShape {
  const shape: TokenShape = { quotes: new Map(), unclosed: [] };
  const stack: { token: CST.Token | undefined; depth: number }[] = tokens.map((token) => ({ token, depth: 0 }));
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (!token) continue;
    switch (token.type) {
      case 'document':
        stack.push({ token: token.value, depth });
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        if (depth + 1 > MAX_DEPTH) {
          if (shape.tooDeep === undefined || token.offset < shape.tooDeep) shape.tooDeep = token.offset;
          break;
        }
        if (token.type === 'flow-collection') {
          const close = token.start.source === '[' ? ']' : '}';
          if (token.end[0]?.source !== close) shape.unclosed.push(token.offset);
        }
        if (token.type === 'block-map' || (token.type === 'flow-collection' && token.start.source === '{')) {
          const past = token.items.length > MAX_KEYS_PER_MAPPING ? token.items.filter((i) => i.key || i.sep || i.value)[MAX_KEYS_PER_MAPPING] : undefined;
          const offset = past && (past.key?.offset ?? past.start[0]?.offset ?? past.sep?.[0]?.offset);
          if (offset !== undefined && (shape.tooManyKeys === undefined || offset < shape.tooManyKeys)) shape.tooManyKeys = offset;
        }
        for (const item of token.items) {
          if ('key' in item) stack.push({ token: item.key ?? undefined, depth: depth + 1 });
          stack.push({ token: item.value, depth: depth + 1 });
        }
        break;
      }
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
        shape.quotes.set(token.offset + token.source.length, token.offset);
        break;
      default:
        break;
    }
  }
  shape.unclosed.sort((a, b) => a - b);
  return shape;
}

/** What the parser says of a line indented between a list's items and their content. */
export const SEQ_ITEM = /^Sequence item without - indicator/;

/** The parser reports an unclosed quote or bracket where the file ends; point where it opens. */
function startOf(code: string, message: string, offset: number, shape: TokenShape, text: string): number {
  if (code === 'MISSING_CHAR' && /quote/.test(message)) return shape.quotes.get(offset) ?? offset;
  if (/^Flow (sequence|map).*end with/.test(message)) {
    const before = shape.unclosed.filter((o) => o < offset);
    return before[before.length - 1] ?? offset;
  }
  // A line indented wrongly is shown where its text starts, past the indentation.
  if ((code === 'BAD_INDENT' || SEQ_ITEM.test(message)) && (offset === 0 || text[offset - 1] === '\n')) {
    let o = offset;
    while (text[o] === ' ') o++;
    return o;
  }
  return offset;
}

/** The tag as written (`!!js/function`, `!foo`), for the message. */
function tagAt(text: string, offset: number): string {
  const m = /^!<[^>\s]*>|^![^\s,[\]{}]*/.exec(text.slice(offset, offset + 200));
  return m ? m[0] : '!';
}

/**
 * YAML nodes to plain data in one pass, in document order, so that an alias finds the last
 * anchor of its name before it, as YAML says. Aliases share the converted value (no copy); the
 * number of nodes they stand for is still counted, since every consumer walks them again.
 */
class Converter {
  private readonly anchors = new Map<string, YamlNode>();
  private readonly done = new Map<YamlNode, { value: unknown; size: number }>();
  private readonly open = new Set<YamlNode>();
  /** Where each alias leads: the locator follows aliases without searching the document again. */
  readonly targets = new Map<Alias, YamlNode>();
  private total = 0;

  constructor(private readonly limit: number) {}

  toJS(node: unknown): unknown {
    return this.convert(node).value;
  }

  private convert(node: unknown): { value: unknown; size: number } {
    if (node === null || node === undefined) return { value: null, size: 1 };
    if (isAlias(node)) return this.alias(node);
    const n = node as YamlNode;
    if (n.anchor) this.anchors.set(n.anchor, n);
    let out: { value: unknown; size: number };
    if (isScalar(n)) out = { value: n.value, size: 1 };
    else if (isMap(n)) out = this.map(n);
    else if (isSeq(n)) out = this.seq(n);
    else throw new Refusal('UNSUPPORTED_TAG', n.range?.[0] ?? 0, 'unsupported node', { tag: '?' });
    if (n.anchor) this.done.set(n, out);
    return out;
  }

  private alias(node: Alias): { value: unknown; size: number } {
    const offset = node.range?.[0] ?? 0;
    const target = this.anchors.get(node.source);
    if (!target) throw new Refusal('UNKNOWN_ALIAS', offset, `no anchor &${node.source} before this alias`, { name: node.source });
    this.targets.set(node, target);
    const hit = this.done.get(target);
    // Not converted yet means still being converted: the alias lies inside its own anchor.
    if (!hit || this.open.has(target)) {
      throw new Refusal('ALIAS_CYCLE', offset, `alias *${node.source} refers to a node that contains it`, { name: node.source });
    }
    this.count(hit.size, offset);
    return hit;
  }

  private count(size: number, offset: number): void {
    this.total += size;
    if (this.total > this.limit) {
      throw new Refusal('ALIAS_LIMIT', offset, 'aliases expand the document beyond the limit', { limit: MAX_ALIAS_EXPANSION });
    }
  }

  private seq(node: YamlNode & { items: unknown[] }): { value: unknown; size: number } {
    this.open.add(node);
    const out: unknown[] = [];
    let size = 1;
    for (const item of node.items) {
      const r = this.convert(item);
      out.push(r.value);
      size += r.size;
    }
    this.open.delete(node);
    return { value: out, size };
  }

  private map(node: YamlNode & { items: Pair[] }): { value: unknown; size: number } {
    this.open.add(node);
    const out: Record<string, unknown> = {};
    const seen = new Map<string, number>();
    let size = 1;
    for (const pair of node.items) {
      const keyOffset = (pair.key as YamlNode | null)?.range?.[0] ?? node.range?.[0] ?? 0;
      let keyNode: unknown = pair.key;
      if (isAlias(keyNode)) {
        this.alias(keyNode);
        keyNode = this.targets.get(keyNode);
      } else if (isScalar(keyNode)) this.convert(keyNode);
      if (keyNode !== null && keyNode !== undefined && !isScalar(keyNode)) {
        throw new Refusal('NON_SCALAR_KEY', keyOffset, 'a key must be text or a number, not a list or a mapping');
      }
      const key = isScalar(keyNode) ? String(keyNode.value) : '';
      if (key.length > MAX_KEY_LENGTH) throw new Refusal('KEY_OVER_1024_CHARS', keyOffset, `a key of ${key.length} characters`);
      if (seen.has(key)) {
        throw new Refusal('DUPLICATE_KEY', keyOffset, `duplicate key ${key}`, { key, first: seen.get(key)! });
      }
      seen.set(key, keyOffset);
      const r = this.convert(pair.value);
      size += r.size;
      // An own, enumerable property even for `__proto__`: data, never the prototype.
      if (key === '__proto__') Object.defineProperty(out, key, { value: r.value, enumerable: true, writable: true, configurable: true });
      else out[key] = r.value;
    }
    this.open.delete(node);
    return { value: out, size };
  }
}

class EmptyLocator implements Locator {
  locate(): Located {
    return { line: 1, column: 1, endLine: 1, endColumn: 1, exact: false };
  }
}

class DocumentLocator implements Locator {
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
    private readonly targets: Map<Alias, YamlNode>,
  ) {}

  locate(path: Path): Located {
    let node: unknown = this.resolve(this.doc.contents);
    let best = this.rangeOf(this.doc.contents) ?? this.position(0, 0);
    for (const seg of path) {
      let next: unknown;
      let here: Position | undefined;
      if (isMap(node)) {
        const pair = (node.items as Pair[]).find((p) => this.keyText(p) === String(seg));
        if (pair) {
          next = pair.value;
          here = this.pairPosition(pair);
        }
      } else if (isSeq(node) && typeof seg === 'number') {
        next = node.items[seg];
        here = this.rangeOf(next);
      }
      if (!here) return { ...best, exact: false };
      best = here;
      node = this.resolve(next);
    }
    return { ...best, exact: true };
  }

  private resolve(node: unknown): unknown {
    return isAlias(node) ? this.targets.get(node) : node;
  }

  private keyText(pair: Pair): string | undefined {
    const key = this.resolve(pair.key);
    if (isScalar(key)) return String(key.value);
    if (isPair(key)) return undefined;
    return key == null ? '' : undefined;
  }

  /** A scalar is shown where its value stands; a collection (or nothing) where its key stands. */
  private pairPosition(pair: Pair): Position | undefined {
    const value = pair.value;
    if (isScalar(value) && value.range) return this.rangeOf(value);
    return this.rangeOf(pair.key);
  }

  private rangeOf(node: unknown): Position | undefined {
    const range = (node as YamlNode | null)?.range;
    if (!range) return undefined;
    return this.position(range[0], range[1]);
  }

  private position(start: number, end: number): Position {
    const a = this.lines.linePos(start);
    const b = this.lines.linePos(Math.max(start, end));
    return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
  }
}
