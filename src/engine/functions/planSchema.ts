import planSchemaJson from '../../plan/plan.schema.json' with { type: 'json' };
import { isPlaceholder } from '../../plan/placeholder.js';
import { schemaErrorGap } from './schemaErrorGap.js';
import { defineFunction } from './types.js';

/**
 * The whole plan conforms to the plan format's JSON Schema (docs/plan-format.md). A value still
 * holding the placeholder 待填写 is not yet filled in rather than of the wrong type or pattern:
 * the `placeholder-unfilled` rule reports it once, so a fresh `rural-audit init` skeleton passes.
 */
export default defineFunction<Record<string, never>>({
  name: 'planSchema',
  optionsSchema: { type: 'object', additionalProperties: false },
  check(target, _options, ctx) {
    return ctx
      .schemaErrors(planSchemaJson, target)
      // An `if` failure only says its `then` failed; that error names what is missing.
      .filter((e) => e.keyword !== 'if' && !isPlaceholder(e.params.data))
      .map((e) => schemaErrorGap(e, ctx.path));
  },
});
