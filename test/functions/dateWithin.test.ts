import { describe, expect, it } from 'vitest';
import dateWithin from '../../src/engine/functions/dateWithin.js';
import { run } from './helpers.js';

describe('dateWithin', () => {
  const opts = { min: '2025-12-31' };
  it('accepts a date on or after min, and a missing one', () => {
    expect(run(dateWithin, '2025-12-31', opts)).toEqual([]);
    expect(run(dateWithin, '2026-06-30', opts)).toEqual([]);
    expect(run(dateWithin, undefined, opts)).toEqual([]);
  });
  it('rejects an earlier date with both dates', () => {
    expect(run(dateWithin, '2023-12-31', opts)).toEqual([{ values: { actual: '2023-12-31', expected: '2025-12-31', bound: { term: 'min' } } }]);
  });
  it('rejects a later date than max', () => {
    expect(run(dateWithin, '2031-01-01', { max: '2030-12-31' })[0]!.values.bound).toEqual({ term: 'max' });
  });
  it.each(['2025-02-30', '2025/12/31', 20251231, 'soon'])('rejects %j as not a date', (v) => {
    expect(run(dateWithin, v, opts)[0]!.messageId).toBe('invalidDate');
  });
});
