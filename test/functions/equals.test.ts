import { describe, expect, it } from 'vitest';
import equals from '../../src/engine/functions/equals.js';
import { run } from './helpers.js';

describe('equals', () => {
  it('accepts the value', () => expect(run(equals, true, { value: true })).toEqual([]));
  it('rejects another value, showing both', () => {
    expect(run(equals, 'member', { value: 'chair' })).toEqual([{ values: { actual: { term: 'member' }, expected: { term: 'chair' } } }]);
  });
  it('rejects a missing value as missing', () => {
    expect(run(equals, undefined, { value: true })[0]!.values.actual).toEqual({ term: 'missing' });
  });
  it('does not coerce', () => expect(run(equals, 'true', { value: true })).toHaveLength(1));
});
