import { describe, expect, it } from 'vitest';
import schema from '../../src/engine/functions/schema.js';
import planSchema from '../../src/engine/functions/planSchema.js';
import { run } from './helpers.js';

describe('schema', () => {
  const opts = { schema: { required: ['integrated'], properties: { integrated: { const: true } } } };
  it('accepts a conforming node and a missing one', () => {
    expect(run(schema, { integrated: true }, opts)).toEqual([]);
    expect(run(schema, undefined, opts)).toEqual([]);
  });
  it('reports a missing field at the node, by keyword', () => {
    const [gap] = run(schema, {}, opts, ['villages', 0, 'plan']);
    expect(gap).toMatchObject({ path: ['villages', 0, 'plan'], messageId: 'required', values: { missing: { term: 'integrated' } } });
  });
  it('reports a wrong value at the value', () => {
    const [gap] = run(schema, { integrated: false }, opts, ['p']);
    expect(gap).toMatchObject({ path: ['p', 'integrated'], messageId: 'const', values: { actual: { term: 'false' }, expected: { term: 'true' } } });
  });
});

describe('planSchema', () => {
  it('accepts a minimal plan', () => {
    expect(run(planSchema, { format_version: 1, county: { name: '桃溪县', code: '439921' } }, {}, [])).toEqual([]);
  });
  it('reports each violation at its node with readable values', () => {
    const plan = { format_version: 3, county: { name: '桃溪县', code: '439900' }, villages: [{ name: 'x', code: 'y', categry: 'upgrade' }] };
    const gaps = run(planSchema, plan, {}, []);
    const byId = Object.fromEntries(gaps.map((g) => [g.messageId, g]));
    expect(byId.enum).toMatchObject({ path: ['format_version'], values: { actual: 3 } });
    expect(gaps.filter((g) => g.messageId === 'pattern').map((g) => g.path)).toEqual([
      ['county', 'code'],
      ['villages', 0, 'code'],
    ]);
    expect(byId.additionalProperties).toMatchObject({ path: ['villages', 0, 'categry'], values: { actual: 'categry' } });
  });
  it('requires plan_period in version 2, and only there', () => {
    const county = { name: '桃溪县', code: '439921' };
    expect(run(planSchema, { format_version: 1, county }, {}, [])).toEqual([]);
    const gaps = run(planSchema, { format_version: 2, county }, {}, []);
    expect(gaps).toEqual([expect.objectContaining({ path: [], messageId: 'required', values: expect.objectContaining({ missing: { term: 'plan_period' } }) })]);
    expect(run(planSchema, { format_version: 2, county, plan_period: { start: '2026-01-01', end: '2030-12-31' } }, {}, [])).toEqual([]);
  });
  it('reports a non-mapping document', () => {
    expect(run(planSchema, ['a'], {}, [])[0]).toMatchObject({ messageId: 'type', path: [] });
  });
  it('names the codes to write with their display names', () => {
    const [gap] = run(planSchema, { format_version: 1, county: { name: '桃溪县', code: '439921' }, villages: [{ name: '红星村', code: '439921101201', category: '特色保护类' }] }, {}, []);
    expect(gap).toMatchObject({ messageId: 'enum', values: { actual: '特色保护类' } });
    expect(gap!.values.expected).toContainEqual({ term: 'protection', coded: true });
  });
  it('recognises a percentage where a share is expected', () => {
    const [gap] = run(planSchema, { format_version: 1, county: { name: '桃溪县', code: '439921' }, collective_economy: { weak_village_target: 5 } }, {}, []);
    expect(gap).toMatchObject({ messageId: 'percentage', path: ['collective_economy', 'weak_village_target'], values: { actual: 5, expected: 0.05 } });
  });
  it.each([
    ['12.5万', 125000],
    ['8万元', 80000],
    ['60,000元', 60000],
  ])('reads the amount %s written as text and says it in yuan', (text, yuan) => {
    const plan = { format_version: 1, county: { name: '桃溪县', code: '439921' }, villages: [{ name: '红星村', code: '439921101201', collective_income: { operating: text } }] };
    expect(run(planSchema, plan, {}, [])[0]).toMatchObject({ messageId: 'amountText', values: { actual: text, expected: yuan } });
  });
  it('tells a yes/no written in words to write true or false', () => {
    const plan = { format_version: 1, county: { name: '桃溪县', code: '439921' }, leadership: { county_secretary: { main_energy_on_rural_work: '是' } } };
    expect(run(planSchema, plan, {}, [])[0]).toMatchObject({ messageId: 'booleanText', values: { actual: '是' } });
  });
});
