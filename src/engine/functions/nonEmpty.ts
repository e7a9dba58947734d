import { defineFunction } from './types.js';
import { isRecord } from '../select.js';

/** A list, mapping or text with at least `min` items (entries, characters). */
export default defineFunction<{ min?: number }>({
  name: 'nonEmpty',
  summary: 'A list, mapping or text has fewer than `min` items, entries or characters (a missing node has none).',
  messages: {},
  values: ['actual', 'expected'],
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { min: { description: 'fewest items, entries or characters (1)', type: 'integer', minimum: 1 } },
  },
  check(target, { min = 1 }) {
    const size = Array.isArray(target)
      ? target.length
      : isRecord(target)
        ? Object.keys(target).length
        : typeof target === 'string'
          ? target.trim().length
          : 0;
    return size >= min ? [] : [{ values: { actual: size, expected: min } }];
  },
});
