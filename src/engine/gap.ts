import type { Path } from '../plan/path.js';

/** A value to be shown by its display name from `rules/terms.yaml` (e.g. `township` → 乡镇). */
export interface Term {
  term: string;
}

export const term = (key: string): Term => ({ term: key });

export type Value = string | number | boolean | Term | readonly (string | number | Term)[];
export type Values = Record<string, Value>;

/** What a check function reports: where (a path, never a line), which message, and the measured values. */
export interface Gap {
  /** Absolute path of the offending node; defaults to the checked node. */
  path?: Path;
  messageId?: string;
  /** `actual` and `expected` by convention, plus whatever the message template names. */
  values: Values;
  /** Further offending nodes, e.g. every uncovered village behind one coverage gap. */
  related?: Path[];
  /** Identity of the offending item (a village code, a project id) for fingerprints. */
  item?: string;
}
