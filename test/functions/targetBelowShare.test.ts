import { describe, expect, it } from 'vitest';
import targetBelowShare from '../../src/engine/functions/targetBelowShare.js';
import { run } from './helpers.js';

const hollow = { properties: { income: { const: 0 } } };
const where = { required: ['income'], properties: { income: { type: 'number' } } };
const root = (incomes: unknown[]) => ({ villages: incomes.map((income, i) => ({ code: String(i), ...(income === undefined ? {} : { income }) })) });
// 2 hollow shells of 8 reporting villages: the county's current share is 25 %.
const county = root([0, 0, 1, 2, 3, 4, 5, 6, undefined, '12.5万']);

describe('targetBelowShare', () => {
  it('accepts a target below the current share', () => {
    expect(run(targetBelowShare, 0.1, { units: 'villages', where, match: hollow }, ['t'], county)).toEqual([]);
  });
  it('reports a target at or above the current share, with both shares', () => {
    expect(run(targetBelowShare, 0.25, { units: 'villages', where, match: hollow }, ['t'], county)).toEqual([
      { values: { actual: '25.0%', current: '25.0%', count: 2, total: 8, expected: '< 25.0%', bound: { term: 'max' } } },
    ]);
  });
  it('holds a county with no such village to 0', () => {
    const clean = root([1, 2]);
    expect(run(targetBelowShare, 0, { units: 'villages', where, match: hollow }, ['t'], clean)).toEqual([]);
    expect(run(targetBelowShare, 0.075, { units: 'villages', where, match: hollow }, ['t'], clean)[0]!.values.expected).toBe('0.0%');
  });
  it('reports a target above max whatever the current share', () => {
    const gaps = run(targetBelowShare, 0.1, { units: 'villages', where, match: hollow, max: 0 }, ['t'], county);
    expect(gaps).toMatchObject([{ messageId: 'aboveMax', values: { actual: '10.0%', expected: '0.0%', current: '25.0%' } }]);
  });
  it('checks only max when no village reports', () => {
    expect(run(targetBelowShare, 0.5, { units: 'villages', where, match: hollow }, ['t'], {})).toEqual([]);
    expect(run(targetBelowShare, 0.5, { units: 'villages', where, match: hollow, max: 0 }, ['t'], {})).toMatchObject([{ messageId: 'aboveMax' }]);
  });
  it('reports a missing target only when required, and leaves a non-number to the plan schema', () => {
    expect(run(targetBelowShare, undefined, { units: 'villages', match: hollow }, ['t'], county)).toEqual([]);
    expect(run(targetBelowShare, undefined, { units: 'villages', match: hollow, required: true }, ['t'], county)).toMatchObject([{ messageId: 'missing' }]);
    expect(run(targetBelowShare, '5%', { units: 'villages', match: hollow, required: true }, ['t'], county)).toEqual([]);
  });
});
