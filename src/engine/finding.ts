import { createHash } from 'node:crypto';
import { SEVERITIES, type Bilingual, type Severity } from '../catalog/types.js';
import type { Value } from './gap.js';

export interface RelatedLocation {
  path: string;
  line: number;
  column: number;
}

/** A gap, placed in its file and worded: what every report format renders. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  area: string;
  file: string;
  /** Path inside the plan, `villages[3].plan`. */
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** False when the node is missing and the position is that of its nearest existing parent. */
  exact: boolean;
  message: Bilingual;
  clauses: string[];
  actual?: unknown;
  expected?: unknown;
  related: RelatedLocation[];
  /** Stable identity of the gap: rule, file and path inside the plan (plus the item), never a line. */
  fingerprint: string;
  /** Set when an active waiver covers the gap: it stays visible as waived and does not fail the run. */
  waiver?: {
    justification: string;
    approvedBy: string;
    expires: string;
    /** Where the waiver was written, `file:line:column`. */
    source: string;
    /** Whether it was written in the plan itself (`waivers:`) or in a waivers file. */
    origin: WaiverOrigin;
  };
  /** Set on an "and N more" gap (src/engine/limits.ts): how many gaps it stands for that are not listed. */
  omitted?: number;
  /** Who the plan names to fix the gap (rules/owners.yaml), set by the audit; see src/audit/owners.ts. */
  owner?: { names: string[]; field: string };
}

export type WaiverOrigin = 'plan' | 'waivers-file';

/** Everything a finding says; `related` defaults to none, and an optional field given as undefined is left out. */
export type FindingFields = Omit<Finding, 'related'> & { related?: RelatedLocation[] };

/**
 * The one place a finding is put together — by the engine, the waivers step (waiver-expired,
 * waiver-unused) and `merge` reading shard reports: the same fields in the same order, so that
 * findings from any of them serialise, compare and cross to worker threads alike.
 */
export function buildFinding(f: FindingFields): Finding {
  // Fields added one by one in their order rather than spread from optional parts: a finding is
  // built for every gap, and each spread made an object of its own.
  const out = {
    ruleId: f.ruleId,
    severity: f.severity,
    area: f.area,
    file: f.file,
    path: f.path,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    exact: f.exact,
    message: f.message,
    clauses: f.clauses,
  } as Finding;
  if (f.actual !== undefined) out.actual = f.actual;
  if (f.expected !== undefined) out.expected = f.expected;
  out.related = f.related ?? [];
  out.fingerprint = f.fingerprint;
  if (f.waiver !== undefined) out.waiver = f.waiver;
  if (f.omitted !== undefined) out.omitted = f.omitted;
  if (f.owner !== undefined) out.owner = f.owner;
  return out;
}

/** Stable identity of a gap from its rule, file and identity inside the plan (see `Finding.fingerprint`). */
export function fingerprint(ruleId: string, file: string, path: string, item?: string): string {
  return createHash('sha256')
    .update([ruleId, file, path, item ?? ''].join('\0'))
    .digest('hex')
    .slice(0, 16);
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    cmp(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.path, b.path) ||
    cmp(a.message.en, b.message.en)
  );
}

/** Code-unit order, the same on every machine and locale. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export type { Value };

/** What the readers that only count need of a file's findings: the summary, the exit code, the SARIF cap, stderr notices. */
export interface FindingCounts {
  /** Gaps no waiver covers, by severity. */
  open: Record<Severity, number>;
  /** Gaps an active waiver covers, by severity. */
  waived: Record<Severity, number>;
  /** Gaps not listed, that "and N more" findings stand for. */
  omitted: number;
  /** The rules that reported a gap, each once, in the order of the findings. */
  rules: string[];
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts: FindingCounts = { open: { error: 0, warning: 0, info: 0 }, waived: { error: 0, warning: 0, info: 0 }, omitted: 0, rules: [] };
  const rules = new Set<string>();
  for (const x of findings) {
    counts[x.waiver ? 'waived' : 'open'][x.severity]++;
    counts.omitted += x.omitted ?? 0;
    rules.add(x.ruleId);
  }
  counts.rules = [...rules];
  return counts;
}

/**
 * Counts made when a file's findings were packed (src/audit/packed.ts), filed under the accessor
 * that unpacks them: an array assigned to `findings` replaces the accessor, and so these counts.
 */
const packedCounts = new WeakMap<() => Finding[], FindingCounts>();

export function keepCounts(unpack: () => Finding[], counts: FindingCounts): void {
  packedCounts.set(unpack, counts);
}

/** The open and waived gaps of many files, by severity, added up: a report's summary, the SARIF cap, `--max-warnings`. */
export function totalCounts(files: readonly { readonly findings: readonly Finding[] }[]): Pick<FindingCounts, 'open' | 'waived'> {
  const total: Pick<FindingCounts, 'open' | 'waived'> = { open: { error: 0, warning: 0, info: 0 }, waived: { error: 0, warning: 0, info: 0 } };
  for (const f of files) {
    const { open, waived } = findingCounts(f);
    for (const s of SEVERITIES) {
      total.open[s] += open[s];
      total.waived[s] += waived[s];
    }
  }
  return total;
}

/** A file's counts without unpacking its findings when they are packed; counted from the findings otherwise. */
export function findingCounts(file: { readonly findings: readonly Finding[] }): FindingCounts {
  const unpack = Object.getOwnPropertyDescriptor(file, 'findings')?.get;
  return (unpack && packedCounts.get(unpack)) || countFindings(file.findings);
}
