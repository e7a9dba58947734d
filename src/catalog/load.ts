import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FUNCTIONS } from '../engine/functions/index.js';
import { emittedIds, schemaOptionKeys } from '../engine/functions/types.js';
import { compileFor } from '../engine/ajv.js';
import { compileSchema } from '../engine/schemas.js';
import { ANY_DAY, readsPlan, resolveRefs } from '../engine/refs.js';
import { Selector } from '../engine/select.js';
import { InputFileError } from '../plan/input-error.js';
import { isInputError, loadInputFile } from '../plan/load.js';
import type { Locator } from '../plan/position.js';
import { regexProblem } from '../plan/regex.js';
import { ownersOf } from './owners.js';
import ruleFileSchema from './rule.schema.json' with { type: 'json' };
import type { Area, Bilingual, Catalog, ManualItem, OutsideSource, Parameter, Rule } from './types.js';

/** The built-in catalog: `rules/` at the package root. */
export const BUILTIN_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));

/** The name this error had when only rule files threw it: every input file now throws `InputFileError`. */
export { InputFileError as CatalogError };

// Taken on first use: a run with the built-in catalog's snapshot (builtin.ts) never needs it.
const ruleFileValidator = () => compileFor('input', ruleFileSchema);

interface YamlFile {
  file: string;
  data: unknown;
  locator: Locator;
}

function readYaml(path: string, display: string): YamlFile {
  const loaded = loadInputFile(path, display, 'rules');
  if (isInputError(loaded)) throw new InputFileError(loaded);
  return { file: display, data: loaded.data, locator: loaded.locator };
}

function fail(file: YamlFile, path: (string | number)[], detail: string): never {
  const at = file.locator.locate(path);
  throw new InputFileError({ file: file.file, code: 'invalid-catalog', line: at.line, column: at.column, values: { detail } });
}

/**
 * Load a catalog folder: `areas.yaml`, `parameters.yaml`, `terms.yaml` and the rule files
 * under `catalog/`. Every rule file is validated against the rule meta-schema and every check's
 * options against its function's schema; a broken file is reported with file:line:column.
 */
export function loadCatalog(dir: string = BUILTIN_RULES_DIR): Catalog {
  const show = (p: string) => relative(process.cwd(), p) || p;
  const areasFile = readYaml(join(dir, 'areas.yaml'), show(join(dir, 'areas.yaml')));
  const paramsFile = readYaml(join(dir, 'parameters.yaml'), show(join(dir, 'parameters.yaml')));
  const termsFile = readYaml(join(dir, 'terms.yaml'), show(join(dir, 'terms.yaml')));
  const areas = areasFile.data as Area[];
  const parameters: Record<string, Parameter> = {};
  for (const [name, p] of Object.entries(paramsFile.data as Record<string, Omit<Parameter, 'name'>>)) {
    parameters[name] = { name, ...p };
  }
  const terms = termsFile.data as Record<string, Bilingual>;
  const sourcesPath = join(dir, 'sources.yaml');
  const sourcesFile = existsSync(sourcesPath) ? readYaml(sourcesPath, show(sourcesPath)) : undefined;
  const sources = sourcesFile ? outsideSourcesOf(sourcesFile) : undefined;
  for (const [name, p] of Object.entries(parameters)) {
    for (const [k, id] of (p.cites ?? []).entries()) {
      if (!sources?.[id]) fail(paramsFile, [name, 'cites', k], `unknown source ${id}; sources are listed in sources.yaml`);
    }
  }
  const manualPath = join(dir, 'manual.yaml');
  const manual = existsSync(manualPath) ? ((readYaml(manualPath, show(manualPath)).data ?? []) as ManualItem[]) : [];
  const ruleDir = join(dir, 'catalog');
  const files = readdirSync(ruleDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  const rules: Rule[] = [];
  const seen = new Map<string, string>();
  const areaIds = new Set(areas.map((a) => a.id));
  for (const name of files) {
    const file = readYaml(join(ruleDir, name), show(join(ruleDir, name)));
    rules.push(...rulesOf(file, { seen, areaIds, parameters, sources }));
  }
  const ownersPath = join(dir, 'owners.yaml');
  const ownersFile = existsSync(ownersPath) ? readYaml(ownersPath, show(ownersPath)) : undefined;
  const owners = ownersFile ? ownersOf(ownersFile.file, ownersFile.data, ownersFile.locator, areaIds) : undefined;
  return { rules, manual, areas, parameters, terms, ...(sources ? { sources } : {}), ...(owners ? { owners } : {}) };
}

/** `sources.yaml`: each outside document with a title, an issuer and a date. */
function outsideSourcesOf(file: YamlFile): Record<string, OutsideSource> {
  if (typeof file.data !== 'object' || file.data === null || Array.isArray(file.data)) fail(file, [], 'expected a map of source ids to documents');
  const bilingual = (v: unknown) => typeof v === 'object' && v !== null && typeof (v as Bilingual).zh === 'string' && typeof (v as Bilingual).en === 'string';
  const out: Record<string, OutsideSource> = {};
  for (const [id, raw] of Object.entries(file.data as Record<string, Record<string, unknown>>)) {
    for (const field of ['title', 'issuer', 'facts']) if (!bilingual(raw?.[field])) fail(file, [id, field], `source ${id}: ${field} needs zh and en`);
    if (typeof raw.date !== 'string' || !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(raw.date)) fail(file, [id, 'date'], `source ${id}: date must be YYYY-MM-DD, YYYY-MM or YYYY`);
    out[id] = { id, title: raw.title as Bilingual, issuer: raw.issuer as Bilingual, date: raw.date, facts: raw.facts as Bilingual };
  }
  return out;
}

interface Known {
  seen: Map<string, string>;
  areaIds: Set<string>;
  parameters: Record<string, Parameter>;
  /** Outside documents rules may cite; a custom rule folder may cite those of the catalog. */
  sources?: Record<string, OutsideSource>;
}

export function rulesOf(file: YamlFile, known: Known): Rule[] {
  const validateRuleFile = ruleFileValidator();
  if (!validateRuleFile(file.data)) {
    const e = validateRuleFile.errors![0]!;
    const path = e.instancePath
      .split('/')
      .slice(1)
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const detail = `${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? `: ${e.params.additionalProperty}` : ''}`;
    fail(file, path, detail);
  }
  const raw = file.data as Record<string, any>[];
  return raw.map((r, i) => {
    const at = (...p: (string | number)[]) => [i, ...p];
    if (known.seen.has(r.id)) fail(file, at('id'), `duplicate rule id ${r.id} (first in ${known.seen.get(r.id)})`);
    known.seen.set(r.id, file.file);
    if (!known.areaIds.has(r.area)) fail(file, at('area'), `unknown area ${r.area}`);
    const given: string[] = Array.isArray(r.given) ? r.given : [r.given];
    given.forEach((g, k) => {
      try {
        new Selector(g);
      } catch {
        fail(file, Array.isArray(r.given) ? at('given', k) : at('given'), `invalid selector ${g}`);
      }
    });
    for (const [k, id] of ((r.source?.cites ?? []) as string[]).entries()) {
      if (!known.sources?.[id]) fail(file, at('source', 'cites', k), `unknown source ${id}; sources are listed in rules/sources.yaml`);
    }
    if (r.window) {
      for (const bound of ['through', 'after'] as const) {
        if (r.window[bound] === undefined) continue;
        const resolved = withDefaults({ [bound]: r.window[bound] }, known.parameters, (name) => fail(file, at('window', bound), `unknown parameter ${name}`));
        if (typeof (resolved as Record<string, unknown>)[bound] !== 'string') fail(file, at('window', bound), `window.${bound} must be a date or a reference to one`);
      }
    }
    const then = Array.isArray(r.then) ? r.then : [r.then];
    // Which check emits each message id (with these options), and where that check is written.
    const emitted = new Map<string, { fn: string; where: (string | number)[] }>();
    then.forEach((c: { function: string; options?: unknown }, k: number) => {
      const where = Array.isArray(r.then) ? at('then', k) : at('then');
      // Own properties only: `constructor` or `__proto__` is an unknown name, not Object's.
      const fn = Object.hasOwn(FUNCTIONS, c.function) ? FUNCTIONS[c.function] : undefined;
      if (!fn) fail(file, [...where, 'function'], `unknown function ${c.function}; known: ${Object.keys(FUNCTIONS).join(', ')}`);
      const refused = refusedRegex(c.function, c.options);
      if (refused) fail(file, [...where, 'options', ...refused.path], refused.problem);
      const options = withDefaults(c.options ?? {}, known.parameters, (name) =>
        fail(file, [...where, 'options'], `unknown parameter ${name}`),
      );
      const validate = compileFor('input', fn.optionsSchema);
      if (!validate(options)) {
        const e = validate.errors![0]!;
        fail(file, [...where, 'options'], `options of ${c.function}: ${e.instancePath || '/'} ${e.message}`);
      }
      // JSON Schemas written in the options are compiled now: a broken one is the rule's error, not an internal error mid-audit.
      for (const key of schemaOptionKeys(fn)) {
        const schema = (options as Record<string, unknown>)[key];
        const problem = typeof schema === 'object' && schema !== null ? schemaProblem(schema) : undefined;
        if (problem) fail(file, [...where, 'options', key], `options of ${c.function}: ${key} is not a valid JSON Schema: ${problem}`);
      }
      // An option read from the plan may be there or not: the ids of both cases.
      const fromPlan = readsPlan(c.options) ? [withDefaults(c.options, known.parameters, () => [] as never, 'defer')] : [];
      for (const opts of [options, ...fromPlan]) for (const id of emittedIds(fn, opts)) if (!emitted.has(id)) emitted.set(id, { fn: c.function, where });
    });
    messagesMatch(file, at, r.messages, emitted);
    const whereProblem = typeof r.where === 'object' && r.where !== null ? schemaProblem(withDefaults(r.where, known.parameters, (name) => fail(file, at('where'), `unknown parameter ${name}`)) as object) : undefined;
    if (whereProblem) fail(file, at('where'), `where is not a valid JSON Schema: ${whereProblem}`);
    return { ...r, given, then, definedIn: file.file } as Rule;
  });
}

/**
 * A rule has a template for every message id its checks can emit, and none that no check emits:
 * a gap never falls back to the generic `message`, and no template is dead text.
 */
function messagesMatch(
  file: YamlFile,
  at: (...p: (string | number)[]) => (string | number)[],
  messages: Record<string, unknown> | undefined,
  emitted: Map<string, { fn: string; where: (string | number)[] }>,
): void {
  for (const [id, by] of [...emitted].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (messages && Object.hasOwn(messages, id)) continue;
    const what = FUNCTIONS[by.fn]!.messages[id];
    fail(file, messages ? at('messages') : [...by.where, 'function'], `messages lacks ${id}, which ${by.fn} emits with these options: ${what} (docs/functions.md)`);
  }
  for (const id of Object.keys(messages ?? {})) {
    if (emitted.has(id)) continue;
    const ids = [...emitted.keys()].sort();
    fail(file, at('messages', id), `messages.${id}: no check of this rule emits it (${ids.length ? `they emit ${ids.join(', ')}` : 'they emit no message ids'}); see docs/functions.md`);
  }
}

/**
 * The regular expressions in a check's options, where they are written: `pattern`'s `match`, and
 * every `pattern` and `patternProperties` key of a JSON Schema written in the options.
 */
function regexesIn(fn: string, options: unknown): { path: (string | number)[]; source: string }[] {
  const found: { path: (string | number)[]; source: string }[] = [];
  const visit = (value: unknown, path: (string | number)[]) => {
    if (Array.isArray(value)) return value.forEach((v, i) => visit(v, [...path, i]));
    if (typeof value !== 'object' || value === null) return;
    for (const [k, v] of Object.entries(value)) {
      if (k === 'pattern' && typeof v === 'string') found.push({ path: [...path, k], source: v });
      if (k === 'patternProperties' && typeof v === 'object' && v !== null) {
        for (const key of Object.keys(v)) found.push({ path: [...path, k, key], source: key });
      }
      visit(v, [...path, k]);
    }
  };
  const obj = options as Record<string, unknown> | undefined;
  if (fn === 'pattern') {
    for (const key of ['match', 'notMatch'] as const) if (typeof obj?.[key] === 'string') found.push({ path: [key], source: obj[key] as string });
  } else visit(options, []);
  return found;
}

/** Options that hold a JSON Schema (`schema`'s `schema`, `share`'s `match`, `coverage`'s `covered`, the `where` of both). */
function schemaProblem(schema: object): string | undefined {
  try {
    compileSchema(schema);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** The first regular expression of a check's options that the linear engine refuses, with where it is and why. */
export function refusedRegex(fn: string, options: unknown): { path: (string | number)[]; problem: string } | undefined {
  for (const { path, source } of regexesIn(fn, options)) {
    const problem = regexProblem(source);
    if (problem) return { path, problem };
  }
  return undefined;
}

/**
 * Options as the function will see them by default: parameters at their defaults, plan references
 * at their fallbacks (or, `defer`, kept as references), the audit date any real day.
 */
function withDefaults(value: unknown, parameters: Record<string, Parameter>, unknown: (name: string) => never, plan: 'fallback' | 'defer' = 'fallback'): unknown {
  const param = (name: string): unknown => (Object.hasOwn(parameters, name) ? parameters[name]!.default : unknown(name));
  return resolveRefs(value, { param, today: ANY_DAY, plan });
}

/**
 * A folder of extra rule files (custom rules of a province or county): each `*.yaml` directly
 * in it is a rule file, validated like the built-in ones against the catalog's areas and
 * parameters; an id already in the catalog (or in `seen`) is an error. Subfolders (fixtures) are not read.
 */
export function loadRuleFolder(dir: string, catalog: Catalog, seen: Map<string, string> = new Map(catalog.rules.map((r) => [r.id, r.definedIn]))): Rule[] {
  const show = (p: string) => relative(process.cwd(), p) || p;
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((f) => (f.isFile() || f.isSymbolicLink()) && /\.ya?ml$/.test(f.name))
    .map((f) => f.name)
    .sort();
  const known = { seen, areaIds: new Set(catalog.areas.map((a) => a.id)), parameters: catalog.parameters, sources: catalog.sources };
  return files.flatMap((name) => rulesOf(readYaml(join(dir, name), show(join(dir, name))), known));
}
