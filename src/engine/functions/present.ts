import { term } from '../gap.js';
import { defineFunction } from './types.js';

/** The node exists and is not null or an empty string. */
export default defineFunction<Record<string, never>>({
  name: 'present',
  optionsSchema: { type: 'object', additionalProperties: false },
  check(target) {
    if (target === undefined || target === null || target === '') {
      return [{ values: { actual: term('missing'), expected: term('present') } }];
    }
    return [];
  },
});
