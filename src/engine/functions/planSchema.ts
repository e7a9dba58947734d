import planSchemaJson from '../../plan/plan.schema.json' with { type: 'json' };
import { isPlaceholder } from '../../plan/placeholder.js';
import type { Gap } from '../gap.js';
import { schemaErrorGap, unlistedKeysGap } from './schemaErrorGap.js';
import { declaredSchemaGap, SCHEMA_MESSAGES, schemaMessageIds, type SchemaMessageId } from './schemaMessages.js';
import { defineFunction } from './types.js';

/**
 * The whole plan conforms to the plan format's JSON Schema (docs/plan-format.md). A value still
 * holding the placeholder 待填写 is not yet filled in rather than of the wrong type or pattern:
 * the `placeholder-unfilled` rule reports it once, so a fresh `rural-audit init` skeleton passes.
 */
export default defineFunction<Record<string, never>, SchemaMessageId>({
  name: 'planSchema',
  summary: 'The whole plan violates the plan format’s schema (docs/plan-format.md): one gap per violation, as `schema`; a placeholder 待填写 counts as unfilled, not as a violation.',
  messages: SCHEMA_MESSAGES,
  values: ['field', 'missing', 'actual', 'expected', 'count', 'limit'],
  // `if` only says its `then` failed, and is skipped.
  emits: () => schemaMessageIds(planSchemaJson),
  optionsSchema: { type: 'object', additionalProperties: false },
  check(target, _options, ctx) {
    const gaps: Gap<SchemaMessageId>[] = [];
    // Unknown keys one by one up to a limit per mapping, then one gap with the count (counted by
    // ctx.schemaErrors): a plan of 340,000 unknown keys gets 21 gaps, not 340,000.
    const more: Gap<SchemaMessageId>[] = [];
    for (const e of ctx.schemaErrors(planSchemaJson, target)) {
      // An `if` failure only says its `then` failed; that error names what is missing.
      if (e.keyword === 'if' || isPlaceholder(e.params.data)) continue;
      if (e.unlisted === undefined) gaps.push(declaredSchemaGap(schemaErrorGap(e, ctx.path)));
      else more.push(unlistedKeysGap(e, ctx.path));
    }
    return more.length > 0 ? [...gaps, ...more] : gaps;
  },
});
