/**
 * The fast parse path for well-formed plans: js-yaml (about fifteen times faster than `yaml` on
 * plan-sized files) with node offsets taken from its `listener` — about eight times faster with
 * the positions (docs/performance.md). `RURAL_AUDIT_DEBUG_FAST=1` prints why a file was declined.
 *
 * It must give exactly what `parseYamlFull` (parse.ts) gives — the same data and the same positions,
 * start and end — so it handles only the plain shape plans are written in: block and one-line
 * flow collections, plain and quoted one-line scalars, comments. Anything else (a parse error,
 * duplicate keys, anchors, aliases, tags, block scalars, multi-line scalars, explicit keys,
 * several documents, a byte-order mark, a scalar the two libraries might read differently)
 * returns undefined, and the caller takes the `yaml` path, which also words every
 * error.
 */
import jsyaml from 'js-yaml';
import { MAX_DEPTH, MAX_KEY_LENGTH, MAX_KEYS_PER_MAPPING, type ParseFailure, type Parsed } from './parsed.js';
import type { Path } from './path.js';
import type { Located, Locator, Position } from './position.js';

const { load, CORE_SCHEMA } = jsyaml;

type Kind = 'scalar' | 'empty' | 'flow' | 'block';

interface Node {
  kind: Kind;
  start: number;
  /** End of the node's text (the `yaml` library's `range[1]`); for a block collection, its tail. */
  end: number;
  /** Sequence items, or mapping keys and values in turn. */
  children?: Node[];
  mapping?: boolean;
  /** A scalar key's text, when both libraries read it as that string. */
  key?: string;
  /** A block collection whose last entry, at any depth, is nothing (`key:`). */
  endsEmpty?: boolean;
}

/** Thrown from the listener to stop at the first unusual construct; never escapes this module. */
class Unusual extends Error {}

/** Thrown from the listener at the first key past MAX_KEYS_PER_MAPPING: the file is refused, not declined. */
class TooManyKeys extends Error {
  constructor(readonly offset: number) {
    super(`a mapping of more than ${MAX_KEYS_PER_MAPPING} keys`);
  }
}

/**
 * The data and positions `parseYamlFull` gives, or undefined where it must decide. One failure
 * is the fast path's own: a mapping of too many keys is refused here, at the same key as the
 * `yaml` path refuses it, so that a hostile file is not parsed whole twice.
 */
export function parseYamlFast(text: string): Parsed | ParseFailure | undefined {
  // js-yaml drops a leading byte-order mark, which would shift every offset by one (parseYaml strips it).
  if (text.charCodeAt(0) === 0xfeff) return undefined;
  // Where each open node began, and where its children start on the stack of finished nodes.
  const opens: number[] = [];
  const firsts: number[] = [];
  const done: Node[] = [];
  let data: unknown;
  try {
    data = load(text, {
      schema: CORE_SCHEMA,
      listener(event, state) {
        if (event === 'open') {
          // Deeper than the yaml path allows: decline, so that the same too-deep error is given.
          if (opens.length > MAX_DEPTH) throw new Unusual('too deep');
          opens.push(state.position);
          firsts.push(done.length);
          return;
        }
        const first = firsts.pop()!;
        const children = first === done.length ? NONE : done.splice(first);
        done.push(closeNode(text, opens.pop()!, children, state.position, state.kind, state.result));
        // Keys and values alternate among a mapping's children: this one is key MAX + 1.
        const open = firsts.length - 1;
        if (open >= 0 && done.length - firsts[open]! === 2 * MAX_KEYS_PER_MAPPING + 1 && isMapping(text, opens[open]!)) {
          throw new TooManyKeys(done[done.length - 1]!.start);
        }
      },
    });
  } catch (e) {
    if (e instanceof TooManyKeys) {
      const at = linePosition(lineStartsOf(text), e.offset);
      return { ok: false, code: 'TOO_MANY_KEYS', detail: e.message, line: at.line, column: at.col, values: { limit: MAX_KEYS_PER_MAPPING } };
    }
    if (process.env.RURAL_AUDIT_DEBUG_FAST) process.stderr.write(`fast path declined: ${(e as Error).message}\n`);
    return undefined;
  }
  const root = done[0];
  if (!root || done.length !== 1 || data === undefined || root.kind === 'empty') return undefined;
  // `yaml` stretches the document's node over the comments after its last entry when one is
  // indented or when that entry is nothing (`key:`): left to it.
  if (root.kind === 'block') {
    const rest = text.slice(root.end);
    if (INDENTED_COMMENT.test(rest) || (root.endsEmpty && rest.includes('#'))) return undefined;
  }
  return { ok: true, data, locator: new FastLocator(text, root) };
}

const NONE: Node[] = [];

/** Whether the collection js-yaml opened at `open` is a mapping: not a list (`- `, `[`). */
function isMapping(text: string, open: number): boolean {
  const start = skipToContent(text, open);
  const c = text.charCodeAt(start);
  if (c === 0x5b) return false;
  const next = text.charCodeAt(start + 1);
  return !(c === 0x2d && (WS(next) || EOL(next) || Number.isNaN(next)));
}
const INDENTED_COMMENT = /^[ \t]+#/m;

const WS = (c: number) => c === 0x20 || c === 0x09;
/** The end of a line, LF or the CR of a CRLF (a lone CR is turned into LF before parsing). */
const EOL = (c: number) => c === 0x0a || c === 0x0d;

/** From where js-yaml began a node, past blank lines and comments to its first character. */
function skipToContent(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (WS(c) || EOL(c)) i++;
    else if (c === 0x23) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
    } else return i;
  }
}

/** Past trailing blanks, a comment and one line break (LF or CRLF): where `yaml` ends a node with its line. */
function lineTail(text: string, i: number): number {
  while (WS(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 0x23) {
    const nl = text.indexOf('\n', i);
    i = nl < 0 ? text.length : nl;
  }
  if (text.charCodeAt(i) === 0x0d && text.charCodeAt(i + 1) === 0x0a) return i + 2;
  return text.charCodeAt(i) === 0x0a ? i + 1 : i;
}

/** `range[2]`: a node with the rest of its line. Nothing (`key:`) takes its line only when a comment follows. */
function tailOf(text: string, node: Node): number {
  if (node.kind === 'block') return node.end;
  if (node.kind === 'empty') return text.charCodeAt(node.start) === 0x23 ? lineTail(text, node.start) : node.start;
  return lineTail(text, node.end);
}

function closeNode(text: string, open: number, children: Node[], position: number, kind: string | null, result: unknown): Node {
  // In block context js-yaml reads a scalar or a flow collection through a nested attempt at a
  // mapping key: the same node twice, one inside the other.
  if (children.length === 1) {
    const only = children[0]!;
    if ((only.kind === 'scalar' || only.kind === 'flow') && only.start === skipToContent(text, open)) return only;
  }
  if (kind !== 'mapping' && kind !== 'sequence') {
    if (children.length > 0) throw new Unusual('a scalar with parts');
    if (kind === null) {
      if (result !== null && result !== undefined) throw new Unusual('content of no kind');
      // Nothing at all: `key:` with no value, placed by `yaml` after the blanks.
      let start = open;
      while (WS(text.charCodeAt(start))) start++;
      const c = text.charCodeAt(start);
      if (c === 0x21 || c === 0x26 || c === 0x2a) throw new Unusual('tag, anchor or alias on nothing');
      return { kind: 'empty', start, end: start };
    }
    if (kind !== 'scalar') throw new Unusual(`node kind ${kind}`);
    return scalar(text, skipToContent(text, open), position, result);
  }
  const start = skipToContent(text, open);
  const c = text.charCodeAt(start);
  const flow = c === 0x5b || c === 0x7b;
  if (!flow && (c === 0x21 || c === 0x26 || c === 0x2a || c === 0x3f)) throw new Unusual('tag, anchor, alias or explicit key');
  if (kind === 'sequence') {
    if (!Array.isArray(result) || result.length !== children.length) throw new Unusual('sequence of pairs');
    // `yaml` stretches such an item over the comments and blank lines after it, up to the next
    // line's indentation (test/scale/parse-equivalence.test.ts, emptyEndOfListItem cases).
    for (const child of children) if (child.endsEmpty) throw new Unusual('a list item that ends in nothing');
  } else {
    let count = 0;
    for (const k in result as object) if (Object.prototype.hasOwnProperty.call(result, k)) count++;
    if (children.length !== count * 2) throw new Unusual('mapping with keys that are not scalars');
    for (let i = 0; i < children.length; i += 2) {
      const key = children[i]!;
      if (key.key === undefined) throw new Unusual('a key that is not a string');
      if (key.key.length > MAX_KEY_LENGTH) throw new Unusual('a key over the length limit');
      // A key stands on its own, followed by its colon: no explicit `? key`.
      let j = key.end;
      while (WS(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== 0x3a) throw new Unusual('explicit key');
    }
  }
  const mapping = kind === 'mapping';
  if (flow) return { kind: 'flow', start, end: position, children, mapping };
  if (children.length === 0) throw new Unusual('empty block collection');
  const last = children[children.length - 1]!;
  const endsEmpty = last.kind === 'empty' || last.endsEmpty === true;
  return { kind: 'block', start, end: tailOf(text, last), children, mapping, endsEmpty };
}

/** A one-line plain or quoted scalar, read by js-yaml as `yaml`'s core schema reads it. */
function scalar(text: string, start: number, position: number, result: unknown): Node {
  const c = text.charCodeAt(start);
  if (c === 0x21 || c === 0x26 || c === 0x2a || c === 0x7c || c === 0x3e || c === 0x3f || c === 0x25 || c === 0x40 || c === 0x60) {
    throw new Unusual('tag, anchor, alias, block scalar or reserved indicator');
  }
  let end = position;
  const quoted = c === 0x27 || c === 0x22;
  if (!quoted) {
    // js-yaml may stop past trailing blanks; `yaml` ends a plain scalar at its last character.
    for (let d = text.charCodeAt(end - 1); end > start && (WS(d) || EOL(d)); d = text.charCodeAt(end - 1)) end--;
  }
  if (end <= start) throw new Unusual('empty scalar');
  for (let i = start; i < end; i++) if (EOL(text.charCodeAt(i))) throw new Unusual('multi-line scalar');
  if (quoted) {
    if (typeof result !== 'string' || text.charCodeAt(end - 1) !== c || end - start < 2) throw new Unusual('unterminated quote');
    // Escapes in double quotes are where two parsers could disagree; plans rarely need them.
    if (c === 0x22 && text.slice(start, end).includes('\\')) throw new Unusual('escape sequence');
  } else if (!sameAsCore(text, start, end, result)) throw new Unusual('scalar read differently');
  return { kind: 'scalar', start, end, key: typeof result === 'string' ? result : undefined };
}

/**
 * The YAML 1.2 core schema as the `yaml` library resolves plain scalars. js-yaml's CORE_SCHEMA is
 * close (dates stay strings in both) but differs at the edges (`0b1`, `1_000`, `+.5`); on any
 * difference the slow path decides.
 */
function sameAsCore(text: string, start: number, end: number, result: unknown): boolean {
  const c = text.charCodeAt(start);
  // Most plain scalars are words: a string in both, unless one of the null and boolean words.
  if (typeof result === 'string' && c > 0x7f) return true;
  const core = resolveCore(text.slice(start, end));
  if (typeof core === 'number' && typeof result === 'number') return Object.is(core, result);
  return core === result;
}

function resolveCore(s: string): unknown {
  if (s === '~' || s === 'null' || s === 'Null' || s === 'NULL') return null;
  if (s === 'true' || s === 'True' || s === 'TRUE') return true;
  if (s === 'false' || s === 'False' || s === 'FALSE') return false;
  const c = s.charCodeAt(0);
  // Only numbers begin with a digit, a sign or a dot; everything else is a string.
  if (!((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e)) return s;
  if (/^[-+]?[0-9]+$/.test(s)) return Number.parseInt(s, 10);
  if (/^0o[0-7]+$/.test(s)) return Number.parseInt(s.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return Number.parseInt(s.slice(2), 16);
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (/^\.(?:nan|NaN|NAN)$/.test(s)) return Number.NaN;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s)) return Number.parseFloat(s);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s)) return Number.parseFloat(s);
  return s;
}

/** Line starts and each mapping's keys are found once, when first asked for. */
class FastLocator implements Locator {
  private lineStarts: number[] | undefined;
  private readonly keys = new WeakMap<Node, Map<string, number>>();

  constructor(
    private readonly text: string,
    private readonly root: Node,
  ) {}

  locate(path: Path): Located {
    let node: Node | undefined = this.root;
    let best = this.position(node.start, node.end);
    for (const seg of path) {
      let next: Node | undefined;
      let here: Position | undefined;
      const children: Node[] | undefined = node?.children;
      if (node?.mapping && children) {
        const i = this.keysOf(node).get(String(seg));
        if (i !== undefined) {
          const key = children[i]!;
          next = children[i + 1]!;
          // A scalar is shown where its value stands; a collection (or nothing) where its key stands.
          here = next.kind === 'scalar' || next.kind === 'empty' ? this.position(next.start, next.end) : this.position(key.start, key.end);
        }
      } else if (children && typeof seg === 'number') {
        next = children[seg];
        if (next) here = this.position(next.start, next.end);
      }
      if (!here) return { ...best, exact: false };
      best = here;
      node = next;
    }
    return { ...best, exact: true };
  }

  private keysOf(node: Node): Map<string, number> {
    let map = this.keys.get(node);
    if (!map) {
      map = new Map();
      const children = node.children!;
      for (let i = 0; i < children.length; i += 2) map.set(children[i]!.key!, i);
      this.keys.set(node, map);
    }
    return map;
  }

  private position(start: number, end: number): Position {
    const a = this.linePos(start);
    const b = this.linePos(Math.max(start, end));
    return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
  }

  private linePos(offset: number): { line: number; col: number } {
    return linePosition((this.lineStarts ??= lineStartsOf(this.text)), offset);
  }
}

/** Line and column (from 1) of an offset, by binary search in the line starts. */
function linePosition(starts: number[], offset: number): { line: number; col: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, col: offset - starts[lo]! + 1 };
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
