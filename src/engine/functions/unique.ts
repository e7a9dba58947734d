import type { Gap } from '../gap.js';
import { childOf } from '../select.js';
import { defineFunction } from './types.js';

/** No two items of a list share a value (of `by`, a field of each item, when given). */
export default defineFunction<{ by?: string }>({
  name: 'unique',
  summary: 'Two items of a list share a value (of their field `by`): one gap at each repeat.',
  messages: {},
  values: ['actual', 'expected'],
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { by: { description: 'compare this field of each item', type: 'string' } },
  },
  check(target, { by }, ctx) {
    if (!Array.isArray(target)) return [];
    const first = new Map<unknown, number>();
    const gaps: Gap<never>[] = [];
    target.forEach((item, i) => {
      const key = by === undefined ? item : childOf(item, by);
      if (key === undefined || key === null) return;
      const seen = first.get(key);
      if (seen === undefined) {
        first.set(key, i);
        return;
      }
      const itemPath = by === undefined ? [...ctx.path, i] : [...ctx.path, i, by];
      gaps.push({
        path: itemPath,
        values: { actual: String(key), expected: term1(seen) },
        related: [by === undefined ? [...ctx.path, seen] : [...ctx.path, seen, by]],
        item: String(key),
      });
    });
    return gaps;
  },
});

/** The first occurrence, 1-based as people count list items. */
function term1(index: number): number {
  return index + 1;
}
