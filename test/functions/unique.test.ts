import { describe, expect, it } from 'vitest';
import unique from '../../src/engine/functions/unique.js';
import { run } from './helpers.js';

describe('unique', () => {
  it('accepts distinct values', () => expect(run(unique, [{ code: 'a' }, { code: 'b' }], { by: 'code' })).toEqual([]));
  it('reports each repeat at the repeat, pointing back at the first', () => {
    const list = [{ code: 'a' }, { code: 'b' }, { code: 'a' }];
    expect(run(unique, list, { by: 'code' }, ['villages'])).toEqual([
      { path: ['villages', 2, 'code'], values: { actual: 'a', expected: 1 }, related: [['villages', 0, 'code']], item: 'a' },
    ]);
  });
  it('compares whole items without by', () => expect(run(unique, [1, 2, 1], {})).toHaveLength(1));
  it('ignores non-lists', () => expect(run(unique, 'x', {})).toEqual([]));
});
