import type { Lang } from '../catalog/types.js';
import { dayNumber } from '../engine/functions/date.js';
import { localDate } from '../engine/refs.js';
import type { InputError } from '../plan/input-error.js';
import type { Path } from '../plan/path.js';
import { sayBoth } from '../plan/words.js';
import type { Locator } from '../plan/position.js';

/** An approved, time-limited exception to a rule, for a whole plan or one target in it. */
export interface Waiver {
  rule: string;
  /** A village code, a project id, or a path inside the plan (`no_removals.supervision`). */
  target?: string;
  justification: string;
  approvedBy: string;
  /** Last day the waiver holds, `YYYY-MM-DD`. */
  expires: string;
  /** Waivers files only: the plans it is for, by county code and/or file globs. */
  county?: string;
  files?: string[];
  /** Where it was written. */
  file: string;
  line: number;
  column: number;
  /** Where its target was written, for "no such target" errors. */
  targetAt?: { line: number; column: number };
}

export type WaiverState = 'active' | 'expiring' | 'expired';

/** A waiver expiring within this many days is flagged, so that renewal starts in time. */
export const EXPIRING_DAYS = 30;

export const sourceOf = (w: Waiver): string => `${w.file}:${w.line}:${w.column}`;

/** `YYYY-MM-DD` → days since 1970-01-01. */
function days(date: string): number {
  const n = dayNumber(date)!;
  return Date.UTC(Math.floor(n / 10000), Math.floor(n / 100) % 100 - 1, n % 100) / 86_400_000;
}

/** The expiry day itself is still covered; from the next day on the waiver is expired. */
export function stateOf(expires: string, today: string): WaiverState {
  const left = days(expires) - days(today);
  if (left < 0) return 'expired';
  return left <= EXPIRING_DAYS ? 'expiring' : 'active';
}

export function daysLeft(expires: string, today: string): number {
  return days(expires) - days(today);
}

/** Today as the run sees it: `--today`, else RURAL_AUDIT_TODAY, else the machine's local date. */
export function resolveToday(option: string | undefined, env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): string | { error: string } {
  const given = option ?? env.RURAL_AUDIT_TODAY;
  if (given !== undefined && given !== '') {
    return dayNumber(given) === undefined ? { error: `${option !== undefined ? '--today' : 'RURAL_AUDIT_TODAY'} must be a real date YYYY-MM-DD, not ${given}` } : given;
  }
  return localDate(now);
}

interface Source {
  file: string;
  locator: Locator;
}

const FIELDS = ['rule', 'target', 'justification', 'approved_by', 'expires'];
const FILE_FIELDS = [...FIELDS, 'county', 'files'];

function problem(src: Source, path: Path, message: Record<Lang, string>): InputError {
  const at = src.locator.locate(path);
  return { file: src.file, code: 'invalid-waiver', line: at.line, column: at.column, values: message };
}

const text = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/**
 * Read a list of waivers (the plan's `waivers`, or a waivers file's). A waiver without rule,
 * justification, approver or a real expiry date, or for an unknown rule, is an error at its
 * position and waives nothing.
 */
export function readWaivers(list: unknown, src: Source, at: Path, knownRules: ReadonlySet<string>, inWaiversFile: boolean): { waivers: Waiver[]; errors: InputError[] } {
  const waivers: Waiver[] = [];
  const errors: InputError[] = [];
  if (list === undefined || list === null) return { waivers, errors };
  if (!Array.isArray(list)) {
    errors.push(problem(src, at, sayBoth('waiver.notList')));
    return { waivers, errors };
  }
  list.forEach((raw, i) => {
    const here = [...at, i];
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      errors.push(problem(src, here, sayBoth('waiver.notMapping')));
      return;
    }
    const w = raw as Record<string, unknown>;
    const own = (k: string) => (Object.prototype.hasOwnProperty.call(w, k) ? w[k] : undefined);
    const before = errors.length;
    if (inWaiversFile) {
      for (const key of Object.keys(w)) {
        if (!FILE_FIELDS.includes(key)) errors.push(problem(src, [...here, key], sayBoth('waiver.unknownKey', { key })));
      }
    }
    const rule = own('rule');
    if (!text(rule)) errors.push(problem(src, [...here, 'rule'], sayBoth('waiver.noRule')));
    else if (!knownRules.has(rule)) errors.push(problem(src, [...here, 'rule'], sayBoth('waiver.unknownRule', { rule })));
    const required = [
      ['justification', 'waiver.noJustification'],
      ['approved_by', 'waiver.noApprovedBy'],
      ['expires', 'waiver.noExpires'],
    ] as const;
    for (const [key, word] of required) if (!text(own(key))) errors.push(problem(src, [...here, key], sayBoth(word)));
    const expires = own('expires');
    if (text(expires) && dayNumber(expires) === undefined) {
      errors.push(problem(src, [...here, 'expires'], sayBoth('waiver.badExpires', { expires })));
    }
    const target = own('target');
    if (target !== undefined && !text(target) && typeof target !== 'number') {
      errors.push(problem(src, [...here, 'target'], sayBoth('waiver.badTarget')));
    }
    const county = own('county');
    const files = own('files');
    if (inWaiversFile && county !== undefined && !text(county)) errors.push(problem(src, [...here, 'county'], sayBoth('waiver.badCounty')));
    if (inWaiversFile && files !== undefined && !(Array.isArray(files) && files.length > 0 && files.every(text))) {
      errors.push(problem(src, [...here, 'files'], sayBoth('waiver.badFiles')));
    }
    if (errors.length > before) return;
    const pos = src.locator.locate(here);
    const targetPos = target === undefined ? undefined : src.locator.locate([...here, 'target']);
    waivers.push({
      rule: rule as string,
      ...(target === undefined ? {} : { target: String(target), targetAt: { line: targetPos!.line, column: targetPos!.column } }),
      justification: w.justification as string,
      approvedBy: w.approved_by as string,
      expires: expires as string,
      ...(county === undefined ? {} : { county: county as string }),
      ...(files === undefined ? {} : { files: files as string[] }),
      file: src.file,
      line: pos.line,
      column: pos.column,
    });
  });
  return { waivers, errors };
}
