import { createRequire } from 'node:module';
import type { Ajv, Options, ValidateFunction } from 'ajv';
import ajvPackage from 'ajv/package.json' with { type: 'json' };
import { linearRegex } from '../plan/regex.js';

/**
 * The one Ajv setup: every JSON Schema the tool validates with is compiled here, in one of three
 * configurations, and the build (src/precompile.ts) turns the built-in ones into standalone code
 * with the very same configurations, so that a run compiles no schema unless custom rules or a
 * config bring new ones (docs/performance.md, "Start-up").
 *
 * - `plan`: the plan format. Every error at once, with the failing value (`verbose`) for the
 *   measured value of a finding. Its patterns are ours and keep `RegExp` (one uses a lookahead).
 * - `condition`: JSON Schemas written in rules (`where`, and the schema options of `schema`,
 *   `share`, `coverage`, `tilt` …). As `plan`, but their `pattern`s come from repositories and run
 *   on the linear engine (src/plan/regex.ts).
 * - `input`: the tool's own input files (rule files, config, profiles) and check options: the
 *   first error is the one a message names.
 *
 * For all: `ownProperties` keeps a `__proto__` or `constructor` key from reaching
 * Object.prototype; `strict: false` lets a schema carry words of its own (`title` in two
 * languages, descriptions); `validateFormats: false` because no format is defined — `format` is
 * an annotation, as it was, and Ajv no longer prints "unknown format ignored" on stderr.
 */
export type SchemaUse = 'plan' | 'condition' | 'input';

const COMMON = { strict: false, ownProperties: true, validateFormats: false } as const;
// strictNumbers: NaN and ±Infinity (`.nan`, `.inf`, `1e999` in YAML) are not numbers a plan can mean.
const VALUES = { ...COMMON, allErrors: true, verbose: true, strictNumbers: true } as const;
const SETTINGS: Record<SchemaUse, Options> = { plan: VALUES, condition: VALUES, input: { ...COMMON, allErrors: false } };
/** The name standalone code calls the linear engine by: precompiled condition code gets it passed in. */
const LINEAR = 'linearRegex';
const linear = Object.assign((source: string) => linearRegex(source), { code: LINEAR });
const regExpOf = (use: SchemaUse) => (use === 'condition' ? { regExp: linear } : {});

/**
 * An Ajv for one use; `source: true` for the build, which writes its validators as standalone code.
 * Ajv itself is loaded here, when a schema is first compiled: a run the build's validators serve
 * never loads it (nor does the browser page, which could not run what it compiles).
 */
export function createAjv(use: SchemaUse, { source = false }: { source?: boolean } = {}): Ajv {
  const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
  return new Ajv({ ...SETTINGS[use], code: { ...regExpOf(use), ...(source ? { source: true } : {}) } });
}

/**
 * What precompiled code is good for: Ajv's version and the use's options. Code written under other
 * settings is ignored. Within a set, validators are found by their schema's text, so a schema the
 * build did not see (edited rules, a config's parameters) is compiled, never given another's code.
 */
export function settingsId(use: SchemaUse): string {
  return JSON.stringify({ ajv: ajvPackage.version, use, options: SETTINGS[use], regExp: use === 'condition' ? LINEAR : 'RegExp' });
}

/** The build's file of validators for a use, beside this module: dist/engine/schemas-<use>.cjs. */
export const precompiledFile = (use: SchemaUse): string => `./schemas-${use}.cjs`;

/**
 * The text a validator is filed under: the schema as JSON. Undefined when JSON would not say it
 * exactly (a non-finite number, which JSON writes as null): such a schema is compiled.
 */
export function schemaKey(schema: object): string | undefined {
  let exact = true;
  const text = JSON.stringify(schema, (_k, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) exact = false;
    return v;
  });
  return exact ? text : undefined;
}

/** The shape of a precompiled file (written by src/precompile.ts). */
export interface PrecompiledFile {
  settings: string;
  /** Schema texts (schemaKey) and the names of their validators. */
  keys: Record<string, string>;
  load(linearRegex: (source: string) => unknown): Record<string, ValidateFunction>;
}

interface Compiler {
  ajv?: Ajv;
  precompiled?: Map<string, ValidateFunction> | null;
  byKey: Map<string, ValidateFunction>;
  byObject: WeakMap<object, ValidateFunction>;
}

const compilers: Record<SchemaUse, Compiler> = {
  plan: { byKey: new Map(), byObject: new WeakMap() },
  condition: { byKey: new Map(), byObject: new WeakMap() },
  input: { byKey: new Map(), byObject: new WeakMap() },
};

/** How many schemas were compiled in this process rather than taken from the build: tests hold it at 0 for the built-in catalog. */
export const compiledAtRunTime = { count: 0 };

function precompiledOf(use: SchemaUse): Map<string, ValidateFunction> | null {
  try {
    const file = createRequire(import.meta.url)(precompiledFile(use)) as PrecompiledFile;
    if (file.settings !== settingsId(use)) return null;
    const validators = file.load(linear);
    return new Map(Object.entries(file.keys).map(([key, name]) => [key, validators[name]!]));
  } catch {
    // Running from source, or a build without the step: compile.
    return null;
  }
}

/**
 * The validator of a schema for a use: the build's when it has one for the same text, else
 * compiled once per text (a schema resolved anew for each plan is not compiled again). Throws
 * Ajv's error for a schema that is not valid.
 */
export function compileFor(use: SchemaUse, schema: object): ValidateFunction {
  const c = compilers[use];
  let fn = c.byObject.get(schema);
  if (fn) return fn;
  const key = schemaKey(schema);
  if (key !== undefined) {
    if (c.precompiled === undefined) c.precompiled = precompiledOf(use);
    fn = c.precompiled?.get(key) ?? c.byKey.get(key);
  }
  if (!fn) {
    fn = (c.ajv ??= createAjv(use)).compile(schema);
    compiledAtRunTime.count++;
    if (key !== undefined) c.byKey.set(key, fn);
  }
  c.byObject.set(schema, fn);
  return fn;
}
