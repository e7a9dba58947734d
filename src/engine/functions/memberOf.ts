import { childOf, isRecord } from '../select.js';
import { fillPlain } from '../template.js';
import { defineFunction } from './types.js';
import { shown } from './shown.js';

interface Options {
  /** The allowed values: a list, or a mapping whose keys (with non-empty values) are allowed. */
  list?: unknown[] | Record<string, unknown>;
  /** Check this field of the node (e.g. a village's code) rather than the node itself. */
  by?: string;
  /** How the node is named in the message, e.g. `{{name}}（{{code}}）`. */
  label?: string;
}

/** Sets built once per list, so that checking n references against a list of m costs n + m, not n × m. */
const sets = new WeakMap<object, Set<unknown>>();

function setOf(list: unknown[] | Record<string, unknown>): Set<unknown> {
  let set = sets.get(list);
  if (!set) {
    set = Array.isArray(list)
      ? new Set(list)
      : new Set(Object.keys(list).filter((k) => list[k] !== null && list[k] !== undefined && list[k] !== ''));
    sets.set(list, set);
  }
  return set;
}

/** The node, when present, is one of the values of a list taken from the plan: a cross-reference. Without a list, nothing is checked. */
export default defineFunction<Options>({
  name: 'memberOf',
  summary: 'A present value (or its field `by`) is not in `list`, a list or a mapping’s keys: a cross-reference to nothing. Without a list nothing is checked.',
  messages: {},
  values: ['actual', 'label', 'expected'],
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      list: { description: 'the allowed values: a list, or a mapping whose keys (with non-empty values) are allowed; usually `$plan`', type: ['array', 'object'] },
      by: { description: 'check this field of the node rather than the node', type: 'string' },
      label: { description: 'how the node is named in `label`', type: 'string' },
    },
  },
  check(target, { list, by, label }, ctx) {
    const value = by === undefined ? target : childOf(target, by);
    // No list at all (the plan lacks the section referred to): nothing to cross-check against;
    // the section's own rule reports it once, not every reference to it.
    if (value === undefined || list === undefined) return [];
    if (setOf(Array.isArray(list) || isRecord(list) ? list : []).has(value)) return [];
    const name = label ? fillPlain(label, target) : typeof value === 'string' ? value : String(shown(value));
    return [
      {
        path: by === undefined ? ctx.path : [...ctx.path, by],
        values: { actual: shown(value), label: name, expected: allowedCount(list) },
        item: typeof value === 'string' ? value : undefined,
      },
    ];
  },
});

/** How many values were allowed: the measured side of a failed cross-reference. */
function allowedCount(list: unknown): number {
  return Array.isArray(list) ? list.length : isRecord(list) ? Object.keys(list).length : 0;
}
