import { defineFunction } from './types.js';
import { shown } from './shown.js';

const compiled = new Map<string, RegExp>();

/** The node, when present, is a string matching a regular expression. */
export default defineFunction<{ match: string; description?: string }>({
  name: 'pattern',
  optionsSchema: {
    type: 'object',
    required: ['match'],
    additionalProperties: false,
    properties: { match: { type: 'string' }, description: { type: 'string' } },
  },
  check(target, { match }) {
    if (target === undefined) return [];
    let re = compiled.get(match);
    if (!re) compiled.set(match, (re = new RegExp(match, 'u')));
    if (typeof target === 'string' && re.test(target)) return [];
    return [{ values: { actual: shown(target), expected: match } }];
  },
});
