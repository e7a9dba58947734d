import { describe, expect, it } from 'vitest';
import present from '../../src/engine/functions/present.js';
import { run } from './helpers.js';

describe('present', () => {
  it.each([0, false, 'x', [], {}])('accepts %j', (v) => expect(run(present, v, {})).toEqual([]));
  it.each([undefined, null, ''])('rejects %j as missing', (v) => {
    expect(run(present, v, {})).toEqual([{ values: { actual: { term: 'missing' }, expected: { term: 'present' } } }]);
  });
});
