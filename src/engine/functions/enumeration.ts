import { defineFunction } from './types.js';
import { shown } from './shown.js';

/** The node, when present, is one of the listed values. */
export default defineFunction<{ values: (string | number | boolean)[] }>({
  name: 'enumeration',
  summary: 'A present value is not one of `values`.',
  messages: {},
  values: ['actual', 'expected'],
  optionsSchema: {
    type: 'object',
    required: ['values'],
    additionalProperties: false,
    properties: { values: { description: 'the allowed values', type: 'array', minItems: 1, items: { type: ['string', 'number', 'boolean'] } } },
  },
  check(target, { values }) {
    if (target === undefined || values.includes(target as string)) return [];
    return [{ values: { actual: shown(target), expected: values.map((v) => shown(v) as string) } }];
  },
});
