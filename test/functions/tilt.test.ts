import { describe, expect, it } from 'vitest';
import tilt from '../../src/engine/functions/tilt.js';
import { run } from './helpers.js';

const options = {
  units: 'villages',
  favoured: { properties: { poor: { const: true } }, required: ['poor'] },
  items: 'projects',
  refs: 'villages',
  amount: 'funds',
  minRatio: 1,
};
const villages = [
  { code: 'a', poor: true },
  { code: 'b', poor: false },
  { code: 'c', poor: false },
  { code: 'd', poor: false },
];

describe('tilt', () => {
  it('accepts favoured units that get more on average than the others', () => {
    const plan = { villages, projects: [{ funds: 100, villages: ['a', 'b'] }, { funds: 60, villages: ['c'] }] };
    // a gets 50; b, c, d get 50 + 60 + 0 = 110 together, 36.7 on average
    expect(run(tilt, plan, options, [])).toEqual([]);
  });
  it('reports an even split: no tilt', () => {
    const plan = { villages, projects: [{ funds: 400, villages: ['a', 'b', 'c', 'd'] }] };
    expect(run(tilt, plan, options, [])).toEqual([
      {
        path: ['projects'],
        values: {
          ...{ actual: 100, expected: '> 100', others: 100, ratio: 1, favoured: 1, otherUnits: 3 },
          ...{ actualWan: 0.01, othersWan: 0.01, boundWan: 0.01, actualYuan: '100', othersYuan: '100', boundYuan: '100' },
        },
      },
    ]);
  });
  it('reports funds that bypass favoured units, with both averages', () => {
    const plan = { villages, projects: [{ funds: 100, villages: ['a', 'b', 'c', 'd'] }, { funds: 300, villages: ['c'] }] };
    expect(run(tilt, plan, options, [])[0]!.values).toMatchObject({ actual: 25, others: 125 });
  });
  it('scales the requirement by minRatio', () => {
    const plan = { villages, projects: [{ funds: 100, villages: ['a', 'b'] }, { funds: 60, villages: ['c'] }] };
    expect(run(tilt, plan, { ...options, minRatio: 2 }, [])[0]!.values).toMatchObject({ actual: 50, expected: '> 73', boundYuan: '73' });
  });
  it('states the amounts in 万元 and, grouped by thousands, in yuan', () => {
    const plan = { villages, projects: [{ funds: 40000, villages: ['a'] }, { funds: 6750000, villages: ['b', 'c', 'd'] }] };
    expect(run(tilt, plan, options, [])[0]!.values).toMatchObject({ actualWan: 4, othersWan: 225, boundWan: 225, actualYuan: '40,000', othersYuan: '2,250,000' });
  });
  it('ignores items without amounts or units, and plans without favoured or other units or projects', () => {
    expect(run(tilt, { villages, projects: [{ villages: ['b'] }, { funds: 10, villages: [] }] }, options, [])).toEqual([]);
    expect(run(tilt, { villages: [{ code: 'b' }], projects: [{ funds: 10, villages: ['b'] }] }, options, [])).toEqual([]);
    expect(run(tilt, { villages: [{ code: 'a', poor: true }], projects: [{ funds: 10, villages: ['a'] }] }, options, [])).toEqual([]);
    expect(run(tilt, { villages }, options, [])).toEqual([]);
  });
});
