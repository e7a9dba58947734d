import planSchemaJson from '../../plan/plan.schema.json' with { type: 'json' };
import { isPlaceholder } from '../../plan/placeholder.js';
import type { Gap } from '../gap.js';
import { term } from '../gap.js';
import { LIMITS } from '../limits.js';
import { schemaErrorGap } from './schemaErrorGap.js';
import { declaredSchemaGap, SCHEMA_MESSAGES, schemaMessageIds, type SchemaMessageId } from './schemaMessages.js';
import { defineFunction, type SchemaError } from './types.js';

/**
 * The whole plan conforms to the plan format's JSON Schema (docs/plan-format.md). A value still
 * holding the placeholder 待填写 is not yet filled in rather than of the wrong type or pattern:
 * the `placeholder-unfilled` rule reports it once, so a fresh `rural-audit init` skeleton passes.
 */
export default defineFunction<Record<string, never>, SchemaMessageId | 'additionalPropertiesMore'>({
  name: 'planSchema',
  summary: 'The whole plan violates the plan format’s schema (docs/plan-format.md): one gap per violation, as `schema`; a placeholder 待填写 counts as unfilled, not as a violation.',
  messages: { ...SCHEMA_MESSAGES, additionalPropertiesMore: 'more unknown keys in one mapping than are listed one by one (`count` more)' },
  values: ['field', 'missing', 'actual', 'expected', 'count', 'limit'],
  // `if` only says its `then` failed, and is skipped.
  emits: () => [...schemaMessageIds(planSchemaJson), 'additionalPropertiesMore'],
  optionsSchema: { type: 'object', additionalProperties: false },
  check(target, _options, ctx) {
    const gaps: Gap<SchemaMessageId | 'additionalPropertiesMore'>[] = [];
    // Unknown keys one by one up to a limit per mapping, then one gap with the count: a plan of
    // 340,000 unknown keys gets 21 gaps, not 340,000.
    const unknownKeys = new Map<string, { path: SchemaError['path']; count: number }>();
    for (const e of ctx.schemaErrors(planSchemaJson, target)) {
      // An `if` failure only says its `then` failed; that error names what is missing.
      if (e.keyword === 'if' || isPlaceholder(e.params.data)) continue;
      if (e.keyword === 'additionalProperties') {
        const mapping = JSON.stringify(e.path);
        const seen = unknownKeys.get(mapping) ?? { path: e.path, count: 0 };
        unknownKeys.set(mapping, seen);
        if (++seen.count > LIMITS.unknownKeysPerMapping) continue;
      }
      gaps.push(declaredSchemaGap(schemaErrorGap(e, ctx.path)));
    }
    for (const { path, count } of unknownKeys.values()) {
      if (count <= LIMITS.unknownKeysPerMapping) continue;
      const more = count - LIMITS.unknownKeysPerMapping;
      gaps.push({
        path: [...ctx.path, ...path],
        messageId: 'additionalPropertiesMore',
        values: { count: more, limit: LIMITS.unknownKeysPerMapping, actual: more, expected: term('known-key') },
      });
    }
    return gaps;
  },
});
