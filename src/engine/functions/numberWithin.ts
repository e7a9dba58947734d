import { term } from '../gap.js';
import { defineFunction } from './types.js';
import { percent } from './percent.js';
import { shown } from './shown.js';

interface Options {
  min?: number;
  max?: number;
  /** A missing number is a gap too (a target the plan must set); otherwise only present numbers are checked. */
  required?: boolean;
}

/** A number lies within `min`…`max` (inclusive), e.g. a target no higher than the document's baseline. */
export default defineFunction<Options, 'missing' | 'notNumber'>({
  name: 'numberWithin',
  summary: 'A number lies below `min` or above `max`; a missing one only counts when `required`.',
  messages: {
    missing: 'the number is missing and `required` is set',
    notNumber: 'the value is not a number',
  },
  values: ['actual', 'expected', 'bound', 'actualPercent', 'expectedPercent'],
  emits: ({ required }) => (required ? ['missing', 'notNumber'] : ['notNumber']),
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      min: { description: 'lowest allowed number', type: 'number' },
      max: { description: 'highest allowed number', type: 'number' },
      required: { description: 'a missing number is a gap too', type: 'boolean' },
    },
  },
  check(target, { min, max, required = false }) {
    if (target === undefined || target === null) {
      return required ? [{ messageId: 'missing', values: { actual: term('missing'), expected: bounds(min, max) } }] : [];
    }
    if (typeof target !== 'number' || Number.isNaN(target)) {
      return [{ messageId: 'notNumber', values: { actual: shown(target), expected: term('number') } }];
    }
    // A share is read as a percentage in a message (0.8 → 80.0%); the report keeps the number.
    const out = (limit: number, bound: 'min' | 'max') => [
      { values: { actual: target, expected: limit, bound: term(bound), actualPercent: percent(target), expectedPercent: percent(limit) } },
    ];
    if (min !== undefined && target < min) return out(min, 'min');
    if (max !== undefined && target > max) return out(max, 'max');
    return [];
  },
});

function bounds(min?: number, max?: number): string {
  if (min !== undefined && max !== undefined) return `${min}–${max}`;
  if (min !== undefined) return `≥ ${min}`;
  if (max !== undefined) return `≤ ${max}`;
  return 'number';
}
