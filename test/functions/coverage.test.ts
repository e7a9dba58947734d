import { describe, expect, it } from 'vitest';
import coverage from '../../src/engine/functions/coverage.js';
import { run } from './helpers.js';

const covered = { required: ['plan'] };
const villages = [
  { name: '甲村', code: '1', plan: {} },
  { name: '乙村', code: '2' },
  { name: '丙村', code: '3', plan: {} },
  { name: '丁村', code: '4' },
];

describe('coverage', () => {
  it('accepts full coverage', () => {
    expect(run(coverage, villages.filter((v) => v.plan), { covered, min: 1 })).toEqual([]);
  });
  it('reports one gap at the first uncovered item, with counts, shares and names', () => {
    const gaps = run(coverage, villages, { covered, min: 1, label: '{{name}}（{{code}}）' }, ['villages']);
    expect(gaps).toEqual([
      {
        path: ['villages', 1],
        related: [['villages', 3]],
        values: { count: 2, total: 4, share: '50.0%', actual: '50.0%', expected: '100.0%', items: ['乙村（2）', '丁村（4）'] },
      },
    ]);
  });
  it('accepts coverage at the threshold', () => expect(run(coverage, villages, { covered, min: 0.5 })).toEqual([]));
  it('counts only the items where applies', () => {
    const where = { properties: { code: { enum: ['1', '2'] } } };
    expect(run(coverage, villages, { covered, min: 1, where })[0]!.values).toMatchObject({ count: 1, total: 2 });
  });
  it('has nothing to say about an empty or missing list', () => {
    expect(run(coverage, [], { covered, min: 1 })).toEqual([]);
    expect(run(coverage, undefined, { covered, min: 1 })).toEqual([]);
  });
});
