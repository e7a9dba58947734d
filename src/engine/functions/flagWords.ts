import type { Gap } from '../gap.js';
import { defineFunction } from './types.js';

interface Options {
  /** Words that mark a text as the wrong kind (活动次数 where a result belongs: 走访, 台账, 拍照 …). */
  flag: string[];
  /** Words that make it the right kind after all (收入, 就业, 风险消除 …): `培训后就业人数` is an outcome. */
  unless?: string[];
}

/**
 * A text, or each text of a list, that contains a flagged word and no exempting one: one gap at
 * each such text, naming the word found. Words are data (parameters), matched as written.
 */
export default defineFunction<Options>({
  name: 'flagWords',
  summary: 'A text (or each text of a list) contains a word of `flag` and none of `unless`: one gap per text, naming the word.',
  messages: {},
  values: ['actual', 'word'],
  optionsSchema: {
    type: 'object',
    required: ['flag'],
    additionalProperties: false,
    properties: {
      flag: { description: 'words that mark a text as the wrong kind (activity counts where a result belongs)', type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      unless: { description: 'words that make it the right kind after all', type: 'array', items: { type: 'string', minLength: 1 } },
    },
  },
  check(target, { flag, unless = [] }, ctx) {
    const judge = (text: unknown, path: Gap['path']): Gap<never> | undefined => {
      if (typeof text !== 'string') return undefined;
      const word = flag.find((w) => text.includes(w));
      if (word === undefined || unless.some((w) => text.includes(w))) return undefined;
      return { path, values: { actual: text, word } };
    };
    const gaps = Array.isArray(target) ? target.map((t, i) => judge(t, [...ctx.path, i])) : [judge(target, ctx.path)];
    return gaps.filter((g): g is Gap<never> => g !== undefined);
  },
});
