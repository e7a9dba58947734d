import type { Gap } from '../gap.js';

/**
 * The message ids a JSON Schema violation carries (`schemaErrorGap`): the failing keyword, or a
 * more helpful reading of one. A keyword not listed here gets the rule's own `message`.
 */
export const SCHEMA_MESSAGES = {
  required: 'a required field is missing (`missing`: its name)',
  additionalProperties: 'a key the schema does not know',
  additionalPropertiesMore: 'more unknown keys in one mapping than are listed one by one (`count` more)',
  type: 'a value of the wrong type',
  amountText: 'a number written as an amount in words (`12.5万`, `60,000元`); `expected` is the number of yuan',
  booleanText: 'a yes/no written as text (`是`, `有`) where true or false belongs',
  enum: 'a value outside the allowed codes; `expected` lists each code with its display name',
  const: 'a value other than the one required',
  pattern: 'a text that does not match its pattern (`expected`: the pattern’s description)',
  minimum: 'a number below its minimum',
  exclusiveMinimum: 'a number not above its exclusive minimum',
  maximum: 'a number above its maximum',
  percentage: 'a share (0–1) written as a percentage (`5` for 5 %); `expected` is the share',
  minItems: 'a list with fewer items than required',
  minLength: 'a text shorter than required',
  anyOf: 'a value that fits none of the alternatives',
} as const;

export type SchemaMessageId = keyof typeof SCHEMA_MESSAGES;

const isSchemaMessageId = (id: string | undefined): id is SchemaMessageId => id !== undefined && Object.hasOwn(SCHEMA_MESSAGES, id);

/** A schema gap with its id when it is a declared one; the rule's `message` serves any other keyword. */
export function declaredSchemaGap(gap: Gap): Gap<SchemaMessageId> {
  const { messageId, ...rest } = gap;
  return isSchemaMessageId(messageId) ? { ...rest, messageId } : rest;
}

/**
 * Keywords of a schema that hold subschemas (or maps/lists of them), where violations can also
 * come from. Not `if`: its subschema only decides between `then` and `else`, and fails no value.
 */
const SUBSCHEMAS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'items', 'additionalProperties', 'anyOf', 'oneOf', 'allOf', 'not', 'then', 'else', 'contains', 'propertyNames']);
/** Keywords whose values are maps of subschemas by name. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions']);

/**
 * The message ids violations of a JSON Schema can carry: one per keyword it uses (a `type` of
 * number also `amountText`, of boolean `booleanText`; a `maximum` of 1 also `percentage`).
 */
export function schemaMessageIds(schema: unknown): SchemaMessageId[] {
  const ids = new Set<SchemaMessageId>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'type') {
        ids.add('type');
        const types = Array.isArray(value) ? value : [value];
        if (types.includes('number') || types.includes('integer')) ids.add('amountText');
        if (types.includes('boolean')) ids.add('booleanText');
      } else if (key === 'maximum') {
        ids.add('maximum');
        if (value === 1) ids.add('percentage');
      } else if (key === 'additionalProperties') {
        if (value !== true) ids.add('additionalProperties').add('additionalPropertiesMore');
      } else if (key === 'required') {
        if (Array.isArray(value) && value.length > 0) ids.add('required');
      } else if (isSchemaMessageId(key)) ids.add(key);
      if (!SUBSCHEMAS.has(key)) continue;
      if (SCHEMA_MAPS.has(key) && typeof value === 'object' && value !== null) Object.values(value).forEach(visit);
      else visit(value);
    }
  };
  visit(schema);
  return [...ids].sort();
}
