/**
 * Build step (`npm run build`, after tsc): what every run would otherwise redo at start-up.
 * - Every JSON Schema a run with the built-in catalog validates with (builtinSchemas.ts) as Ajv
 *   standalone code, one file per use beside engine/ajv.js (schemas-plan.cjs, -condition.cjs,
 *   -input.cjs), written with the very settings ajv.ts compiles with. Loading the plan schema's
 *   validator takes ~25 ms, compiling it ~300 ms (in every worker thread too); the rules' small
 *   conditions cost more than that together, for Ajv first compiles its meta-schema.
 * - A snapshot of the built-in catalog (catalog/builtin.ts), used while the rule files are unchanged.
 * - The editor flavour of the plan schema, dist/plan/editor.schema.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import standalone from 'ajv/dist/standalone/index.js';
import { builtinSchemas } from './builtinSchemas.js';
import { writeSnapshot } from './catalog/builtin.js';
import { createAjv, precompiledFile, schemaKey, settingsId, type SchemaUse } from './engine/ajv.js';
import { loadCatalog } from './catalog/load.js';
import { EDITOR_SCHEMA_FILE, editorSchema } from './scaffold/editorSchema.js';

/** A CommonJS module: `settings`, `keys` (schema text → name) and `load(linearRegex)` giving the validators by name. */
function precompiledModule(use: SchemaUse, schemas: object[]): string {
  const ajv = createAjv(use, { source: true });
  const keys: Record<string, string> = {};
  for (const schema of schemas) {
    const key = schemaKey(schema);
    if (key === undefined || Object.hasOwn(keys, key)) continue;
    const name = `s${Object.keys(keys).length}`;
    ajv.addSchema(schema, name);
    keys[key] = name;
  }
  const refs = Object.fromEntries(Object.values(keys).map((name) => [name, name]));
  // Standalone code names the linear engine `linearRegex` (engine/ajv.ts) and assigns `exports.<name>`.
  const code = standalone.default(ajv, refs);
  return [
    '"use strict";',
    `exports.settings = ${JSON.stringify(settingsId(use))};`,
    `exports.keys = ${JSON.stringify(keys)};`,
    `exports.load = function (linearRegex) {\nconst exports = {};\n${code}\nreturn exports;\n};`,
    '',
  ].join('\n');
}

const catalog = loadCatalog();
for (const [use, schemas] of Object.entries(builtinSchemas(catalog)) as [SchemaUse, object[]][]) {
  writeFileSync(new URL(`./engine/${precompiledFile(use)}`, import.meta.url), precompiledModule(use, schemas));
}
writeSnapshot();
// The schema editors use (init's first line points at it): the plan schema with messages, code
// descriptions and clause quotes, and the placeholder accepted (scaffold/editorSchema.ts).
mkdirSync(new URL('./plan/', import.meta.url), { recursive: true });
writeFileSync(new URL(`./plan/${EDITOR_SCHEMA_FILE}`, import.meta.url), `${JSON.stringify(editorSchema(catalog), null, 2)}\n`);
