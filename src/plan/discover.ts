import { realpathSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { InputError } from './input-error.js';
import { linearRegex, regexProblem, type LinearRegex } from './regex.js';

export interface PlanFile {
  /** Absolute path to read. */
  path: string;
  /** Path as reports show it: relative to the working directory, with `/`. */
  display: string;
}

const SKIP_DIRS = new Set(['node_modules', '.git']);
const YAML_FILE = /\.ya?ml$/i;
const GLOB_CHARS = /[*?[\]{}]/;

/** Whether a walk of `base` reaches `file`: it lies below `base`, in no folder a walk skips. */
export function walkReaches(base: string, file: string): boolean {
  const parts = relative(base, file).split(sep);
  return parts[0] !== '..' && parts[0] !== '' && !parts.slice(0, -1).some((p) => SKIP_DIRS.has(p));
}

/** Whether a file a folder's walk finds is taken as a plan: `*.yaml` or `*.yml`. */
export const isYamlFile = (file: string): boolean => YAML_FILE.test(file);

export function displayPath(abs: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, abs);
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

/**
 * How many directory entries one walk may look at before it stops with `too-many-files`: a glob
 * such as `'/**'` would otherwise walk the whole file system without a word. The tool's own
 * number (docs/errors.md), far above a national corpus of a few thousand plans.
 */
export const MAX_WALKED_ENTRIES = 200_000;

export interface DiscoverOptions {
  /** Called now and then during a long walk: entries looked at so far, and the folder being read. */
  onWalk?: (entries: number, dir: string) => void;
  /** Entries one walk may look at; MAX_WALKED_ENTRIES by default. */
  maxEntries?: number;
}

/**
 * Files, folders (searched for *.yaml / *.yml, skipping node_modules and .git) and globs to a
 * sorted list of distinct files. A path that matches nothing is an input error, not silence.
 * A path that exists is taken literally, glob characters and all (`plan[1].yaml`); a glob is
 * matched relative to its fixed start, so `./plans/*.yaml` and `../x/**\/*.yml` work; `\[`
 * escapes a glob character.
 */
export async function discoverPlans(args: string[], cwd: string = process.cwd(), options: DiscoverOptions = {}): Promise<{ files: PlanFile[]; errors: InputError[] }> {
  const found = new Map<string, PlanFile>();
  const errors: InputError[] = [];
  const fail = (dir: string, code: string) => errors.push({ file: displayPath(dir, cwd), code: 'unreadable', values: { detail: code } });
  const add = (abs: string) => {
    const key = realPathOf(abs) ?? abs;
    if (!found.has(key)) found.set(key, { path: abs, display: displayPath(abs, cwd) });
  };
  for (const arg of args) {
    const before = found.size;
    const abs = resolve(cwd, arg);
    const info = await stat(abs).catch(() => undefined);
    const budget = { entries: 0, max: options.maxEntries ?? MAX_WALKED_ENTRIES, onWalk: options.onWalk };
    if (!info && GLOB_CHARS.test(arg)) {
      const { base, matches } = splitGlob(arg, cwd);
      // Folders a glob cannot list are skipped, not reported: `'/**'` meets many.
      const hits: string[] = [];
      const walked = await walk(base, new Set(), async (file) => {
        if (matches(file)) hits.push(file);
      }, () => {}, budget);
      // A search that stopped adds nothing: half a glob's files would pass for all of them.
      if (!walked) errors.push(tooMany(arg, budget.max));
      else for (const file of hits) add(file);
      if (walked && found.size === before) errors.push({ file: arg, code: 'no-match', values: {} });
      continue;
    }
    if (info?.isDirectory()) {
      const hits: string[] = [];
      const walked = await walk(abs, new Set(), async (file) => {
        if (isYamlFile(file)) hits.push(file);
      }, fail, budget);
      if (!walked) errors.push(tooMany(displayPath(abs, cwd), budget.max));
      else for (const file of hits) add(file);
      if (walked && found.size === before) errors.push({ file: displayPath(abs, cwd), code: 'no-match', values: {} });
    } else {
      // Missing and unreadable files are reported when they are loaded, with the other input errors.
      add(abs);
    }
  }
  const byName = <T>(key: (x: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  const files = [...found.values()].sort(byName((f) => f.display));
  // In any order of the arguments, the same report.
  errors.sort(byName((e) => `${e.file}\0${e.code}`));
  return { files, errors };
}

const tooMany = (file: string, limit: number): InputError => ({ file, code: 'too-many-files', values: { limit } });

interface Budget {
  entries: number;
  max: number;
  onWalk?: DiscoverOptions['onWalk'];
}

/**
 * The path with every link resolved (the C library's realpath, as fs/promises' is), or undefined
 * when it cannot be. Synchronous: one call per plan, and the promise's round trip cost four times
 * the call (~0.15 s of CPU over the 2,844 plans of the corpus against ~0.04 s).
 */
function realPathOf(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

/**
 * Depth-first, in name order; each real folder once, so symlink loops end. A link that leads
 * nowhere (dangling, or a loop of links) is still visited by name, so that a `plan.yaml` link
 * gets reported rather than silently skipped; a folder that cannot be listed is reported
 * through `fail`. False when the walk stopped at `MAX_WALKED_ENTRIES`.
 */
async function walk(
  dir: string,
  seen: Set<string>,
  visit: (file: string) => Promise<void>,
  fail: (dir: string, code: string) => void,
  budget: Budget,
): Promise<boolean> {
  const real = realPathOf(dir);
  if (!real || seen.has(real)) return true;
  seen.add(real);
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    fail(dir, (e as NodeJS.ErrnoException).code ?? 'error');
    return true;
  }
  if ((budget.entries += entries.length) > budget.max) return false;
  budget.onWalk?.(budget.entries, dir);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !(await walk(full, seen, visit, fail, budget))) return false;
    } else if (entry.isFile()) {
      await visit(full);
    } else if (entry.isSymbolicLink()) {
      const info = await stat(full).catch(() => undefined);
      if (info?.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name) && !(await walk(full, seen, visit, fail, budget))) return false;
      } else if (!info || info.isFile()) await visit(full);
    }
  }
  return true;
}

/**
 * `plans/**\/*.yaml` → walk `plans/`, and match `**\/*.yaml` against a file's path relative to
 * it (`matches` takes the absolute path, as a walk or a file watcher has it). Supports `*`, `**`,
 * `?`, `[…]`, `{a,b}` and `\` escapes.
 */
export function splitGlob(glob: string, cwd: string): { base: string; matches: (file: string) => boolean } {
  const parts = glob.split('/');
  const fixed: string[] = [];
  for (const p of parts) {
    if (GLOB_CHARS.test(p)) break;
    fixed.push(p);
  }
  const base = resolve(cwd, fixed.join('/') || (glob.startsWith('/') ? '/' : '.'));
  const pattern = globToRegExp(parts.slice(fixed.length).join('/'));
  return { base, matches: (file) => pattern.test(relative(base, file).split(sep).join('/')) };
}

/**
 * A glob as a linear-time matcher (globs come from command lines and configs of repositories, and
 * `*a*a*a*…` on a long name is polynomial in a backtracking engine). A glob whose `[…]` is no
 * valid class (`[z-a]`) is taken as a literal name.
 */
export function globToRegExp(glob: string): LinearRegex {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '\\' && i + 1 < glob.length) {
      re += literal(glob[++i]!);
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i);
      if (end < 0) re += '\\[';
      else {
        re += `[${glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (c === '{') {
      const end = glob.indexOf('}', i);
      if (end < 0) re += '\\{';
      else {
        re += `(?:${glob
          .slice(i + 1, end)
          .split(',')
          .map((s) => s.replace(/[.+^$()|\\]/g, '\\$&'))
          .join('|')})`;
        i = end;
      }
    } else re += c.replace(/[.+^$()|\\/]/g, '\\$&');
  }
  const source = `^(?:\\./)?${re}$`;
  return linearRegex(regexProblem(source) === undefined ? source : `^(?:\\./)?${literal(glob)}$`);
}

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
