import type { AuditResult } from '../audit/result.js';
import type { Lang, Severity } from '../catalog/types.js';

export interface FormatOptions {
  lang: Lang;
  /** Colour escapes allowed: true only when writing to a terminal that wants them. */
  color: boolean;
  /** Lowest severity that fails the run (`--fail-on`); formats that mark pass/fail follow it. Default `error`. */
  failOn?: Severity;
  /** Due date for every gap in the remediation view (`--due`), instead of the plan's own (never before the audit date). */
  due?: string;
  /** Terminal columns the human report must fit (`COLUMNS`, else the terminal's width); absent: lines are not wrapped. */
  width?: number;
}

/**
 * What a format gives: its text whole, bytes (binary formats), a promise of either, or text chunks
 * made one at a time as they are written (long reports; src/report/chunks.ts).
 */
export type ReportOutput = string | Uint8Array | Iterable<string> | Promise<string | Uint8Array>;

/** A report format: a pure function from the audit result to the report. */
export type Formatter = (result: AuditResult, options: FormatOptions) => ReportOutput;
