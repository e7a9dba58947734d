import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { loadBuiltinCatalog } from '../catalog/builtin.js';
import { BUILTIN_RULES_DIR, loadRuleFolder, refusedRegex } from '../catalog/load.js';
import type { Catalog, Severity } from '../catalog/types.js';
import { compileFor } from '../engine/ajv.js';
import { dayNumber } from '../engine/functions/date.js';
import { FUNCTIONS } from '../engine/functions/index.js';
import { ANY_DAY, resolveRefs } from '../engine/refs.js';
import { globToRegExp } from '../plan/discover.js';
import type { Path } from '../plan/path.js';
import configSchema from './config.schema.json' with { type: 'json' };
import profileSchema from './profile.schema.json' with { type: 'json' };
import { closest, errorDetail, errorPath, failAt, own, readSource, where, type SourceFile } from './yaml.js';

export const CONFIG_NAMES = ['rural-audit.config.yaml', 'rural-audit.config.yml'] as const;
export const PROFILES_DIR = join(BUILTIN_RULES_DIR, 'profiles');

/** What a settings entry does to a rule: `on` restores the catalog's own severity. */
export type Level = 'off' | 'on' | Severity;

export interface RuleSetting {
  /** `*`, `area:<id>` or a rule id. */
  key: string;
  level: Level;
  /** Where it was written: `file:line:column`. */
  at: string;
}

export interface ParameterSetting {
  name: string;
  value: unknown;
  at: string;
}

/** One source of settings: a profile, the config file's top level, or one of its overrides. */
export interface Layer {
  /** `profile example-province`, `config`, `overrides[0]`. */
  label: string;
  rules: RuleSetting[];
  parameters: ParameterSetting[];
}

export interface Override {
  /** Globs relative to the config's folder (see `matchesGlobs`). */
  files: string[];
  layer: Layer;
}

export interface AppliedProfile {
  name: string;
  file: string;
  example: boolean;
}

export interface Config {
  /** The config file as messages show it; undefined when none is in force. */
  file?: string;
  /** The folder relative paths and globs are resolved against. */
  dir: string;
  /** The built-in catalog plus the custom rules. */
  catalog: Catalog;
  profiles: AppliedProfile[];
  customRules: { dir: string; rules: string[] }[];
  /** Profiles first, in the order they are applied, then the config's own settings. */
  layers: Layer[];
  overrides: Override[];
  /** Globs of plans left out of the run, relative to the config's folder. */
  ignore: string[];
  waiverFiles: { path: string; display: string }[];
  /** The config's own files and folders (config, profiles, waivers, custom rules), absolute: never audited as plans. */
  ownFiles: string[];
  ownDirs: string[];
}

/**
 * Plain data throughout, so that a config crosses to worker threads as it is: globs are kept as
 * text and compiled where they are matched.
 */
export function isOwnFile(config: Config, absPath: string): boolean {
  return config.ownFiles.includes(absPath) || config.ownDirs.some((d) => absPath.startsWith(d + sep));
}

export interface ConfigOptions {
  /** A config file to use; `false` for none; undefined to look for one from `cwd` upward. */
  config?: string | false;
  cwd?: string;
  /** The built-in catalog, when the caller has it already. */
  catalog?: Catalog;
}

/** `rural-audit.config.yaml` in `cwd` or the nearest folder above it. */
export function findConfig(cwd: string = process.cwd()): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** Paths as messages show them: relative to the working directory; built-in profiles by their place in the package. */
export function show(p: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, p);
  const outside = rel.startsWith('..') || isAbsolute(rel);
  const shown = outside && p.startsWith(BUILTIN_RULES_DIR) ? `(built-in) rules/${relative(BUILTIN_RULES_DIR, p)}` : rel || p;
  return shown.split('\\').join('/');
}

/**
 * Load the settings in force: the config file (found or given), the profiles it extends, its
 * custom rule folders. Every mistake is an InputFileError with file:line:column.
 */
export function loadConfig(options: ConfigOptions = {}): Config {
  const cwd = options.cwd ?? process.cwd();
  const builtin = options.catalog ?? loadBuiltinCatalog();
  const path = options.config === false ? undefined : options.config !== undefined ? resolve(cwd, options.config) : findConfig(cwd);
  const empty = (): Config => ({
    dir: cwd,
    catalog: builtin,
    profiles: [],
    customRules: [],
    layers: [],
    overrides: [],
    ignore: [],
    waiverFiles: [],
    ownFiles: [],
    ownDirs: [],
  });
  if (path === undefined) return empty();
  const file = readSource(path, show(path, cwd), 'config', 'invalid-config');
  if (file.data === null || file.data === undefined) return { ...empty(), file: file.display, dir: dirname(path) };
  const validateConfig = compileFor('input', configSchema);
  if (!validateConfig(file.data)) {
    const e = validateConfig.errors![0]!;
    failAt(file, errorPath(e), errorDetail(e));
  }
  const data = file.data as Record<string, any>;
  const dir = dirname(path);

  const customRules: Config['customRules'] = [];
  let catalog = builtin;
  const seen = new Map(builtin.rules.map((r) => [r.id, r.definedIn]));
  ((data.custom_rules ?? []) as string[]).forEach((folder, i) => {
    const abs = resolve(dir, folder);
    if (!existsSync(abs) || !statSync(abs).isDirectory()) failAt(file, ['custom_rules', i], `custom_rules: no such folder ${folder}`);
    const rules = loadRuleFolder(abs, catalog, seen);
    customRules.push({ dir: show(abs, cwd), rules: rules.map((r) => r.id) });
    catalog = { ...catalog, rules: [...catalog.rules, ...rules] };
  });

  const profiles: AppliedProfile[] = [];
  const layers: Layer[] = [];
  const profilePaths = new Set<string>();
  applyExtends(file, ['extends'], data.extends, catalog, { cwd, profiles, layers, stack: [path], done: profilePaths });
  layers.push(layerOf(file, [], data, catalog, 'config'));

  const overrides = ((data.overrides ?? []) as Record<string, any>[]).map((o, i) => ({
    files: o.files as string[],
    layer: layerOf(file, ['overrides', i], o, catalog, `overrides[${i}]`),
  }));
  const ignoreGlobs = (data.ignore ?? []) as string[];
  const waiverFiles = ((data.waivers ?? []) as string[]).map((w) => ({ path: resolve(dir, w), display: show(resolve(dir, w), cwd) }));
  return {
    file: file.display,
    dir,
    catalog,
    profiles,
    customRules,
    layers,
    overrides,
    ignore: ignoreGlobs,
    waiverFiles,
    ownFiles: [path, ...profilePaths, ...waiverFiles.map((w) => w.path)],
    ownDirs: customRules.map((c) => resolve(cwd, c.dir)),
  };
}

interface ExtendState {
  cwd: string;
  profiles: AppliedProfile[];
  layers: Layer[];
  /** Profile files being resolved, to catch a profile that extends itself. */
  stack: string[];
  /** Profile files applied already: a profile reached twice applies once, at its first place. */
  done: Set<string>;
}

/** Profiles are applied depth first: what a profile extends comes before the profile itself. */
function applyExtends(from: SourceFile, at: Path, value: unknown, catalog: Catalog, state: ExtendState): void {
  if (value === undefined) return;
  const list = Array.isArray(value) ? (value as string[]) : [value as string];
  list.forEach((ref, i) => {
    const refAt = Array.isArray(value) ? [...at, i] : at;
    const builtinName = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(ref);
    const path = builtinName ? join(PROFILES_DIR, `${ref}.yaml`) : isAbsolute(ref) ? ref : resolve(dirname(from.path), ref);
    if (!existsSync(path)) {
      const known = builtinProfiles();
      const hint = builtinName ? ` (built-in profiles: ${known.join(', ')})` : '';
      failAt(from, refAt, `extends: no profile ${ref}${hint}`);
    }
    if (state.stack.includes(path)) failAt(from, refAt, `extends: profile ${ref} extends itself`);
    if (state.done.has(path)) return;
    state.done.add(path);
    const file = readSource(path, show(path, state.cwd), 'profile', 'invalid-config');
    const validateProfile = compileFor('input', profileSchema);
    if (!validateProfile(file.data)) {
      const e = validateProfile.errors![0]!;
      failAt(file, errorPath(e), errorDetail(e));
    }
    const data = file.data as Record<string, any>;
    applyExtends(file, ['extends'], data.extends, catalog, { ...state, stack: [...state.stack, path] });
    state.profiles.push({ name: data.name as string, file: file.display, example: data.example === true });
    state.layers.push(layerOf(file, [], data, catalog, `profile ${data.name as string}`));
  });
}

export function builtinProfiles(): string[] {
  return ['default', 'example-province'].filter((n) => existsSync(join(PROFILES_DIR, `${n}.yaml`)));
}

const ORDER = (key: string) => (key === '*' ? 0 : key.startsWith('area:') ? 1 : 2);

/** The `rules` and `parameters` of a config, profile or override, checked against the catalog. */
function layerOf(file: SourceFile, at: Path, data: Record<string, any>, catalog: Catalog, label: string): Layer {
  const ruleIds = new Set(catalog.rules.map((r) => r.id));
  const areaIds = new Set(catalog.areas.map((a) => a.id));
  const rules: RuleSetting[] = [];
  const settings = (data.rules ?? {}) as Record<string, Level>;
  for (const key of Object.keys(settings)) {
    const keyAt = [...at, 'rules', key];
    if (key.startsWith('area:')) {
      const area = key.slice('area:'.length);
      if (!areaIds.has(area)) failAt(file, keyAt, `rules: unknown area ${area}${hint(area, areaIds)}`);
    } else if (key !== '*' && !ruleIds.has(key)) {
      failAt(file, keyAt, `rules: unknown rule id ${key}${hint(key, ruleIds)}`);
    }
    rules.push({ key, level: settings[key]!, at: where(file, keyAt) });
  }
  rules.sort((a, b) => ORDER(a.key) - ORDER(b.key));
  const parameters: ParameterSetting[] = [];
  const values = (data.parameters ?? {}) as Record<string, unknown>;
  for (const name of Object.keys(values)) {
    const valueAt = [...at, 'parameters', name];
    const problem = parameterProblem(name, values[name], catalog);
    if (problem) failAt(file, valueAt, `parameters: ${problem}`);
    parameters.push({ name, value: values[name], at: where(file, valueAt) });
  }
  return { label, rules, parameters };
}

function hint(name: string, known: Set<string>): string {
  const near = closest(name, known);
  return near ? ` (did you mean ${near}?)` : '';
}

/**
 * Why a value cannot stand for a parameter, or undefined when it can: an unknown name, another
 * type than the default's, a date that is no real day, or options a rule's check would refuse.
 */
export function parameterProblem(name: string, value: unknown, catalog: Catalog): string | undefined {
  if (!own(catalog.parameters, name)) {
    return `unknown parameter ${name}${hint(name, new Set(Object.keys(catalog.parameters)))}`;
  }
  const fallback = catalog.parameters[name]!.default;
  const kind = (v: unknown) => (Array.isArray(v) ? 'list' : v === null ? 'null' : typeof v);
  if (kind(value) !== kind(fallback)) return `${name} must be a ${kind(fallback)}, like its default ${JSON.stringify(fallback)}`;
  if (dayNumber(fallback) !== undefined && dayNumber(value) === undefined) return `${name} must be a real date YYYY-MM-DD, not ${JSON.stringify(value)}`;
  for (const rule of catalog.rules) {
    for (const check of rule.then) {
      if (!mentions(check.options, name)) continue;
      const fn = FUNCTIONS[check.function];
      if (!fn) continue;
      const validate = compileFor('input', fn.optionsSchema);
      const options = withValue(check.options ?? {}, catalog, name, value);
      if (!validate(options)) {
        const e = validate.errors![0]!;
        return `${name} = ${JSON.stringify(value)} does not suit rule ${rule.id}: ${e.instancePath || '/'} ${e.message}`;
      }
      const refused = refusedRegex(check.function, options);
      if (refused) return `${name} does not suit rule ${rule.id}: ${refused.problem}`;
    }
  }
  return undefined;
}

function mentions(options: unknown, name: string): boolean {
  if (Array.isArray(options)) return options.some((o) => mentions(o, name));
  if (typeof options !== 'object' || options === null) return false;
  const obj = options as Record<string, unknown>;
  if (obj.$param === name) return true;
  return Object.values(obj).some((v) => mentions(v, name));
}

/** Options as the check would see them with `name` set to `value` and the other parameters at their defaults. */
function withValue(options: unknown, catalog: Catalog, name: string, value: unknown): unknown {
  const param = (p: string): unknown => (p === name ? value : catalog.parameters[p]?.default);
  return resolveRefs(options, { param, today: ANY_DAY, plan: 'fallback' });
}

/**
 * A glob of a config matches a path relative to the config's folder. As in `.gitignore`, a glob
 * without `/` matches a file or folder name at any depth, and a folder matches all beneath it.
 */
export function anyGlob(globs: string[]): (relativePath: string) => boolean {
  const tests = globs.map((glob) => {
    const g = glob.replace(/^\.\//, '').replace(/\/+$/, '');
    const re = globToRegExp(g);
    const anyDepth = !g.includes('/');
    return (rel: string) => {
      const parts = rel.split('/');
      for (let i = 1; i <= parts.length; i++) {
        if (re.test(parts.slice(0, i).join('/'))) return true;
        if (anyDepth && re.test(parts[i - 1]!)) return true;
      }
      return false;
    };
  });
  return (rel) => tests.some((t) => t(rel));
}

const compiledGlobs = new Map<string, (relativePath: string) => boolean>();

/** `anyGlob(globs)(relativePath)`, compiled once per list of globs. */
export function matchesGlobs(globs: readonly string[], relativePath: string): boolean {
  const key = globs.join('\0');
  let test = compiledGlobs.get(key);
  if (!test) compiledGlobs.set(key, (test = anyGlob([...globs])));
  return test(relativePath);
}
