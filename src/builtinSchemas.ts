/**
 * Every JSON Schema a run with the built-in catalog validates with, by use (engine/ajv.ts): what
 * the build precompiles (src/precompile.ts), and what test/scale/precompiled-validator.test.ts
 * compares the build's files against, so that a stale build is caught.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from './catalog/load.js';
import ruleFileSchema from './catalog/rule.schema.json' with { type: 'json' };
import type { Catalog } from './catalog/types.js';
import configSchema from './config/config.schema.json' with { type: 'json' };
import { effectiveSettings, tailoredCatalog } from './config/effective.js';
import { builtinProfiles, loadConfig } from './config/load.js';
import profileSchema from './config/profile.schema.json' with { type: 'json' };
import type { SchemaUse } from './engine/ajv.js';
import { compileCatalog } from './engine/audit.js';
import { FUNCTIONS } from './engine/functions/index.js';
import { schemaOptionKeys } from './engine/functions/types.js';
import { ANY_DAY, readsPlan } from './engine/refs.js';
import planSchemaJson from './plan/plan.schema.json' with { type: 'json' };

/** The conditions a catalog's rules validate with under some parameters: `where`, and schema options not read from the plan. */
function conditionsOf(catalog: Catalog, parameters: Record<string, unknown>): object[] {
  const out: object[] = [];
  for (const { where, checks } of compileCatalog(catalog, parameters, ANY_DAY).rules) {
    if (where && !where.readsPlan) out.push(where.condition);
    for (const check of checks) {
      for (const key of schemaOptionKeys(check.fn)) {
        const value = (check.options as Record<string, unknown> | undefined)?.[key];
        if (typeof value === 'object' && value !== null && !readsPlan(value)) out.push(value);
      }
    }
  }
  return out;
}

/** The built-in catalog as each built-in profile tailors it (the browser page offers them all). */
export function profileParameters(catalog: Catalog): Record<string, unknown>[] {
  const dir = mkdtempSync(join(tmpdir(), 'rural-audit-schemas-'));
  try {
    return builtinProfiles().map((name) => {
      const file = join(dir, `${name}.yaml`);
      writeFileSync(file, `extends: ${name}\n`);
      const config = loadConfig({ config: file, cwd: dir, catalog });
      return tailoredCatalog(config.catalog, effectiveSettings(config)).parameters;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function builtinSchemas(catalog: Catalog = loadCatalog()): Record<SchemaUse, object[]> {
  const condition = [{}, ...profileParameters(catalog)].flatMap((parameters) => conditionsOf(catalog, parameters));
  const input = [ruleFileSchema, configSchema, profileSchema, ...Object.values(FUNCTIONS).map((fn) => fn.optionsSchema)];
  return { plan: [planSchemaJson], condition, input };
}
