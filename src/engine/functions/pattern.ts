import { linearRegex, regexProblem } from '../../plan/regex.js';
import { defineFunction } from './types.js';
import { shown } from './shown.js';

/**
 * The node, when present, is a string matching a regular expression — or, with `notMatch`, one
 * that does not match it (RE2 syntax has no lookaround, so "not" is an option). RE2 syntax: no
 * lookaround, no backreferences.
 */
export default defineFunction<{ match?: string; notMatch?: string; description?: string }>({
  name: 'pattern',
  summary: 'A present value is not a text matching `match` (with `notMatch`: is a text matching it, or no text). RE2 syntax.',
  messages: {},
  values: ['actual', 'expected'],
  optionsSchema: {
    type: 'object',
    oneOf: [{ required: ['match'] }, { required: ['notMatch'] }],
    additionalProperties: false,
    properties: {
      match: { description: 'regular expression the text must match', type: 'string' },
      notMatch: { description: 'regular expression the text must not match', type: 'string' },
      description: { description: 'what the pattern means, shown as `expected`', type: 'string' },
    },
  },
  check(target, { match, notMatch }) {
    if (target === undefined) return [];
    const source = (match ?? notMatch)!;
    // A pattern the catalog and config were checked for at load; one taken from a plan (`$plan`) may still be refused: it matches nothing.
    const matches = typeof target === 'string' && regexProblem(source) === undefined && linearRegex(source).test(target);
    if (typeof target === 'string' && matches === (match !== undefined)) return [];
    return [{ values: { actual: shown(target), expected: match ?? `not ${notMatch}` } }];
  },
});
