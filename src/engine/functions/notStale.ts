import { dayNumber } from './date.js';
import { defineFunction } from './types.js';

interface Options {
  /** The day ages are measured to: the audit date (`{$today: true}`). */
  asOf: string;
  /** A year (or a date's year) more than this many years before `asOf`'s year is stale. */
  maxAgeYears?: number;
  /** A date before this day is stale (e.g. an evaluation made before the plan period began). */
  notBefore?: string;
}

/**
 * Data still current on the audit date: a data year (`threshold_year: 2022`) or a date
 * (`evaluated_on`) no older than the rule allows. The gap names the value and its age in years.
 * Values that are no year or date are left to the plan format's rule.
 */
export default defineFunction<Options, 'beforePeriod'>({
  name: 'notStale',
  summary: 'A data year (or a date’s year) is more than `maxAgeYears` years before the audit date’s year, or a date lies before `notBefore`.',
  messages: {
    beforePeriod: 'a date before `notBefore` (e.g. made before the plan period began)',
  },
  values: ['actual', 'age', 'today', 'expected'],
  emits: ({ notBefore }) => (notBefore === undefined ? [] : ['beforePeriod']),
  optionsSchema: {
    type: 'object',
    required: ['asOf'],
    additionalProperties: false,
    properties: {
      asOf: { description: 'the day ages are measured to: the audit date (`{$today: true}`)', type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
      maxAgeYears: { description: 'a year more than this many years before `asOf`’s year is stale', type: 'integer', minimum: 0 },
      notBefore: { description: 'a date before this day is stale', type: 'string' },
    },
  },
  check(target, { asOf, maxAgeYears, notBefore }) {
    const asOfDay = dayNumber(asOf);
    const day = dayNumber(target);
    const year = Number.isInteger(target) ? (target as number) : day === undefined ? undefined : Math.floor(day / 10000);
    if (asOfDay === undefined || year === undefined) return [];
    // Whole years: a date counts a year older only once its anniversary has passed.
    const age = day === undefined ? Math.floor(asOfDay / 10000) - year : Math.floor((asOfDay - day) / 10000);
    const values = { actual: target as string | number, age, today: asOf };
    if (maxAgeYears !== undefined && Math.floor(asOfDay / 10000) - year > maxAgeYears) return [{ values: { ...values, expected: maxAgeYears } }];
    const floor = dayNumber(notBefore);
    if (day !== undefined && floor !== undefined && day < floor) return [{ messageId: 'beforePeriod', values: { ...values, expected: notBefore! } }];
    return [];
  },
});
