import type { ReportOutput } from './types.js';

/**
 * Reports as chunks: a formatter may return its text whole, as bytes, as a promise of either, or
 * as an iterable of text chunks made one at a time, so that a report of 2,844 plans is never held
 * whole in memory. `writeReport` (src/cli/output.ts) writes the chunks as they come.
 */
export async function* reportChunks(out: ReportOutput): AsyncGenerator<string | Uint8Array> {
  const value = await out;
  if (typeof value === 'string' || value instanceof Uint8Array) yield value;
  else yield* value;
}

/** A text report whole, for the library's `format` and for tests; bytes are not text. */
export function joinReport(out: ReportOutput): string {
  if (typeof out === 'string') return out;
  if (out instanceof Uint8Array || out instanceof Promise) throw new TypeError('this report format gives bytes, not text');
  let text = '';
  for (const chunk of out) text += chunk;
  return text;
}

/**
 * `JSON.stringify(value, null, 2)` of an object one of whose arrays is given as items made one at
 * a time: `at` names the array's place as `JSON.stringify` would print its key line (the key with
 * its indentation), and its value in `value` is a placeholder. Byte for byte the same text.
 */
export function* jsonWithStreamedArray<T>(value: object, key: string, indent: number, items: Iterable<T>, escape: (json: string) => string): Generator<string> {
  const text = JSON.stringify(value, null, 2);
  // A key line cannot occur inside a string: JSON.stringify escapes every line break there.
  const marker = `\n${' '.repeat(indent)}${JSON.stringify(key)}: ${JSON.stringify(PLACEHOLDER)}`;
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`jsonWithStreamedArray: no ${key} at indentation ${indent}`);
  const head = at + marker.length - JSON.stringify(PLACEHOLDER).length;
  yield escape(text.slice(0, head));
  const pad = ' '.repeat(indent + 2);
  let first = true;
  for (const item of items) {
    const json = JSON.stringify(item, null, 2).replace(/\n/g, `\n${pad}`);
    yield escape(`${first ? '[\n' : ',\n'}${pad}${json}`);
    first = false;
  }
  yield escape(`${first ? '[]' : `\n${' '.repeat(indent)}]`}${text.slice(head + JSON.stringify(PLACEHOLDER).length)}`);
}

/** Stands for the streamed array in the object given to `jsonWithStreamedArray`. */
export const PLACEHOLDER = '\u0000streamed';
