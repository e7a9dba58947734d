import { describe, expect, it } from 'vitest';
import fragmented from '../../src/engine/functions/fragmented.js';
import { run } from './helpers.js';

const small = (id: string, kind: string, village: string, funding: Record<string, number>, funds = 100000) => ({ id, name: id, kind, villages: [village], funds, funding });
const options = { below: 500000, exempt: ['household_support'], label: '{{id}}' };

describe('fragmented', () => {
  it('reports small projects of one kind in one village from different channels, once, at the first', () => {
    const projects = [small('a', 'industry', 'v1', { linking_funds: 1 }), small('b', 'infrastructure', 'v1', { linking_funds: 1 }), small('c', 'industry', 'v1', { other_fiscal: 0.5, self_raised: 0.5 })];
    expect(run(fragmented, projects, options, ['projects'])).toEqual([
      {
        path: ['projects', 0],
        related: [['projects', 2]],
        values: { village: 'v1', kind: { term: 'industry' }, count: 2, channels: 2, actual: 2, expected: 1, items: ['a', 'c'] },
        item: 'v1:industry',
      },
    ]);
  });
  it('lets one channel, large projects, other villages and household support pass', () => {
    expect(run(fragmented, [small('a', 'industry', 'v1', { linking_funds: 1 }), small('b', 'industry', 'v1', { linking_funds: 1 })], options)).toEqual([]);
    expect(run(fragmented, [small('a', 'industry', 'v1', { linking_funds: 1 }, 900000), small('b', 'industry', 'v1', { other_fiscal: 1 })], options)).toEqual([]);
    expect(run(fragmented, [small('a', 'industry', 'v1', { linking_funds: 1 }), small('b', 'industry', 'v2', { other_fiscal: 1 })], options)).toEqual([]);
    expect(run(fragmented, [small('a', 'household_support', 'v1', { linking_funds: 1 }), small('b', 'household_support', 'v1', { other_fiscal: 1 })], options)).toEqual([]);
  });
  it('does not judge projects without a kind or a stated funding', () => {
    expect(run(fragmented, [{ id: 'a', villages: ['v1'], funds: 1 }, { id: 'b', kind: 'industry', villages: ['v1'], funds: 1 }], options)).toEqual([]);
  });
});
