import { describe, expect, it } from 'vitest';
import flagWords from '../../src/engine/functions/flagWords.js';
import { run } from './helpers.js';

const options = { flag: ['走访', '台账', '拍照', '培训班', '次数'], unless: ['收入', '就业', '消除'] };

describe('flagWords', () => {
  it('flags each text holding a flagged word, at the text, naming the word', () => {
    expect(run(flagWords, ['脱贫户人均纯收入增幅', '帮扶干部入户走访次数', '建立帮扶台账户数'], options, ['outcome_indicators'])).toEqual([
      { path: ['outcome_indicators', 1], values: { actual: '帮扶干部入户走访次数', word: '走访' } },
      { path: ['outcome_indicators', 2], values: { actual: '建立帮扶台账户数', word: '台账' } },
    ]);
  });
  it('lets an outcome word exempt a text that mentions an activity', () => {
    expect(run(flagWords, ['举办培训班后实现就业人数', '走访发现风险的消除率'], options)).toEqual([]);
  });
  it('judges a single text, and ignores what is not text', () => {
    expect(run(flagWords, '驻村工作拍照留痕', options, ['x'])).toEqual([{ path: ['x'], values: { actual: '驻村工作拍照留痕', word: '拍照' } }]);
    expect(run(flagWords, [3, null], options)).toEqual([]);
    expect(run(flagWords, undefined, options)).toEqual([]);
  });
});
