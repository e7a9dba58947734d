import type { Gap } from '../gap.js';
import { schemaErrorGap } from './schemaErrorGap.js';
import { defineFunction } from './types.js';

/** The node conforms to a JSON Schema written in the rule; one gap per violation, at the violating node. */
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
    return ctx.schemaErrors(schema, target).map((e) => schemaErrorGap(e, ctx.path));
  },
});
