import type { AuditResult } from '../audit/result.js';
import type { Lang, Severity } from '../catalog/types.js';

export interface FormatOptions {
  lang: Lang;
  /** Colour escapes allowed: true only when writing to a terminal that wants them. */
  color: boolean;
  /** Lowest severity that fails the run (`--fail-on`); formats that mark pass/fail follow it. Default `error`. */
  failOn?: Severity;
  /** Due date for every gap in the remediation view (`--due`), instead of the plan's transition-period end. */
  due?: string;
}

/**
 * What a format gives: text, or the bytes of a binary document (xlsx, docx), possibly once a
 * library loaded on demand has built them.
 */
export type Report = string | Uint8Array | Promise<string | Uint8Array>;

/** A report format: a pure function from the audit result to the report. */
export type Formatter = (result: AuditResult, options: FormatOptions) => Report;
