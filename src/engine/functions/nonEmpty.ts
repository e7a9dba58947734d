import { defineFunction } from './types.js';
import { isRecord, valueAt } from '../select.js';

/**
 * A list, mapping or text with at least `min` items (entries, characters). Texts that are only a
 * word saying nothing (无, 暂无 …) reach a check already dropped; when that is what left the node
 * short, the gap says so (message `emptyWords`, the words as written in `words`).
 */
export default defineFunction<{ min?: number; explainEmptyWords?: boolean }, 'emptyWords'>({
  name: 'nonEmpty',
  summary: 'A list, mapping or text has fewer than `min` items, entries or characters (a missing node has none).',
  messages: { emptyWords: 'with `explainEmptyWords`: the words written there (`words`) say nothing (无, 暂无 …) and are what left the node short' },
  emits: ({ explainEmptyWords }) => (explainEmptyWords ? ['emptyWords'] : []),
  values: ['actual', 'expected'],
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      min: { description: 'fewest items, entries or characters (1)', type: 'integer', minimum: 1 },
      explainEmptyWords: { description: 'say so (message `emptyWords`) when words saying nothing are what left the node short', type: 'boolean' },
    },
  },
  check(target, { min = 1, explainEmptyWords = false }, ctx) {
    const size = sizeOf(target);
    if (size >= min) return [];
    if (!explainEmptyWords) return [{ values: { actual: size, expected: min } }];
    const written = valueAt(ctx.root, ctx.path);
    const dropped = (Array.isArray(written) ? written : [written]).filter(
      (v): v is string => typeof v === 'string' && v.trim() !== '' && !(Array.isArray(target) ? target.includes(v) : target === v),
    );
    const values = { actual: size, expected: min };
    return dropped.length > 0 ? [{ messageId: 'emptyWords' as const, values: { ...values, words: dropped } }] : [{ values }];
  },
});

function sizeOf(target: unknown): number {
  if (Array.isArray(target)) return target.length;
  if (isRecord(target)) return Object.keys(target).length;
  return typeof target === 'string' ? target.trim().length : 0;
}
