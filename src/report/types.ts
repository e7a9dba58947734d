import type { AuditResult } from '../audit/result.js';
import type { Lang } from '../catalog/types.js';

export interface FormatOptions {
  lang: Lang;
  /** Colour escapes allowed: true only when writing to a terminal that wants them. */
  color: boolean;
}

/** A report format: a pure function from the audit result to the report's text. */
export type Formatter = (result: AuditResult, options: FormatOptions) => string;
