import type { ErrorObject } from 'ajv';
import { InputFileError, type InputErrorCode } from '../plan/input-error.js';
import { isInputError, loadInputFile, type InputKind } from '../plan/load.js';
import type { Path } from '../plan/path.js';
import type { Locator } from '../plan/position.js';

/** A parsed settings file (config, profile, waivers, baseline) that can say where each value stands. */
export interface SourceFile {
  /** Absolute path. */
  path: string;
  /** Path as messages show it. */
  display: string;
  data: unknown;
  locator: Locator;
  code: InputErrorCode;
}

/** A settings file through the one input loader (bounded, as plans are); any problem is thrown as `InputFileError`. */
export function readSource(path: string, display: string, kind: InputKind, code: InputErrorCode): SourceFile {
  const loaded = loadInputFile(path, display, kind);
  if (isInputError(loaded)) throw new InputFileError(loaded);
  return { path, display, data: loaded.data, locator: loaded.locator, code };
}

/** `file:line:column` of a value, for `--print-config` and messages. */
export function where(file: SourceFile, path: Path): string {
  const at = file.locator.locate(path);
  return `${file.display}:${at.line}:${at.column}`;
}

export function failAt(file: SourceFile, path: Path, detail: string): never {
  const at = file.locator.locate(path);
  throw new InputFileError({ file: file.display, code: file.code, line: at.line, column: at.column, values: { detail } });
}

/** Where an ajv error points: the offending key itself for unknown or badly named keys. */
export function errorPath(e: ErrorObject): Path {
  const path: (string | number)[] = e.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const params = e.params as Record<string, unknown>;
  const key = (e as { propertyName?: string }).propertyName ?? params.additionalProperty ?? params.propertyName;
  if (typeof key === 'string') path.push(key);
  return path;
}

export function errorDetail(e: ErrorObject): string {
  const params = e.params as Record<string, unknown>;
  const at = errorPath(e)
    .map((s) => (typeof s === 'number' ? `[${s}]` : `/${s}`))
    .join('');
  if (e.keyword === 'additionalProperties') return `${at || '/'}: unknown key ${String(params.additionalProperty)}`;
  const name = (e as { propertyName?: string }).propertyName;
  if (name !== undefined) return `${at}: invalid key ${JSON.stringify(name)}`;
  if (e.keyword === 'enum') return `${at || '/'} must be one of ${(params.allowedValues as unknown[]).join(', ')}`;
  return `${at || '/'} ${e.message ?? 'is invalid'}`;
}

/** The closest known name, for "did you mean" hints on typos. */
export function closest(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const k of known) {
    const d = distance(name, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

export const own = (obj: unknown, key: string): boolean =>
  typeof obj === 'object' && obj !== null && Object.prototype.hasOwnProperty.call(obj, key);
