import type { Locator } from '../plan/position.js';
import { InputFileError } from '../plan/input-error.js';
import type { OwnerSource } from './types.js';

const PATH = /^(?:[A-Za-z_][\w]*|\{\w+\})(?:\.(?:[A-Za-z_]\w*|\{\w+\})|\[(?:\d+|\{\w+\})\])*$/;

/**
 * Read `rules/owners.yaml`: area → owner sources. Every area must exist, every path be a plan path,
 * and every `{name}` used in an owner field be captured by the entry's `at`.
 */
export function ownersOf(file: string, data: unknown, locator: Locator, areaIds: Set<string>): Record<string, OwnerSource[]> {
  const fail = (path: (string | number)[], detail: string): never => {
    const at = locator.locate(path);
    throw new InputFileError({ file, code: 'invalid-catalog', line: at.line, column: at.column, values: { detail } });
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) fail([], 'owners: expected a mapping of area → list of owner sources');
  const out: Record<string, OwnerSource[]> = {};
  for (const [area, entries] of Object.entries(data as Record<string, unknown>)) {
    if (!areaIds.has(area)) fail([area], `unknown area ${area}`);
    if (!Array.isArray(entries) || entries.length === 0) fail([area], `${area}: expected a list of owner sources`);
    out[area] = (entries as unknown[]).map((e, i) => {
      const where = [area, i];
      if (typeof e !== 'object' || e === null || Array.isArray(e)) return fail(where, 'expected {at?, owner: [fields]}');
      const { at, owner, ...rest } = e as Record<string, unknown>;
      const extra = Object.keys(rest)[0];
      if (extra !== undefined) fail([...where, extra], `unknown key ${extra}; known: at, owner`);
      if (at !== undefined && (typeof at !== 'string' || !PATH.test(at))) fail([...where, 'at'], `at: not a plan path: ${String(at)}`);
      if (!Array.isArray(owner) || owner.length === 0) return fail([...where, 'owner'], 'owner: expected a list of plan fields');
      const captured = new Set(placeholders((at as string | undefined) ?? ''));
      owner.forEach((o, k) => {
        if (typeof o !== 'string' || !PATH.test(o)) fail([...where, 'owner', k], `owner: not a plan path: ${String(o)}`);
        for (const p of placeholders(o as string)) if (!captured.has(p)) fail([...where, 'owner', k], `{${p}} is not captured by at`);
      });
      return at === undefined ? { owner: owner as string[] } : { at: at as string, owner: owner as string[] };
    });
  }
  return out;
}

function placeholders(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}
