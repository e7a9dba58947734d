import { SEVERITIES, SEVERITY_RANK, type Area, type Bilingual, type ManualItem, type Rule, type Severity } from '../catalog/types.js';
import type { Finding } from '../engine/finding.js';
import type { Encoding } from '../plan/decode.js';
import type { InputError } from '../plan/input-error.js';

export interface FileResult {
  file: string;
  /** Absent when the file could not be audited: see `error`. */
  findings: Finding[];
  error?: InputError;
  encoding?: Encoding;
  /** County name and code from the plan, for roll-ups across counties. */
  county?: { name?: string; code?: string };
  /** When the plan's gaps are due unless `--due` says otherwise (never before the audit date). */
  due?: DueDate;
}

/** A default due date and what it is: the end of the plan period, or the audit date plus a lead time. */
export interface DueDate {
  date: string;
  basis: 'plan-period-end' | 'lead-time';
  /** With `lead-time`: how many days after the audit date. */
  leadDays?: number;
}

/** Everything a report format needs, and nothing that depends on a terminal. */
export interface AuditResult {
  tool: { name: string; version: string };
  /** The audit date (`--today`): the day the verdicts are true for. */
  asOf: string;
  files: FileResult[];
  /** Input errors not tied to one audited file (a glob that matches nothing). */
  errors: InputError[];
  /** The rules that ran, in catalog order. */
  rules: Rule[];
  /** The reviewer's checklist: clauses no machine can check. */
  manual: ManualItem[];
  areas: Area[];
  terms: Record<string, Bilingual>;
  /** Set when `--baseline` left out known gaps: how many, and how many of its gaps are fixed since. */
  baseline?: { file: string; known: number; fixed: number };
  /** Things worth telling whoever runs the audit that are neither gaps nor errors (see src/audit/notices.ts). */
  notices?: Notice[];
  /** Set by `rural-audit merge` alone: the shard reports it combined and the rules each ran. */
  shards?: ShardRun[];
}

/** One shard report in a merged result (docs/json-report.md, "Merging the reports of shards"). */
export interface ShardRun {
  /** The report as `merge` was given it. */
  report: string;
  files: number;
  /** The rural-audit version whose built-in catalog the shard ran. */
  catalog: string;
  /** How many built-in catalog rules it ran; the waivers' own rules and the config's custom rules it ran, by id. */
  rules: { builtin: number; meta: string[]; custom: string[] };
}

export type NoticeCode = 'example-profile' | 'ignored-by-config' | 'baseline-applied' | 'baseline-written' | 'baseline-not-written';

export interface Notice {
  code: NoticeCode;
  values: Record<string, string | number>;
}

/**
 * The exit status of a run: 2 for an input error, 1 when an unwaived gap reaches `failOn`
 * (default `error`), 0 otherwise.
 */
export function exitCode(result: AuditResult, failOn: Severity = 'error'): number {
  if (result.errors.length > 0 || result.files.some((f) => f.error)) return 2;
  const threshold = SEVERITY_RANK[failOn];
  const failing = result.files.some((f) => {
    const { open } = findingCounts(f);
    return SEVERITIES.some((s) => open[s] > 0 && SEVERITY_RANK[s] >= threshold);
  });
  return failing ? 1 : 0;
}

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

/** A file's counts without unpacking its findings when they are packed; counted from the findings otherwise. */
export function findingCounts(file: FileResult): FindingCounts {
  const unpack = Object.getOwnPropertyDescriptor(file, 'findings')?.get;
  return (unpack && packedCounts.get(unpack)) || countFindings(file.findings);
}
