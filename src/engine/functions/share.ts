import type { Path } from '../../plan/path.js';
import { term } from '../gap.js';
import { valueAt } from '../select.js';
import { fillPlain } from '../template.js';
import { defineFunction } from './types.js';
import { percent } from './percent.js';
import { tally } from './tally.js';

interface Options {
  /** Which items count at all (e.g. villages that report their collective income); all when absent. */
  where?: object;
  /** The condition whose share is measured (e.g. no operating income: a hollow-shell village). */
  match: object;
  /** Highest allowed share of matching items, 0–1 (0: any matching item is a gap). */
  max?: number;
  /** Lowest required share of matching items, 0–1. */
  min?: number;
  /** How a matching item is named in the message, e.g. `{{name}}（{{code}}）`. */
  label?: string;
  /**
   * An item matches only when these numeric fields (dot paths) add up to less than `below`,
   * e.g. a village's total collective income, the sum of its kinds of income.
   */
  sumBelow?: { fields: string[]; below: number };
  /** A share from elsewhere shown beside the measured one (`{{reference}}`), never a bound. */
  reference?: number;
}


/**
 * The share of items matching a condition stays within bounds. Above `max`: one gap at the first
 * matching item, naming every matching one (the list a planner must work through). Below `min`:
 * one gap at the list. One pass over the items.
 */
export default defineFunction<Options, 'tooFew'>({
  name: 'share',
  summary: 'The share of items matching `match` (and, with `sumBelow`, whose fields add up to less than `below`; among those matching `where`) is above `max` (one gap at the first matching item, naming all) or below `min`. `reference` is a share from elsewhere shown beside it, never a bound.',
  messages: {
    tooFew: 'the share is below `min` (one gap at the list)',
  },
  values: ['count', 'total', 'actual', 'expected', 'bound', 'items', 'reference'],
  emits: ({ min }) => (min === undefined ? [] : ['tooFew']),
  optionsSchema: {
    type: 'object',
    required: ['match'],
    additionalProperties: false,
    anyOf: [{ required: ['max'] }, { required: ['min'] }],
    properties: {
      where: { description: 'JSON Schema: which items count at all', type: 'object' },
      match: { description: 'JSON Schema: the items whose share is measured', type: 'object' },
      max: { description: 'highest allowed share, 0–1', type: 'number', minimum: 0, maximum: 1 },
      min: { description: 'lowest allowed share, 0–1', type: 'number', minimum: 0, maximum: 1 },
      label: { description: 'how a matching item is named in `items`', type: 'string' },
      sumBelow: {
        description: 'also match only items whose numeric `fields` add up to less than `below`',
        type: 'object',
        required: ['fields', 'below'],
        additionalProperties: false,
        properties: { fields: { type: 'array', minItems: 1, items: { type: 'string' } }, below: { type: 'number' } },
      },
      reference: { description: 'a share from elsewhere shown beside the measured one, never a bound', type: 'number', minimum: 0, maximum: 1 },
    },
  },
  check(target, { where, match, max, min, label = '{{name}}', sumBelow, reference }, ctx) {
    if (!Array.isArray(target)) return [];
    const summed = sumBelow?.fields.map((f) => f.split('.'));
    const matches = (item: unknown): boolean =>
      ctx.conforms(match, item) && (summed === undefined || sumOf(item, summed) < sumBelow!.below);
    const { total, hits: matching } = tally(target, where, matches, ctx);
    if (total === 0) return [];
    const ratio = matching.length / total;
    const values = {
      count: matching.length,
      total,
      actual: percent(ratio),
      items: matching.map((m) => fillPlain(label, m.item)),
      ...(reference === undefined ? {} : { reference: percent(reference) }),
    };
    if (max !== undefined && ratio > max) {
      const paths: Path[] = matching.map((m) => [...ctx.path, m.index]);
      return [{ path: paths[0], related: paths.slice(1), values: { ...values, expected: percent(max), bound: term('max') } }];
    }
    if (min !== undefined && ratio < min) {
      return [{ messageId: 'tooFew', values: { ...values, expected: percent(min), bound: term('min') } }];
    }
    return [];
  },
});

/** The numbers at some paths (dot paths split) of an item added up; a missing or non-numeric one counts 0. */
function sumOf(item: unknown, fields: readonly string[][]): number {
  let sum = 0;
  for (const field of fields) {
    const v = valueAt(item, field);
    if (typeof v === 'number' && Number.isFinite(v)) sum += v;
  }
  return sum;
}
