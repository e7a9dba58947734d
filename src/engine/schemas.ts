import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import planSchemaJson from '../plan/plan.schema.json' with { type: 'json' };
import type { Path } from '../plan/path.js';
import { linearRegex } from '../plan/regex.js';
import { LIMITS } from './limits.js';
import { childOf } from './select.js';
import type { SchemaError } from './functions/types.js';

/**
 * One validator for the plan schema and for the JSON Schema conditions written in rules.
 * `ownProperties` keeps a plan's `__proto__` or `constructor` keys from reaching Object.prototype.
 */
// strictNumbers: NaN and ±Infinity (`.nan`, `.inf`, `1e999` in YAML) are not numbers a plan can mean.
export const AJV_OPTIONS = { allErrors: true, verbose: true, strict: false, ownProperties: true, strictNumbers: true } as const;
const ajv = new Ajv(AJV_OPTIONS);
// Schemas written in rules come from repositories: their `pattern`s run on the linear engine.
// The plan schema is ours and keeps `RegExp` (it uses a lookahead, and is compiled at build time).
const linear = Object.assign((source: string) => linearRegex(source), { code: 'linearRegex' });
const ruleAjv = new Ajv({ ...AJV_OPTIONS, code: { regExp: linear } });
const cache = new WeakMap<object, ValidateFunction>();

/** The plan schema's validator, pre-compiled by the build (src/precompile.ts); absent when running from source. */
export const PLAN_VALIDATOR_FILE = './plan-validator.cjs';

/** Identity of the schema a validator was made from: a stale build is never used. */
export const schemaHash = (schema: object): string => createHash('sha256').update(JSON.stringify(schema)).digest('hex');

function precompiled(schema: object): ValidateFunction | undefined {
  if (schema !== planSchemaJson) return undefined;
  try {
    const fn = createRequire(import.meta.url)(PLAN_VALIDATOR_FILE) as ValidateFunction & { schemaHash?: string };
    return fn.schemaHash === schemaHash(schema) ? fn : undefined;
  } catch {
    return undefined;
  }
}

export function compileSchema(schema: object): ValidateFunction {
  let fn = cache.get(schema);
  if (!fn) {
    fn = schema === planSchemaJson ? (precompiled(schema) ?? ajv.compile(schema)) : ruleAjv.compile(schema);
    cache.set(schema, fn);
  }
  return fn;
}

export function conforms(schema: object, value: unknown): boolean {
  return compileSchema(schema)(value) === true;
}

/**
 * The violations, converted. Unknown keys past LIMITS.unknownKeysPerMapping in one mapping are
 * only counted, on the first of them (`unlisted`): converting each of 400,000 costs seconds.
 */
export function schemaErrors(schema: object, value: unknown): SchemaError[] {
  const validate = compileSchema(schema);
  if (validate(value)) return [];
  const out: SchemaError[] = [];
  const unknownKeys = new Map<string, { count: number; past?: SchemaError }>();
  for (const e of validate.errors ?? []) {
    if (e.keyword === 'additionalProperties') {
      let seen = unknownKeys.get(e.instancePath);
      if (!seen) unknownKeys.set(e.instancePath, (seen = { count: 0 }));
      if (++seen.count > LIMITS.unknownKeysPerMapping) {
        if (seen.past) seen.past.unlisted!++;
        else out.push((seen.past = { ...toSchemaError(e, value), unlisted: 1 }));
        continue;
      }
    }
    out.push(toSchemaError(e, value));
  }
  return out;
}

function toSchemaError(e: ErrorObject, root: unknown): SchemaError {
  const path: (string | number)[] = [];
  let node = root;
  for (const raw of e.instancePath.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const step = Array.isArray(node) ? Number(seg) : seg;
    path.push(step);
    node = childOf(node, step);
  }
  const params: Record<string, unknown> = { ...e.params };
  const parent = e.parentSchema as { title?: string; description?: string } | undefined;
  if (parent?.title) params.title = parent.title;
  if (parent?.description) params.description = parent.description;
  return { path, keyword: e.keyword, params: { ...params, data: e.data } };
}

export type { Path };
