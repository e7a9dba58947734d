import { describe, expect, it } from 'vitest';
import share from '../../src/engine/functions/share.js';
import { run } from './helpers.js';

const hollow = { required: ['income'], properties: { income: { const: 0 } } };
const villages = [
  { name: '甲村', code: '1', income: 0 },
  { name: '乙村', code: '2', income: 80000 },
  { name: '丙村', code: '3', income: 0 },
  { name: '丁村', code: '4', income: 120000 },
  { name: '戊村', code: '5' },
];

describe('share', () => {
  it('accepts a share at or under max', () => {
    expect(run(share, villages, { match: hollow, max: 0.4 })).toEqual([]);
  });
  it('reports a share over max at the first matching item, naming every matching one', () => {
    const gaps = run(share, villages, { match: hollow, max: 0.2, label: '{{name}}（{{code}}）' }, ['villages']);
    expect(gaps).toEqual([
      {
        path: ['villages', 0],
        related: [['villages', 2]],
        values: { count: 2, total: 5, actual: '40.0%', expected: '20.0%', bound: { term: 'max' }, items: ['甲村（1）', '丙村（3）'] },
      },
    ]);
  });
  it('with max 0 flags any matching item', () => {
    expect(run(share, villages, { match: hollow, max: 0 })[0]!.values.count).toBe(2);
  });
  it('counts only the items where applies', () => {
    const where = { required: ['income'] };
    expect(run(share, villages, { where, match: hollow, max: 0.2 })[0]!.values).toMatchObject({ count: 2, total: 4, actual: '50.0%' });
  });
  it('reports a share under min at the list', () => {
    const gaps = run(share, villages, { match: hollow, min: 0.5 }, ['villages']);
    expect(gaps).toHaveLength(1);
    expect(gaps[0]!.messageId).toBe('tooFew');
    expect(gaps[0]!.path).toBeUndefined();
    expect(gaps[0]!.values).toMatchObject({ actual: '40.0%', expected: '50.0%' });
  });
  it('has nothing to say about an empty or missing list', () => {
    expect(run(share, [], { match: hollow, max: 0 })).toEqual([]);
    expect(run(share, undefined, { match: hollow, max: 0 })).toEqual([]);
  });
});
