import { term } from '../gap.js';
import { childOf } from '../select.js';
import { defineFunction } from './types.js';
import { percent } from './percent.js';
import { tally } from './tally.js';

interface Options {
  /** The plan's list the current share is counted over, a top-level field (`villages`). */
  units: string;
  /** Which items count at all (villages that report their income as a number). */
  where?: object;
  /** The problem whose share the target must reduce (no operating income: a hollow shell). */
  match: object;
  /** Highest acceptable target whatever the current share (0: the problem is to be removed). */
  max?: number;
  /** A missing target is a gap too. */
  required?: boolean;
}

/**
 * A target share (0–1) for a problem lies below the plan's own current share of it: a figure the
 * document found somewhere else is no target for this county. A county with no such village yet
 * must keep it at 0. Without a single counted item only `max` is checked.
 */
export default defineFunction<Options, 'missing' | 'aboveMax'>({
  name: 'targetBelowShare',
  summary: 'A target share (0–1) of a problem is not below the plan’s own current share of it among `units` (a county with none must keep 0).',
  messages: {
    missing: 'the target is missing and `required` is set',
    aboveMax: 'the target is above `max`, whatever the current share',
  },
  values: ['actual', 'current', 'count', 'total', 'expected', 'bound'],
  emits: ({ max, required }) => [...(required ? (['missing'] as const) : []), ...(max === undefined ? [] : (['aboveMax'] as const))],
  optionsSchema: {
    type: 'object',
    required: ['units', 'match'],
    additionalProperties: false,
    properties: {
      units: { description: 'the top-level list the current share is counted over (`villages`)', type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
      where: { description: 'JSON Schema: which items count at all', type: 'object' },
      match: { description: 'JSON Schema: the problem whose share the target must reduce', type: 'object' },
      max: { description: 'highest acceptable target whatever the current share', type: 'number', minimum: 0, maximum: 1 },
      required: { description: 'a missing target is a gap too', type: 'boolean' },
    },
  },
  check(target, { units, where, match, max, required = false }, ctx) {
    if (target === undefined || target === null) {
      return required ? [{ messageId: 'missing', values: { actual: term('missing'), expected: term('target-share') } }] : [];
    }
    if (typeof target !== 'number' || Number.isNaN(target)) return [];
    const list = childOf(ctx.root, units);
    const { total, hits } = Array.isArray(list) ? tally(list, where, (item) => ctx.conforms(match, item), ctx) : { total: 0, hits: [] };
    const current = total === 0 ? undefined : hits.length / total;
    const measured = {
      actual: percent(target),
      ...(current === undefined ? {} : { current: percent(current), count: hits.length, total }),
    };
    if (max !== undefined && target > max) {
      return [{ messageId: 'aboveMax', values: { ...measured, expected: percent(max), bound: term('max') } }];
    }
    if (current === undefined) return [];
    const reduces = current === 0 ? target === 0 : target < current;
    if (reduces) return [];
    return [{ values: { ...measured, expected: current === 0 ? percent(0) : `< ${percent(current)}`, bound: term('max') } }];
  },
});
