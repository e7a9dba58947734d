import { term } from '../gap.js';
import { defineFunction } from './types.js';
import { shown } from './shown.js';

/** The node equals one given value; a missing node does not. */
export default defineFunction<{ value: string | number | boolean }>({
  name: 'equals',
  optionsSchema: {
    type: 'object',
    required: ['value'],
    additionalProperties: false,
    properties: { value: { type: ['string', 'number', 'boolean'] } },
  },
  check(target, { value }) {
    if (target === value) return [];
    return [{ values: { actual: target === undefined ? term('missing') : shown(target), expected: shown(value) } }];
  },
});
