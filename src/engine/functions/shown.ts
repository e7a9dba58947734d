import { term, type Term } from '../gap.js';

/** How a plan value appears in a message: enumerated words by their display name, others as text. */
export function shown(value: unknown): string | number | Term {
  if (typeof value === 'boolean') return term(String(value));
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return /^[a-z][a-z0-9_]*$/.test(value) ? term(value) : value;
  if (value === undefined) return term('missing');
  if (value === null) return 'null';
  return Array.isArray(value) ? term('list') : term('mapping');
}
