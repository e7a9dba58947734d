import { describe, expect, it } from 'vitest';
import numberWithin from '../../src/engine/functions/numberWithin.js';
import { run } from './helpers.js';

describe('numberWithin', () => {
  it('accepts numbers within the bounds, inclusive', () => {
    expect(run(numberWithin, 0.32, { max: 0.32 })).toEqual([]);
    expect(run(numberWithin, 5, { min: 5, max: 10 })).toEqual([]);
  });
  it('reports a number below min or above max with the bound it crosses', () => {
    expect(run(numberWithin, 4, { min: 5 })).toEqual([{ values: { actual: 4, expected: 5, bound: { term: 'min' }, actualPercent: '400.0%', expectedPercent: '500.0%' } }]);
    // A share is also given as a percentage, for messages that read it so.
    expect(run(numberWithin, 0.4, { max: 0.32 })).toEqual([{ values: { actual: 0.4, expected: 0.32, bound: { term: 'max' }, actualPercent: '40.0%', expectedPercent: '32.0%' } }]);
  });
  it('ignores a missing number unless required', () => {
    expect(run(numberWithin, undefined, { max: 1 })).toEqual([]);
    expect(run(numberWithin, undefined, { max: 0.32, required: true })).toEqual([
      { messageId: 'missing', values: { actual: { term: 'missing' }, expected: '≤ 0.32' } },
    ]);
  });
  it('reports text where a number belongs', () => {
    expect(run(numberWithin, '三成', { max: 1 })[0]!.messageId).toBe('notNumber');
  });
});
