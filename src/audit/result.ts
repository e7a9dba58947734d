import { SEVERITIES, SEVERITY_RANK, type Area, type Bilingual, type ManualItem, type Rule, type Severity } from '../catalog/types.js';
import { findingCounts, type Finding } from '../engine/finding.js';
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
