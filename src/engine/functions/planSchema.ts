import planSchemaJson from '../../plan/plan.schema.json' with { type: 'json' };
import { schemaErrorGap } from './schemaErrorGap.js';
import { defineFunction } from './types.js';

/** The whole plan conforms to the plan format's JSON Schema (docs/plan-format.md). */
export default defineFunction<Record<string, never>>({
  name: 'planSchema',
  optionsSchema: { type: 'object', additionalProperties: false },
  check(target, _options, ctx) {
    return ctx.schemaErrors(planSchemaJson, target).map((e) => schemaErrorGap(e, ctx.path));
  },
});
