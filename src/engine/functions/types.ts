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
 * values; it never knows about lines, languages or terminals.
 */
export interface CheckFunction<O = Record<string, unknown>> {
  name: string;
  /** JSON Schema of the options, validated when the catalog loads. */
  optionsSchema: object;
  check(target: unknown, options: O, ctx: CheckContext): Gap[];
}

export function defineFunction<O>(fn: CheckFunction<O>): CheckFunction<O> {
  return fn;
}
