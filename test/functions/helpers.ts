import { conforms, schemaErrors } from '../../src/engine/schemas.js';
import { emittedIds, type CheckFunction } from '../../src/engine/functions/types.js';
import type { Path } from '../../src/plan/path.js';

/**
 * Run a check function the way the engine does, at a given path of a given root. Every gap's
 * message id must be one the function declares it can emit with these options: each unit test
 * checks the declaration too.
 */
export function run<O>(fn: CheckFunction<O>, target: unknown, options: O, path: Path = ['x'], root: unknown = {}, today = '2026-12-01') {
  const gaps = fn.check(target, options, { conforms, schemaErrors, root, path, today });
  const declared = emittedIds(fn, options);
  for (const gap of gaps) {
    if (gap.messageId !== undefined && !declared.includes(gap.messageId)) {
      throw new Error(`${fn.name} returned message id ${gap.messageId}, not among those it declares for these options: ${declared.join(', ') || 'none'}`);
    }
  }
  return gaps;
}
