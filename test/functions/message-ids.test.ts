import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../src/engine/functions/index.js';
import { schemaMessageIds } from '../../src/engine/functions/schemaMessages.js';
import { emittedIds } from '../../src/engine/functions/types.js';
import planSchemaJson from '../../src/plan/plan.schema.json' with { type: 'json' };
import { run } from './helpers.js';

type Case = [options: Record<string, unknown>, target: unknown, root?: unknown];

const plan = { format_version: 1, county: { name: '桃溪县', code: '439921' } };
/** For each function, inputs that between them produce every message id it declares. */
const CASES: Record<string, Case[]> = {
  nonEmpty: [[{ explainEmptyWords: true }, [], { x: ['无'] }], [{}, []]],
  includesAll: [[{ values: ['a', 'b'], explainNone: true }, []]],
  dateWithin: [[{ min: '2025-12-31' }, '2025-02-30']],
  equals: [[{ value: true }, undefined]],
  notStale: [[{ asOf: '2026-12-01', notBefore: '2026-01-01' }, '2021-09-30']],
  numberWithin: [
    [{ min: 1, required: true }, undefined],
    [{ min: 1 }, '五个'],
  ],
  share: [[{ match: { required: ['plan'] }, min: 0.5 }, [{ name: '甲村' }, { name: '乙村' }]]],
  targetBelowShare: [
    [{ units: 'villages', match: {}, required: true }, undefined],
    [{ units: 'villages', match: {}, max: 0 }, 0.1],
  ],
  schema: [
    [{ schema: { required: ['a'] } }, {}],
    [{ schema: { additionalProperties: false } }, { b: 1 }],
    [{ schema: { additionalProperties: false } }, Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`unknown_${i}`, i]))],
    [{ schema: { type: 'object' } }, []],
    [{ schema: { type: 'number' } }, '12.5万'],
    [{ schema: { type: 'boolean' } }, '是'],
    [{ schema: { enum: ['a', 'b'] } }, 'c'],
    [{ schema: { const: true } }, false],
    [{ schema: { pattern: '^\\d+$' } }, 'x'],
    [{ schema: { minimum: 0 } }, -1],
    [{ schema: { exclusiveMinimum: 0 } }, 0],
    [{ schema: { maximum: 10 } }, 11],
    [{ schema: { maximum: 1 } }, 5],
    [{ schema: { minItems: 1 } }, []],
    [{ schema: { minLength: 1 } }, ''],
    [{ schema: { anyOf: [{ type: 'string' }, { type: 'object' }] } }, 1],
  ],
  planSchema: [
    [{}, { county: plan.county }],
    [{}, { ...plan, extra: 1 }],
    [{}, { ...plan, county: [] }],
    [{}, { ...plan, projects: [{ id: 'P-1', name: '油茶基地', funds: '12.5万' }] }],
    [{}, { ...plan, leadership: { county_secretary: { main_energy_on_rural_work: '是' } } }],
    [{}, { format_version: 3, county: plan.county }],
    [{}, { ...plan, county: { name: '桃溪县', code: '4399' } }],
    [{}, { ...plan, projects: [{ id: 'P-1', name: '油茶基地', funds: -1 }] }],
    [{}, { ...plan, monitoring: { income_threshold: 0 } }],
    [{}, { ...plan, monitoring: { threshold_year: 2200 } }],
    [{}, { ...plan, collective_economy: { hollow_shell_target: 5 } }],
    [{}, { ...plan, county: { name: '', code: '439921' } }],
    [{}, { ...plan, collective_economy: { three_transformations: [1] } }],
    [{}, { ...plan, ...Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`unknown_${i}`, i])) }],
  ],
};

describe('message ids', () => {
  it.each(Object.keys(FUNCTIONS))('%s returns every message id it declares, and no other', (name) => {
    const fn = FUNCTIONS[name]!;
    const seen = new Set<string>();
    for (const [options, target, root] of CASES[name] ?? []) {
      // run() fails on an id the function does not declare for these options.
      for (const gap of run(fn, target, options, ['x'], root ?? {})) if (gap.messageId) seen.add(gap.messageId);
    }
    const declared = Object.keys(fn.messages);
    // The plan schema has no minItems and no const outside an `if`: planSchema never returns them.
    const reachable = name === 'planSchema' ? emittedIds(fn, {}) : declared;
    expect([...seen].sort()).toEqual([...reachable].sort());
  });

  it('derives the ids a schema can produce from its keywords', () => {
    expect(schemaMessageIds({ properties: { a: { type: 'number', maximum: 1 } }, required: ['a'], additionalProperties: true })).toEqual([
      'amountText',
      'maximum',
      'percentage',
      'required',
      'type',
    ]);
    expect(schemaMessageIds({ properties: { linking_funds: { exclusiveMaximum: 1 } } })).toEqual([]);
    expect(schemaMessageIds(planSchemaJson)).not.toContain('minItems');
    expect(schemaMessageIds({ if: { properties: { v: { const: 2 } } }, then: { required: ['p'] } })).toEqual(['required']);
  });

  it('narrows the ids by the options', () => {
    expect(emittedIds(FUNCTIONS.numberWithin!, { min: 1 })).toEqual(['notNumber']);
    expect(emittedIds(FUNCTIONS.targetBelowShare!, { units: 'villages', match: {}, max: 0, required: true })).toEqual(['missing', 'aboveMax']);
    expect(emittedIds(FUNCTIONS.share!, { match: {}, max: 0.5 })).toEqual([]);
    expect(emittedIds(FUNCTIONS.notStale!, { asOf: '2026-12-01', maxAgeYears: 2 })).toEqual([]);
  });
});
