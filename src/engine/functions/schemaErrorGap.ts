import { term, type Gap, type Value } from '../gap.js';
import type { Path } from '../../plan/path.js';
import { shown } from './shown.js';
import type { SchemaError } from './types.js';

/**
 * A JSON Schema violation as a gap a person can read: the message id is the keyword
 * (`required`, `type`, `enum`, …) and the values name what is missing, expected and found.
 */
export function schemaErrorGap(e: SchemaError, base: Path): Gap {
  const p = e.params;
  const path = [...base, ...e.path];
  const last = path[path.length - 1];
  const field: Value = typeof last === 'string' ? term(last) : typeof last === 'number' ? last + 1 : term('document');
  const actual = shown(p.data);
  const values: Record<string, Value> = { field, actual };
  switch (e.keyword) {
    case 'required':
      values.missing = term(String(p.missingProperty));
      values.expected = term(String(p.missingProperty));
      values.actual = term('missing');
      break;
    case 'additionalProperties':
      values.actual = String(p.additionalProperty);
      values.expected = term('known-key');
      return { path: [...path, String(p.additionalProperty)], messageId: e.keyword, values };
    case 'type':
      values.expected = term(String(p.type));
      values.actual = term(jsonType(p.data));
      break;
    case 'enum':
      values.expected = ((p.allowedValues as unknown[]) ?? []).map((v) => shown(v) as string);
      break;
    case 'const':
      values.expected = shown(p.allowedValue) as string;
      break;
    case 'pattern':
      values.expected = String(p.description ?? p.pattern);
      break;
    case 'minItems':
    case 'minLength':
      values.expected = Number(p.limit);
      values.actual = Array.isArray(p.data) || typeof p.data === 'string' ? (p.data as string).length : actual;
      break;
    default:
      values.expected = p.limit !== undefined ? String(p.limit) : e.keyword;
  }
  return { path, messageId: e.keyword, values };
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  // `.nan` and `.inf` are numbers to JavaScript, not to a plan: name them as written.
  if (typeof v === 'number') return Number.isFinite(v) ? (Number.isInteger(v) ? 'integer' : 'number') : String(v);
  return typeof v;
}
