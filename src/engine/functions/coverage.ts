import type { Path } from '../../plan/path.js';
import { fillPlain } from '../template.js';
import { defineFunction } from './types.js';
import { percent } from './percent.js';
import { tally } from './tally.js';

interface Options {
  /** Which items count at all (e.g. administrative villages); all when absent. */
  where?: object;
  /** What makes an item covered (e.g. an approved village plan or township rules). */
  covered: object;
  /** Required share of covered items, 0–1. */
  min: number;
  /** How an uncovered item is named in the message, e.g. `{{name}}（{{code}}）`. */
  label?: string;
}


/**
 * The share of items that meet a condition reaches a threshold. One gap for the whole list,
 * placed at the first uncovered item and naming every uncovered one.
 */
export default defineFunction<Options>({
  name: 'coverage',
  summary: 'The share of items that meet `covered` (among those matching `where`) is below `min`: one gap at the first uncovered item, naming them all.',
  messages: {},
  values: ['count', 'total', 'share', 'actual', 'expected', 'items'],
  optionsSchema: {
    type: 'object',
    required: ['covered', 'min'],
    additionalProperties: false,
    properties: {
      where: { description: 'JSON Schema: which items count at all (all when absent)', type: 'object' },
      covered: { description: 'JSON Schema: what makes an item covered', type: 'object' },
      min: { description: 'required share of covered items, 0–1', type: 'number', minimum: 0, maximum: 1 },
      label: { description: 'how an uncovered item is named in `items`, e.g. `{{name}}（{{code}}）`', type: 'string' },
    },
  },
  check(target, { where, covered, min, label = '{{name}}' }, ctx) {
    if (!Array.isArray(target)) return [];
    const { total, hits: uncovered } = tally(target, where, (item) => !ctx.conforms(covered, item), ctx);
    if (total === 0) return [];
    const ratio = (total - uncovered.length) / total;
    if (ratio >= min || uncovered.length === 0) return [];
    const paths: Path[] = uncovered.map((u) => [...ctx.path, u.index]);
    return [
      {
        path: paths[0],
        related: paths.slice(1),
        values: {
          count: uncovered.length,
          total,
          share: percent(uncovered.length / total),
          actual: percent(ratio),
          expected: percent(min),
          items: uncovered.map((u) => fillPlain(label, u.item)),
        },
      },
    ];
  },
});
