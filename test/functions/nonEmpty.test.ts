import { describe, expect, it } from 'vitest';
import nonEmpty from '../../src/engine/functions/nonEmpty.js';
import { run } from './helpers.js';

describe('nonEmpty', () => {
  it.each([[[1]], [{ a: 1 }], ['x']])('accepts %j', (v) => expect(run(nonEmpty, v, {})).toEqual([]));
  it.each([[[]], [{}], ['  '], [undefined], [7]])('rejects %j with its size', (v) => {
    expect(run(nonEmpty, v, {})).toEqual([{ values: { actual: 0, expected: 1 } }]);
  });
  it('counts against min', () => expect(run(nonEmpty, [1, 2], { min: 3 })).toEqual([{ values: { actual: 2, expected: 3 } }]));
});
