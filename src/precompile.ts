/**
 * Build step (`npm run build`, after tsc): what every run would otherwise redo at start-up.
 * - The plan schema's validator as standalone code: loading it takes ~25 ms, compiling it ~300 ms
 *   (in every worker thread too). Written with the very options schemas.ts compiles with.
 * - A snapshot of the built-in catalog (catalog/builtin.ts), used while the rule files are unchanged.
 * - The editor flavour of the plan schema, dist/plan/editor.schema.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';
import { writeSnapshot } from './catalog/builtin.js';
import { AJV_OPTIONS, PLAN_VALIDATOR_FILE, schemaHash } from './engine/schemas.js';
import planSchemaJson from './plan/plan.schema.json' with { type: 'json' };
import { loadCatalog } from './catalog/load.js';
import { EDITOR_SCHEMA_FILE, editorSchema } from './scaffold/editorSchema.js';

const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
// A CommonJS module whose function is its `default` export.
const code = standalone.default(ajv, ajv.compile(planSchemaJson));
writeFileSync(
  new URL(`./engine/${PLAN_VALIDATOR_FILE}`, import.meta.url),
  `${code}\nmodule.exports.schemaHash = ${JSON.stringify(schemaHash(planSchemaJson))};\n`,
);
writeSnapshot();
// The schema editors use (init's first line points at it): the plan schema with messages, code
// descriptions and clause quotes, and the placeholder accepted (scaffold/editorSchema.ts).
mkdirSync(new URL('./plan/', import.meta.url), { recursive: true });
writeFileSync(new URL(`./plan/${EDITOR_SCHEMA_FILE}`, import.meta.url), `${JSON.stringify(editorSchema(loadCatalog()), null, 2)}\n`);
