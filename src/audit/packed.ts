/**
 * A file's result as a run keeps it until the report is written: its findings as bytes outside the
 * JavaScript heap, read back each time a report walks them. Kept as objects (~1.3 KB of heap each;
 * 57,155 for the 2,844 synthetic plans) they made the live heap grow with the corpus, and V8 grew
 * the process several times faster (docs/performance.md, 2 Dec 2026); bytes outside the heap are
 * counted once, at their size.
 */
import { deserialize, serialize } from 'node:v8';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { countFindings, keepCounts, type Finding } from '../engine/finding.js';
import type { FileAudit } from './step.js';
import type { FileResult } from './result.js';

/**
 * The same audit with its findings packed, made of fresh strings. `findings` stays an ordinary,
 * enumerable field to every reader (formats, `JSON.stringify`, structured clones): each read
 * unpacks a fresh array equal to the one packed, field order included; assigning to it stores the
 * new array as it is. Readers that only count read `findingCounts` (engine/finding.ts), made here, and
 * unpack nothing.
 */
export function packed(audit: FileAudit): FileAudit {
  const { findings } = audit.result;
  // Text taken from the plan (names, dates, waivers) would otherwise be slices of the whole file
  // and keep every plan's source alive until the run ends. The findings are left out of the copy:
  // serialising them copies their strings anyway.
  const kept = structuredClone({ ...audit, result: { ...audit.result, findings: [] } });
  if (findings.length === 0) return kept;
  // Deflated at the fastest level: a file's findings repeat their words (rule, area, clauses,
  // owner, field names): ~960 bytes a finding serialised, ~190 deflated (1,188 synthetic plans).
  // A copy of its own size: zlib's result is a view of a 16 KiB output chunk, which it would keep alive.
  const bytes = new Uint8Array(deflateRawSync(serialize(findings), { level: 1 }));
  const out: FileResult = kept.result;
  const unpack = (): Finding[] => deserialize(inflateRawSync(bytes)) as Finding[];
  keepCounts(unpack, countFindings(findings));
  Object.defineProperty(out, 'findings', {
    enumerable: true,
    configurable: true,
    get: unpack,
    set: (assigned: Finding[]) => Object.defineProperty(out, 'findings', { value: assigned, writable: true, enumerable: true, configurable: true }),
  });
  return kept;
}
