import { describe, expect, it } from 'vitest';
import includesAll from '../../src/engine/functions/includesAll.js';
import { run } from './helpers.js';

describe('includesAll', () => {
  const opts = { values: ['a', 'b', 'c'] };
  it('accepts a list or mapping with every value', () => {
    expect(run(includesAll, ['c', 'b', 'a', 'd'], opts)).toEqual([]);
    expect(run(includesAll, { a: 1, b: 'x', c: [1] }, opts)).toEqual([]);
  });
  it('names what is missing, counting present against expected', () => {
    expect(run(includesAll, { a: 1, b: null, c: [] }, opts)).toEqual([
      { values: { missing: [{ term: 'b', scope: 'x' }, { term: 'c', scope: 'x' }], count: 2, actual: 1, expected: 3 } },
    ]);
  });
  it('names a missing key as the field holding it means it (`unit` of a target: its unit of measure)', () => {
    expect(run(includesAll, {}, { values: ['unit'] }, ['policy_linkage', 'local_employment'])[0]!.values.missing).toEqual([{ term: 'unit', scope: 'local_employment' }]);
  });
  it('treats a missing node as lacking everything', () => {
    expect(run(includesAll, undefined, opts)[0]!.values.count).toBe(3);
  });
  it('words the case where none is there apart when the rule asks (explainNone), and only then', () => {
    const none = { ...opts, explainNone: true };
    expect(run(includesAll, [], none)[0]!.messageId).toBe('none');
    expect(run(includesAll, undefined, none)[0]!.messageId).toBe('none');
    expect(run(includesAll, ['a'], none)[0]!.messageId).toBeUndefined();
    expect(run(includesAll, [], opts)[0]!.messageId).toBeUndefined();
  });
  it('does not take inherited keys for own ones', () => {
    expect(run(includesAll, {}, { values: ['constructor', 'toString'] })[0]!.values.count).toBe(2);
  });
});
