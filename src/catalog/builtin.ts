/**
 * The built-in catalog, from a snapshot the build made (dist/catalog/builtin.json) while the rule
 * files are unchanged since; otherwise — running from source, or rules edited after the build —
 * loaded and validated as usual. Loading and validating takes ~110 ms, reading the snapshot ~1 ms
 * plus hashing the rule files (~4 ms in all): once per process and working directory, which every
 * library call (`auditText` from an editor, on each keystroke) would otherwise pay again.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BUILTIN_RULES_DIR, loadCatalog } from './load.js';
import type { Catalog } from './types.js';

const SNAPSHOT = new URL('./builtin.json', import.meta.url);

interface Snapshot {
  hash: string;
  catalog: Catalog;
}

/** Every file under the rules folder, names and bytes: the snapshot is good while this is. */
export function rulesHash(dir: string = BUILTIN_RULES_DIR): string {
  const hash = createHash('sha256');
  const names = readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
  for (const name of names) {
    const full = join(dir, name);
    if (statSync(full).isFile()) hash.update(name).update('\0').update(readFileSync(full)).update('\0');
  }
  return hash.digest('hex');
}

let cached: { cwd: string; catalog: Catalog } | undefined;

/**
 * The built-in catalog, frozen: every caller shares one, so that none can change another's.
 * Rule files edited while the process runs are seen by the next process.
 */
export function loadBuiltinCatalog(): Catalog {
  const cwd = process.cwd();
  if (cached?.cwd !== cwd) cached = { cwd, catalog: deepFreeze(readBuiltinCatalog()) };
  return cached.catalog;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function readBuiltinCatalog(): Catalog {
  let snapshot: Snapshot | undefined;
  try {
    snapshot = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Snapshot;
  } catch {
    return loadCatalog();
  }
  if (snapshot.hash !== rulesHash()) return loadCatalog();
  // `definedIn` is shown relative to the working directory, as loadCatalog gives it: once per
  // rule file, not once per rule (path.relative is most of what reading the snapshot costs).
  const shown = new Map<string, string>();
  for (const rule of snapshot.catalog.rules) {
    let at = shown.get(rule.definedIn);
    if (at === undefined) shown.set(rule.definedIn, (at = relative(process.cwd(), join(BUILTIN_RULES_DIR, rule.definedIn)) || rule.definedIn));
    rule.definedIn = at;
  }
  return snapshot.catalog;
}

/** Build step: write the snapshot beside this module. */
export function writeSnapshot(): void {
  const catalog = loadCatalog();
  for (const rule of catalog.rules) rule.definedIn = relative(BUILTIN_RULES_DIR, join(process.cwd(), rule.definedIn));
  writeFileSync(SNAPSHOT, JSON.stringify({ hash: rulesHash(), catalog } satisfies Snapshot));
}
