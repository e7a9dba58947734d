import { term } from '../gap.js';
import { defineFunction } from './types.js';

/** The node exists and is not null or an empty string. */
export default defineFunction<Record<string, never>>({
  name: 'present',
  summary: 'The node is missing, null or an empty text.',
  messages: {},
  values: ['actual', 'expected'],
  optionsSchema: { type: 'object', additionalProperties: false },
  check(target) {
    if (target === undefined || target === null || target === '') {
      return [{ values: { actual: term('missing'), expected: term('present') } }];
    }
    return [];
  },
});
