import { describe, expect, it } from 'vitest';
import startsWith from '../../src/engine/functions/startsWith.js';
import { run } from './helpers.js';

describe('startsWith', () => {
  it('accepts a code within its county', () => expect(run(startsWith, '439921101201', { prefix: '439921' })).toEqual([]));
  it('rejects a code of another county', () => {
    expect(run(startsWith, '430721101201', { prefix: '439921' })).toEqual([{ values: { actual: '430721101201', expected: '439921' } }]);
  });
  it('has nothing to say without a prefix or a value', () => {
    expect(run(startsWith, 'x', {})).toEqual([]);
    expect(run(startsWith, undefined, { prefix: 'a' })).toEqual([]);
  });
});
