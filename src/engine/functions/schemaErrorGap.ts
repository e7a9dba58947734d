import { coded, scoped, term, type Gap, type Value } from '../gap.js';
import type { Path } from '../../plan/path.js';
import { LIMITS } from '../limits.js';
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
    case 'type': {
      values.expected = term(String(p.type));
      values.actual = term(jsonType(p.data));
      const amount = p.type === 'number' || p.type === 'integer' ? amountInWords(p.data) : undefined;
      if (amount !== undefined) {
        // `'12.5万'`: an amount written as a planner would in a report, not as the number of yuan.
        return { path, messageId: 'amountText', values: { ...values, actual: String(p.data), expected: amount } };
      }
      if (p.type === 'boolean' && typeof p.data === 'string') {
        return { path, messageId: 'booleanText', values: { ...values, actual: p.data, expected: term('boolean') } };
      }
      break;
    }
    case 'enum':
      // The codes to write, each with its display name: `protection（特色保护类）`.
      values.expected = ((p.allowedValues as unknown[]) ?? []).map((v) => (typeof v === 'string' ? coded(v) : (shown(v) as string)));
      break;
    case 'maximum':
      // A share (0–1) written as a percentage: `5` meaning 5 %.
      if (Number(p.limit) === 1 && typeof p.data === 'number' && p.data > 1 && p.data <= 100) {
        return { path, messageId: 'percentage', values: { ...values, actual: p.data, expected: Math.round(p.data * 10) / 1000 } };
      }
      values.expected = String(p.limit);
      break;
    case 'const':
      values.expected = shown(p.allowedValue) as string;
      break;
    case 'pattern':
      // The form in the message's language where the plan format names it; a schema's
      // description (one text for both languages) or the pattern itself otherwise.
      values.expected = p.definition !== undefined ? scoped(String(p.definition), 'form') : String(p.description ?? p.pattern);
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

/** The unknown keys of one mapping past the limit, as one gap at the mapping with their count. */
export function unlistedKeysGap(e: SchemaError, base: Path): Gap<'additionalPropertiesMore'> {
  const count = e.unlisted ?? 0;
  return {
    path: [...base, ...e.path],
    messageId: 'additionalPropertiesMore',
    values: { count, limit: LIMITS.unknownKeysPerMapping, actual: count, expected: term('known-key') },
  };
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  // `.nan` and `.inf` are numbers to JavaScript, not to a plan: name them as written.
  if (typeof v === 'number') return Number.isFinite(v) ? (Number.isInteger(v) ? 'integer' : 'number') : String(v);
  return typeof v;
}

/** `12.5万`, `8万元`, `60,000元` → the amount in yuan; anything else undefined. */
function amountInWords(data: unknown): number | undefined {
  if (typeof data !== 'string') return undefined;
  const m = /^\s*(\d+(?:,\d{3})*(?:\.\d+)?)\s*(万元|万|元)?\s*$/.exec(data);
  if (!m) return undefined;
  const n = Number(m[1]!.replace(/,/g, ''));
  return m[2]?.startsWith('万') ? Math.round(n * 10000) : n;
}
