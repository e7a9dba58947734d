import { describe, expect, it } from 'vitest';
import pattern from '../../src/engine/functions/pattern.js';
import { run } from './helpers.js';

describe('pattern', () => {
  const opts = { match: '^\\d{6}$' };
  it('accepts a matching string and a missing value', () => {
    expect(run(pattern, '439921', opts)).toEqual([]);
    expect(run(pattern, undefined, opts)).toEqual([]);
  });
  it('rejects a string that does not match, and a non-string', () => {
    expect(run(pattern, '43992', opts)).toEqual([{ values: { actual: '43992', expected: '^\\d{6}$' } }]);
    expect(run(pattern, 439921, opts)[0]!.values.actual).toBe(439921);
  });
  it('matches by Unicode code points', () => expect(run(pattern, '村', { match: '^.$' })).toEqual([]));
});
