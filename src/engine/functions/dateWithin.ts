import { term } from '../gap.js';
import { dayNumber } from './date.js';
import { defineFunction } from './types.js';
import { shown } from './shown.js';

/**
 * A date, when present, is a real day on or after `min` and on or before `max`
 * (e.g. a no-removal kept at least until the transition period ends).
 */
export default defineFunction<{ min?: string; max?: string }, 'invalidDate'>({
  name: 'dateWithin',
  summary: 'A present date is not a real `YYYY-MM-DD` day, or lies before `min` or after `max`.',
  messages: {
    invalidDate: 'the value is not a real YYYY-MM-DD day',
  },
  values: ['actual', 'expected', 'bound'],
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { min: { description: 'earliest allowed day, `YYYY-MM-DD`', type: 'string' }, max: { description: 'latest allowed day', type: 'string' } },
  },
  check(target, { min, max }) {
    if (target === undefined) return [];
    const day = dayNumber(target);
    if (day === undefined) return [{ messageId: 'invalidDate', values: { actual: shown(target), expected: term('date') } }];
    const lo = dayNumber(min);
    const hi = dayNumber(max);
    if (lo !== undefined && day < lo) return [{ values: { actual: target as string, expected: min!, bound: term('min') } }];
    if (hi !== undefined && day > hi) return [{ values: { actual: target as string, expected: max!, bound: term('max') } }];
    return [];
  },
});
