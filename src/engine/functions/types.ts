import type { Path } from '../../plan/path.js';
import type { Gap } from '../gap.js';

export interface SchemaError {
  /** Path of the offending node, relative to the validated value. */
  path: Path;
  keyword: string;
  params: Record<string, unknown>;
  /** On the first unknown key past the limit of one mapping: how many are past it, this one included. */
  unlisted?: number;
}

export interface CheckContext {
  /** The whole plan, for checks that compare one part with another. */
  root: unknown;
  /** Path of the checked node. */
  path: Path;
  /** The audit date, `YYYY-MM-DD` (`--today`): what "already past" and "how old" are measured from. */
  today: string;
  conforms(schema: object, value: unknown): boolean;
  schemaErrors(schema: object, value: unknown): SchemaError[];
}

/**
 * A built-in check. It looks at one selected node and returns gaps with paths and measured
 * values; it never knows about lines, languages or terminals. `Id` is the message ids its gaps
 * can carry: a rule using it must have a template for each in `messages` (the catalog loader
 * refuses one that lacks any, or names one no check of the rule emits); a gap without an id gets
 * the rule's `message`. docs/functions.md is generated from this metadata.
 */
export interface CheckFunction<O = Record<string, unknown>, Id extends string = string> {
  name: string;
  /** What it checks, one sentence: when it finds a gap (docs/functions.md). */
  summary: string;
  /** JSON Schema of the options, validated when the catalog loads; a property's `description` is shown in docs/functions.md. */
  optionsSchema: object;
  /** Each message id its gaps can carry, with when it occurs (one line). */
  messages: Readonly<Record<Id, string>>;
  /** The values its gaps report, for `{{…}}` in messages. */
  values: readonly string[];
  /** The ids it can emit with these options (defaults applied): all of `messages` when absent. */
  emits?(options: O): readonly Id[];
  check(target: unknown, options: O, ctx: CheckContext): Gap<Id>[];
}

export function defineFunction<O, Id extends string = never>(fn: CheckFunction<O, Id>): CheckFunction<O, Id> {
  return fn;
}

/** The message ids a check can emit with its options, as the catalog loader requires them of a rule. */
export function emittedIds<O, Id extends string>(fn: CheckFunction<O, Id>, options: O): readonly Id[] {
  return fn.emits ? fn.emits(options) : (Object.keys(fn.messages) as Id[]);
}

/**
 * The options of a function that hold a JSON Schema: those it declares as any object
 * (`{type: object}`, with at most a description) — `schema`'s `schema`; the `where`, `match`,
 * `covered` and `favoured` of share, coverage, targetBelowShare and tilt.
 */
export function schemaOptionKeys(fn: { optionsSchema: object }): string[] {
  const props = (fn.optionsSchema as { properties?: Record<string, Record<string, unknown>> }).properties ?? {};
  return Object.entries(props).flatMap(([key, { description: _, ...s }]) => (JSON.stringify(s) === '{"type":"object"}' ? [key] : []));
}
