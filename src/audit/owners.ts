import type { OwnerSource } from '../catalog/types.js';
import type { Finding } from '../engine/finding.js';
import { dayNumber } from '../engine/functions/date.js';
import { daysAfter } from '../engine/refs.js';
import { valueAt } from '../engine/select.js';
import { parsePath } from '../plan/path.js';
import type { DueDate } from './result.js';

/** Who the plan names to fix a gap, and the field that names them (or should). */
export interface Owner {
  /** Empty when the plan names nobody in any of the area's owner fields. */
  names: string[];
  /** The plan field the names come from; when `names` is empty, the field that should name someone. */
  field: string;
}

/**
 * Find, for each gap, the owner the plan itself names for its area (rules/owners.yaml). Pure: the
 * plan's parsed data in, owners by finding out; the plan is only read.
 */
export function ownerOf(finding: Finding, data: unknown, sources: readonly OwnerSource[] | undefined): Owner | undefined {
  if (!sources) return undefined;
  let first: string | undefined;
  for (const source of sources) {
    const captured = source.at === undefined ? {} : match(source.at, finding.path);
    if (!captured) continue;
    for (const pattern of source.owner) {
      const field = pattern.replace(/\{(\w+)\}/g, (_, name: string) => captured[name] ?? '');
      first ??= field;
      const path = parsePath(field);
      const names = path ? namesIn(valueAt(data, path)) : [];
      if (names.length > 0) return { names, field };
    }
  }
  return first === undefined ? undefined : { names: [], field: first };
}

/** `villages[{i}]` against `villages[3].plan` → `{i: '3'}`; undefined when the path is not at or under it. */
function match(pattern: string, path: string): Record<string, string> | undefined {
  const { re, names } = compiled(pattern);
  const m = re.exec(path);
  if (!m) return undefined;
  return Object.fromEntries(names.map((n, i) => [n, m[i + 1]!]));
}

const patterns = new Map<string, { re: RegExp; names: string[] }>();

function compiled(pattern: string): { re: RegExp; names: string[] } {
  let c = patterns.get(pattern);
  if (c) return c;
  const names: string[] = [];
  const source = pattern
    .split(/(\{\w+\})/)
    .map((part) => {
      const m = /^\{(\w+)\}$/.exec(part);
      if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(m[1]!);
      return '([^.\\[\\]]+)';
    })
    .join('');
  c = { re: new RegExp(`^${source}(?=$|[.[])`), names };
  patterns.set(pattern, c);
  return c;
}

function namesIn(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
}

/**
 * When the gaps of a plan are due, never before the audit date: the end of the plan period
 * (`remediation_due: plan_period_end`, the default) while it lies ahead, else — or always, with
 * `remediation_due: lead_time` — the audit date plus `remediation_lead_days`. The basis is kept
 * so that reports can say which it is.
 */
export function dueDateOf(data: unknown, today: string, param: (name: string) => unknown): DueDate {
  const end = valueAt(data, ['plan_period', 'end']);
  if (param('remediation_due') !== 'lead_time' && dayNumber(end) !== undefined && dayNumber(end)! >= dayNumber(today)!) {
    return { date: end as string, basis: 'plan-period-end' };
  }
  const lead = param('remediation_lead_days');
  const days = typeof lead === 'number' && Number.isInteger(lead) && lead >= 0 ? lead : 0;
  return { date: daysAfter(today, days), basis: 'lead-time', leadDays: days };
}
