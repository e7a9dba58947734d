import { linearRegex, regexProblem } from '../../plan/regex.js';
import { defineFunction } from './types.js';
import { shown } from './shown.js';

/** The node, when present, is a string matching a regular expression (RE2 syntax: no lookaround, no backreferences). */
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
    // A pattern the catalog and config were checked for at load; one taken from a plan (`$plan`) may still be refused: it matches nothing.
    if (typeof target === 'string' && regexProblem(match) === undefined && linearRegex(match).test(target)) return [];
    return [{ values: { actual: shown(target), expected: match } }];
  },
});
