import type { Gap } from '../gap.js';
import { schemaErrorGap, unlistedKeysGap } from './schemaErrorGap.js';
import { defineFunction } from './types.js';

/**
 * The node conforms to a JSON Schema written in the rule; one gap per violation, at the violating
 * node (unknown keys past the limit of a mapping: one gap with their count, as plan-schema gives).
 */
export default defineFunction<{ schema: object }>({
  name: 'schema',
  optionsSchema: {
    type: 'object',
    required: ['schema'],
    additionalProperties: false,
    properties: { schema: { type: 'object' } },
  },
  check(target, { schema }, ctx): Gap[] {
    if (target === undefined) return [];
    return ctx.schemaErrors(schema, target).map((e) => (e.unlisted === undefined ? schemaErrorGap(e, ctx.path) : unlistedKeysGap(e, ctx.path)));
  },
});
