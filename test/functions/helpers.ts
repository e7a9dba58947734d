import { conforms, schemaErrors } from '../../src/engine/schemas.js';
import type { CheckFunction } from '../../src/engine/functions/types.js';
import type { Path } from '../../src/plan/path.js';

/** Run a check function the way the engine does, at a given path of a given root. */
export function run<O>(fn: CheckFunction<O>, target: unknown, options: O, path: Path = ['x'], root: unknown = {}) {
  return fn.check(target, options, { conforms, schemaErrors, root, path });
}
