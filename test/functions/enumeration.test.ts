import { describe, expect, it } from 'vitest';
import enumeration from '../../src/engine/functions/enumeration.js';
import { run } from './helpers.js';

describe('enumeration', () => {
  it('accepts a listed value and a missing one', () => {
    expect(run(enumeration, 'a', { values: ['a', 'b'] })).toEqual([]);
    expect(run(enumeration, undefined, { values: ['a'] })).toEqual([]);
  });
  it('rejects another value with the allowed list', () => {
    expect(run(enumeration, false, { values: [true] })).toEqual([{ values: { actual: { term: 'false' }, expected: [{ term: 'true' }] } }]);
  });
});
