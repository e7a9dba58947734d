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
}

/** A report format: a pure function from the audit result to the report's text. */
export type Formatter = (result: AuditResult, options: FormatOptions) => string;
