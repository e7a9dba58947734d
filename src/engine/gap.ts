import type { Path } from '../plan/path.js';

/** A value to be shown by its display name from `rules/terms.yaml` (e.g. `township` → 乡镇). */
export interface Term {
  term: string;
  /** Shown as the word to write followed by its display name: `protection（特色保护类）`. */
  coded?: boolean;
  /**
   * The field the word belongs to: `unit` of a target is a unit of measure (计量单位), of a
   * mechanism a responsible unit (责任单位). Looked up as `scope.term` first, then as `term`.
   */
  scope?: string;
}

export const term = (key: string): Term => ({ term: key });

/** A value the planner must write as is, shown with its display name so they know which one to pick. */
export const coded = (key: string): Term => ({ term: key, coded: true });

/** A field's key named as its parent field means it (`targets.unit` → 计量单位). */
export const scoped = (key: string, scope: string | undefined): Term => (scope === undefined ? term(key) : { term: key, scope });

export type Value = string | number | boolean | Term | readonly (string | number | Term)[];
export type Values = Record<string, Value>;

/** What a check function reports: where (a path, never a line), which message, and the measured values. */
export interface Gap<Id extends string = string> {
  /** Absolute path of the offending node; defaults to the checked node. */
  path?: Path;
  /** Which of the rule's `messages` to use (one the function declares); none: the rule's `message`. */
  messageId?: Id;
  /** `actual` and `expected` by convention, plus whatever the message template names. */
  values: Values;
  /** Further offending nodes, e.g. every uncovered village behind one coverage gap. */
  related?: Path[];
  /** Identity of the offending item (a village code, a project id) for fingerprints. */
  item?: string;
}
