import { describe, expect, it } from 'vitest';
import nonEmpty from '../../src/engine/functions/nonEmpty.js';
import { run } from './helpers.js';

describe('nonEmpty', () => {
  it.each([[[1]], [{ a: 1 }], ['x']])('accepts %j', (v) => expect(run(nonEmpty, v, {})).toEqual([]));
  it.each([[[]], [{}], ['  '], [undefined], [7]])('rejects %j with its size', (v) => {
    expect(run(nonEmpty, v, {})).toEqual([{ values: { actual: 0, expected: 1 } }]);
  });
  it('counts against min', () => expect(run(nonEmpty, [1, 2], { min: 3 })).toEqual([{ values: { actual: 2, expected: 3 } }]));
  // The engine drops words that say nothing before the check; the gap names what was written.
  it('names the words that left a list empty', () => {
    const root = { heritage: ['无'] };
    expect(run(nonEmpty, [], { explainEmptyWords: true }, ['heritage'], root)).toEqual([{ messageId: 'emptyWords', values: { actual: 0, expected: 1, words: ['无'] } }]);
  });
  it('names a text that was only such a word', () => {
    expect(run(nonEmpty, undefined, { explainEmptyWords: true }, ['first_secretary'], { first_secretary: '暂无' })).toEqual([
      { messageId: 'emptyWords', values: { actual: 0, expected: 1, words: ['暂无'] } },
    ]);
  });
  it('says nothing of the words unless the rule asks (explainEmptyWords)', () => {
    expect(run(nonEmpty, [], {}, ['heritage'], { heritage: ['无'] })).toEqual([{ values: { actual: 0, expected: 1 } }]);
  });
  it('names only the dropped words of a list still too short', () => {
    const root = { x: ['古民居', '待定'] };
    expect(run(nonEmpty, ['古民居'], { min: 2, explainEmptyWords: true }, ['x'], root)).toEqual([{ messageId: 'emptyWords', values: { actual: 1, expected: 2, words: ['待定'] } }]);
  });
});
