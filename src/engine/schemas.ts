import type { ErrorObject, ValidateFunction } from 'ajv';
import planSchemaJson from '../plan/plan.schema.json' with { type: 'json' };
import type { Path } from '../plan/path.js';
import { compileFor } from './ajv.js';
import { LIMITS } from './limits.js';
import { childOf } from './select.js';
import type { SchemaError } from './functions/types.js';

/**
 * Validation of a plan against the plan schema and against the JSON Schema conditions written in
 * rules; both are compiled by the one Ajv setup (ajv.ts), from the build's standalone code when it
 * has them.
 */
export function compileSchema(schema: object): ValidateFunction {
  return compileFor(schema === planSchemaJson ? 'plan' : 'condition', schema);
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
  // A value type the schema defines once (`#/$defs/village_code/pattern`): its name finds the
  // words for its form in each language (rules/terms.yaml `form.village_code`).
  const defined = /^#\/\$defs\/([^/]+)\/[^/]+$/.exec(e.schemaPath);
  if (defined) params.definition = defined[1];
  return { path, keyword: e.keyword, params: { ...params, data: e.data } };
}

export type { Path };
