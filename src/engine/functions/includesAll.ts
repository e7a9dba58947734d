import { scoped } from '../gap.js';
import { childOf, isRecord } from '../select.js';
import { defineFunction } from './types.js';

/**
 * A list holds every listed value (or, with `by`, an item whose `by` field is each value), or a mapping has every listed key with a non-empty value
 * (an empty list counts as missing).
 * A missing node lacks all of them. "3 of the 3 …" reads badly, so a rule may word the case where
 * none is there apart (`explainNone`, message `none`).
 */
export default defineFunction<{ values: string[]; by?: string; explainNone?: boolean }, 'none'>({
  name: 'includesAll',
  summary: 'A list lacks one of `values` (with `by`: an item whose field `by` is it), or a mapping a key of them with a non-empty value.',
  messages: { none: 'with `explainNone`: none of the values is there (`missing` lists them all)' },
  emits: ({ explainNone }) => (explainNone ? ['none'] : []),
  values: ['missing', 'count', 'actual', 'expected'],
  optionsSchema: {
    type: 'object',
    required: ['values'],
    additionalProperties: false,
    properties: {
      values: { description: 'the values (or keys) that must all be there', type: 'array', minItems: 1, items: { type: 'string' }, uniqueItems: true },
      by: { description: 'judge each list item by this field', type: 'string' },
      explainNone: { description: 'word the case where none of the values is there apart (message `none`)', type: 'boolean' },
    },
  },
  check(target, { values, by, explainNone = false }, ctx) {
    const has = (v: string): boolean => {
      // With `by`, a list of items is judged by one field of each (三变 items by their `kind`).
      if (Array.isArray(target)) return by === undefined ? target.includes(v) : target.some((item) => childOf(item, by) === v);
      if (!isRecord(target) || !Object.prototype.hasOwnProperty.call(target, v)) return false;
      const child = target[v];
      if (Array.isArray(child)) return child.length > 0;
      return child !== null && child !== undefined && child !== '';
    };
    const missing = values.filter((v) => !has(v));
    if (missing.length === 0) return [];
    // Keys are named as the field holding them means them: `unit` of a target is its unit of measure.
    const scope = [...ctx.path].reverse().find((s): s is string => typeof s === 'string');
    return [
      {
        ...(explainNone && missing.length === values.length ? { messageId: 'none' as const } : {}),
        values: {
          missing: missing.map((v) => scoped(v, scope)),
          count: missing.length,
          actual: values.length - missing.length,
          expected: values.length,
        },
      },
    ];
  },
});
