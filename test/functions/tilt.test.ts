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
  it('accepts funds that reach favoured units at least in proportion to their number', () => {
    const plan = { villages, projects: [{ funds: 100, villages: ['a', 'b'] }, { funds: 100, villages: ['c'] }] };
    // a gets 50 of 200 = 25%, a is 1 of 4 villages = 25%
    expect(run(tilt, plan, options, [])).toEqual([]);
  });
  it('reports funds that bypass favoured units, with both shares and amounts', () => {
    const plan = { villages, projects: [{ funds: 100, villages: ['a', 'b', 'c', 'd'] }, { funds: 300, villages: ['c'] }] };
    expect(run(tilt, plan, options, [])).toEqual([
      {
        path: ['projects'],
        values: { actual: '6.3%', expected: '25.0%', unitShare: '25.0%', favoured: 1, total: 4, amount: 25, totalAmount: 400 },
      },
    ]);
  });
  it('scales the requirement by minRatio', () => {
    const plan = { villages, projects: [{ funds: 100, villages: ['a', 'b'] }, { funds: 100, villages: ['c'] }] };
    expect(run(tilt, plan, { ...options, minRatio: 2 }, [])[0]!.values).toMatchObject({ actual: '25.0%', expected: '50.0%' });
  });
  it('ignores items without amounts or units, and plans without favoured units or projects', () => {
    expect(run(tilt, { villages, projects: [{ villages: ['b'] }, { funds: 10, villages: [] }] }, options, [])).toEqual([]);
    expect(run(tilt, { villages: [{ code: 'b' }], projects: [{ funds: 10, villages: ['b'] }] }, options, [])).toEqual([]);
    expect(run(tilt, { villages }, options, [])).toEqual([]);
  });
});
