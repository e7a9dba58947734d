import type { Gap } from '../gap.js';
import { schemaErrorGap, unlistedKeysGap } from './schemaErrorGap.js';
import { declaredSchemaGap, SCHEMA_MESSAGES, schemaMessageIds, type SchemaMessageId } from './schemaMessages.js';
import { defineFunction } from './types.js';

/**
 * The node conforms to a JSON Schema written in the rule; one gap per violation, at the violating
 * node (unknown keys past the limit of a mapping: one gap with their count, as plan-schema gives).
 */
export default defineFunction<{ schema: object }, SchemaMessageId>({
  name: 'schema',
  summary:
    'The node violates a JSON Schema written in the rule: one gap per violation, its message id the keyword. A rule needs a template for the ids of the keywords its schema uses; a keyword not listed below gets the rule’s `message`.',
  messages: SCHEMA_MESSAGES,
  values: ['field', 'missing', 'actual', 'expected'],
  emits: ({ schema }) => schemaMessageIds(schema),
  optionsSchema: {
    type: 'object',
    required: ['schema'],
    additionalProperties: false,
    properties: { schema: { description: 'the JSON Schema the node must conform to', type: 'object' } },
  },
  check(target, { schema }, ctx): Gap<SchemaMessageId>[] {
    if (target === undefined) return [];
    return ctx.schemaErrors(schema, target).map((e) => (e.unlisted === undefined ? declaredSchemaGap(schemaErrorGap(e, ctx.path)) : unlistedKeysGap(e, ctx.path)));
  },
});
