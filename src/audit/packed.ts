/**
 * A file's result as a run keeps it until the report is written: its findings as bytes outside the
 * JavaScript heap, read back each time a report walks them. Kept as objects (~1.3 KB of heap each;
 * 57,155 for the 2,844 synthetic plans) they made the live heap grow with the corpus, and V8 grew
 * the process several times faster (docs/performance.md, 2 Dec 2026); bytes outside the heap are
 * counted once, at their size.
 */
import { deserialize, serialize } from 'node:v8';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { countFindings, keepCounts, type Finding, type FindingCounts } from '../engine/finding.js';
import type { FileAudit } from './step.js';
import type { FileResult } from './result.js';

/**
 * An audit as it crosses from a worker thread: plain data, its findings (if any) as bytes that are
 * transferred, not copied, with the counts made from them.
 */
export interface PackedAudit {
  audit: FileAudit;
  findings?: { bytes: Uint8Array; counts: FindingCounts };
}

/** The audit without its findings, and the findings as bytes: done where the findings were made, so that no thread holds both. */
export function pack(audit: FileAudit): PackedAudit {
  const { findings } = audit.result;
  const rest = { ...audit, result: { ...audit.result, findings: [] } };
  if (findings.length === 0) return { audit: rest };
  // Deflated at the fastest level: a file's findings repeat their words (rule, area, clauses,
  // owner, field names): ~960 bytes a finding serialised, ~190 deflated (1,188 synthetic plans).
  // A copy of its own size: zlib's result is a view of a 16 KiB output chunk, which it would keep alive.
  const bytes = new Uint8Array(deflateRawSync(serialize(findings), { level: 1 }));
  return { audit: rest, findings: { bytes, counts: countFindings(findings) } };
}

/**
 * The packed audit as readers see it. `findings` stays an ordinary, enumerable field to every
 * reader (formats, `JSON.stringify`, structured clones): each read unpacks a fresh array equal to
 * the one packed, field order included; assigning to it stores the new array as it is. Readers
 * that only count read `findingCounts` (engine/finding.ts), kept from packing, and unpack nothing.
 */
export function unpacked({ audit, findings }: PackedAudit): FileAudit {
  if (!findings) return audit;
  const out: FileResult = audit.result;
  const { bytes } = findings;
  const unpack = (): Finding[] => deserialize(inflateRawSync(bytes)) as Finding[];
  keepCounts(unpack, findings.counts);
  Object.defineProperty(out, 'findings', {
    enumerable: true,
    configurable: true,
    get: unpack,
    set: (assigned: Finding[]) => Object.defineProperty(out, 'findings', { value: assigned, writable: true, enumerable: true, configurable: true }),
  });
  return audit;
}

/** Packed on the thread that writes the report: a batch audited there after its worker ran out of memory (pool.ts). */
export function packed(audit: FileAudit): FileAudit {
  const p = pack(audit);
  // Text taken from the plan (names, dates, waivers) would otherwise be slices of the whole file
  // and keep every plan's source alive until the run ends; the worker's message does the same copy.
  return unpacked({ ...p, audit: structuredClone(p.audit) });
}
