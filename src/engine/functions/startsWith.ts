import { defineFunction } from './types.js';
import { shown } from './shown.js';

/** The node, when present, is a string that starts with a prefix (e.g. a village code with its county's code). */
export default defineFunction<{ prefix?: string }>({
  name: 'startsWith',
  summary: 'A present value does not start with `prefix` (e.g. a village code with its county’s code). Without a prefix nothing is checked.',
  messages: {},
  values: ['actual', 'expected'],
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { prefix: { description: 'the text the value must start with', type: 'string' } },
  },
  check(target, { prefix }) {
    if (target === undefined || typeof prefix !== 'string' || prefix === '') return [];
    if (typeof target === 'string' && target.startsWith(prefix)) return [];
    return [{ values: { actual: shown(target), expected: prefix } }];
  },
});
