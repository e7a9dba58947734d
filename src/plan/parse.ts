/**
 * Text to data plus a locator. This is the one place that knows which YAML parser runs,
 * so that a faster parse path can be chosen later without touching rules or reports.
 */
import { LineCounter, parseAllDocuments, isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document, Node as YamlNode, Pair } from 'yaml';
import type { Path } from './path.js';
import type { Located, Locator, Position } from './position.js';

export interface Parsed {
  ok: true;
  data: unknown;
  locator: Locator;
}

export interface ParseFailure {
  ok: false;
  code: string;
  detail: string;
  line: number;
  column: number;
}

/** Aliases may be used, but not to blow up a small file into a huge structure. */
const MAX_ALIAS_COUNT = 100;

export function parseYaml(text: string): Parsed | ParseFailure {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    strict: true,
  });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  if (!Array.isArray(docs)) {
    return { ok: true, data: null, locator: new EmptyLocator() };
  }
  const first = docs[0];
  if (!first) return { ok: true, data: null, locator: new EmptyLocator() };
  for (const doc of docs) {
    const err = doc.errors[0];
    if (err) return { ok: false, code: err.code, detail: err.message, ...at(err.pos[0]) };
  }
  const second = docs[1];
  if (second) {
    const start = second.range?.[0] ?? 0;
    return { ok: false, code: 'MULTIPLE_DOCS', detail: 'a plan file holds one YAML document', ...at(start) };
  }
  let data: unknown;
  try {
    data = first.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    return { ok: false, code: 'ALIAS_LIMIT', detail: (e as Error).message, line: 1, column: 1 };
  }
  return { ok: true, data, locator: new DocumentLocator(first, lineCounter) };
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
  ) {}

  locate(path: Path): Located {
    let node: unknown = this.resolve(this.doc.contents);
    let best = this.rangeOf(this.doc.contents) ?? this.position(0, 0);
    for (const seg of path) {
      let next: unknown;
      let here: Position | undefined;
      if (isMap(node)) {
        const pair = (node.items as Pair[]).find((p) => keyText(p) === String(seg));
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
    return isAlias(node) ? node.resolve(this.doc) : node;
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

function keyText(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) return String(key.value);
  if (isPair(key)) return undefined;
  return key == null ? undefined : String(key);
}
