/**
 * A file's result as a run keeps it until the report is written: its findings as bytes outside the
 * JavaScript heap, read back each time a report walks them. Kept as objects (~1.3 KB of heap each;
 * 57,155 for the 2,844 synthetic plans) they made the live heap grow with the corpus, and V8 grew
 * the process several times faster (docs/performance.md, 2 Dec 2026); bytes outside the heap are
 * counted once, at their size.
 */
import { deserialize, serialize } from 'node:v8';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Finding } from '../engine/finding.js';
import type { FileAudit } from './step.js';
import type { FileResult } from './result.js';

/**
 * The same audit with its findings packed. `findings` stays an ordinary, enumerable field to
 * every reader (formats, `JSON.stringify`, structured clones): each read gives a fresh array equal
 * to the one packed, field order included; assigning to it stores the new array as it is.
 */
export function packed(audit: FileAudit): FileAudit {
  const { result } = audit;
  if (result.findings.length === 0) return audit;
  // Deflated at the fastest level: a file's findings repeat their words (rule, area, clauses,
  // owner, field names): ~960 bytes a finding serialised, ~190 deflated (1,188 synthetic plans).
  // A copy of its own size: zlib's result is a view of a 16 KiB output chunk, which it would keep alive.
  const bytes = new Uint8Array(deflateRawSync(serialize(result.findings), { level: 1 }));
  const out: FileResult = { ...result };
  Object.defineProperty(out, 'findings', {
    enumerable: true,
    configurable: true,
    get: (): Finding[] => deserialize(inflateRawSync(bytes)) as Finding[],
    set: (findings: Finding[]) => Object.defineProperty(out, 'findings', { value: findings, writable: true, enumerable: true, configurable: true }),
  });
  return { ...audit, result: out };
}
