import { dayNumber } from './functions/date.js';
import { Selector } from './select.js';

/**
 * References a rule's options (and its `window`) may hold instead of plain values:
 *
 * - `{$param: name}` — a parameter of `rules/parameters.yaml`, or the config's value for it;
 * - `{$today: true}` — the audit date (`--today`);
 * - `{$plan: '$.a.b', $else: …}` — a value of the plan itself, or the fallback;
 * - `{$latest: [a, b, …]}` — the latest real date among them (those missing or invalid left out);
 * - `{$yearsAfter: {date: a, years: n}}` — a date n years on (29 February → 28 February).
 *
 * One resolver serves the engine, the catalog loader and the config, so that each sees the
 * options the check will get.
 */
export interface RefContext {
  param: (name: string) => unknown;
  today: string;
  /**
   * The plan, when options are resolved for one document; `'fallback'` to take every `$else`
   * (options as they are by default); `'defer'` to keep `$plan` references (and what depends on
   * them) for a later pass with the plan.
   */
  plan: { root: unknown } | 'fallback' | 'defer';
}

/** Stands for the audit date where only the shape of options matters (validating them). */
export const ANY_DAY = '2000-01-01';

/** `$plan` selectors parsed once, not once per plan per rule. */
const planSelectors = new Map<string, Selector>();

export function resolveRefs(value: unknown, ctx: RefContext): unknown {
  if (Array.isArray(value)) return value.map((v) => resolveRefs(v, ctx));
  if (typeof value !== 'object' || value === null) return value;
  const obj = value as Record<string, unknown>;
  if (typeof obj.$param === 'string') return resolveRefs(ctx.param(obj.$param), ctx);
  if (obj.$today === true) return ctx.today;
  if (typeof obj.$plan === 'string') {
    if (ctx.plan === 'defer') return { ...obj, $else: resolveRefs(obj.$else, ctx) };
    if (ctx.plan === 'fallback') return resolveRefs(obj.$else, ctx);
    let selector = planSelectors.get(obj.$plan);
    if (!selector) planSelectors.set(obj.$plan, (selector = new Selector(obj.$plan)));
    const matches = selector.select(ctx.plan.root).map((m) => m.value);
    // A wildcard that reaches nothing (no villages at all) is as absent as a missing field: the
    // fallback applies, so that one missing section does not fail every reference to it.
    const found = obj.$plan.includes('*') ? (matches.length > 0 ? matches : undefined) : matches[0];
    return found === undefined || found === null ? resolveRefs(obj.$else, ctx) : found;
  }
  if (Array.isArray(obj.$latest)) {
    const dates = obj.$latest.map((v) => resolveRefs(v, ctx));
    if (dates.some(isDeferred)) return { $latest: dates };
    return latestDate(dates);
  }
  if (typeof obj.$yearsAfter === 'object' && obj.$yearsAfter !== null) {
    const spec = resolveRefs(obj.$yearsAfter, ctx) as { date?: unknown; years?: unknown };
    if (isDeferred(spec.date) || isDeferred(spec.years)) return { $yearsAfter: spec };
    return typeof spec.years === 'number' ? yearsAfter(spec.date, spec.years) : undefined;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    const resolved = resolveRefs(v, ctx);
    if (resolved !== undefined) out[k] = resolved;
  }
  return out;
}

/** Whether resolved options still hold `$plan` references, to be resolved per document. */
export function readsPlan(value: unknown): boolean {
  return JSON.stringify(value ?? null).includes('"$plan"');
}

const isDeferred = (v: unknown): boolean => typeof v === 'object' && v !== null && readsPlan(v);

export function latestDate(values: readonly unknown[]): string | undefined {
  let best: string | undefined;
  for (const v of values) if (dayNumber(v) !== undefined && (best === undefined || dayNumber(v)! > dayNumber(best)!)) best = v as string;
  return best;
}

export function yearsAfter(date: unknown, years: number): string | undefined {
  if (dayNumber(date) === undefined) return undefined;
  const [y, m, d] = (date as string).split('-').map(Number) as [number, number, number];
  const year = y + years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function daysAfter(date: string, days: number): string {
  const n = dayNumber(date)!;
  const t = Date.UTC(Math.floor(n / 10000), (Math.floor(n / 100) % 100) - 1, n % 100) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** The machine's local date, `YYYY-MM-DD`: the audit date when none is given. */
export function localDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
