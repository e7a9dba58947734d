import { term } from '../gap.js';
import { defineFunction } from './types.js';
import { shown } from './shown.js';

/** The node equals one given value; a missing node does not, and says so with the message `missing`. */
export default defineFunction<{ value: string | number | boolean }, 'missing'>({
  name: 'equals',
  summary: 'The node is not exactly `value`.',
  messages: {
    missing: 'the node is missing altogether',
  },
  values: ['actual', 'expected'],
  optionsSchema: {
    type: 'object',
    required: ['value'],
    additionalProperties: false,
    properties: { value: { description: 'the one value the node must have', type: ['string', 'number', 'boolean'] } },
  },
  check(target, { value }) {
    if (target === value) return [];
    if (target === undefined) return [{ messageId: 'missing', values: { actual: term('missing'), expected: shown(value) } }];
    return [{ values: { actual: shown(target), expected: shown(value) } }];
  },
});
