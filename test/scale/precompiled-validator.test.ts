import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinSchemas, profileParameters } from '../../src/builtinSchemas.js';
import { loadCatalog } from '../../src/catalog/load.js';
import { compiledAtRunTime, compileFor, createAjv, schemaKey, settingsId, type PrecompiledFile, type SchemaUse } from '../../src/engine/ajv.js';
import { linearRegex } from '../../src/plan/regex.js';
import type { LoadedDocument } from '../../src/plan/load.js';
import { parseYaml } from '../../src/plan/parse.js';
import planSchemaJson from '../../src/plan/plan.schema.json' with { type: 'json' };
import { ROOT } from '../helpers/cli.js';
// @ts-expect-error the benchmark's generator is plain JavaScript
import { plan } from '../../bench/generate.mjs';

const built = (use: SchemaUse) => join(ROOT, 'dist', 'engine', `schemas-${use}.cjs`);
const load = (use: SchemaUse) => createRequire(import.meta.url)(built(use)) as PrecompiledFile;
const USES: SchemaUse[] = ['plan', 'condition', 'input'];

const texts = [
  ...['aligned', 'partial', 'misaligned'].map((n) => readFileSync(join(ROOT, 'examples', `${n}.yaml`), 'utf8')),
  plan(77, { name: '样例县', code: '439977', province: '湖南省' }, 60),
  'format_version: 2\ncounty: {name: 1}\nvillages: [{name: x, category: nope}]\n',
];
const plans = texts.map((text) => {
  const parsed = parseYaml(text);
  if (!parsed.ok) throw new Error(parsed.detail);
  return parsed.data;
});
/** Every node of the example plans: what conditions are asked about. */
const nodes: unknown[] = [];
const visit = (v: unknown): void => {
  nodes.push(v);
  if (typeof v === 'object' && v !== null) Object.values(v).forEach(visit);
};
plans.slice(0, 3).forEach(visit);

describe('the precompiled validators (built by npm run build)', () => {
  const catalog = loadCatalog();
  const schemas = builtinSchemas(catalog);

  it.each(USES)('%s: written under the settings engine/ajv.ts compiles with, for exactly the schemas of the built-in catalog', (use) => {
    expect(existsSync(built(use)), 'npm test builds first').toBe(true);
    const file = load(use);
    expect(file.settings).toBe(settingsId(use));
    // A stale build (rules, parameters or profiles edited since) has other schemas: caught here;
    // at run time a schema it lacks is compiled (the next test).
    expect(Object.keys(file.keys).sort()).toEqual([...new Set(schemas[use].map((s) => schemaKey(s)!))].sort());
  });

  it('the plan schema: exactly what a freshly compiled validator reports', () => {
    const pre = load('plan').load(linearRegex)[load('plan').keys[schemaKey(planSchemaJson)!]!]!;
    const fresh = createAjv('plan').compile(planSchemaJson);
    let errors = 0;
    for (const data of plans) {
      expect(pre(data)).toBe(fresh(data));
      expect(pre.errors ?? null).toStrictEqual(fresh.errors ?? null);
      errors += fresh.errors?.length ?? 0;
    }
    expect(errors).toBeGreaterThan(3);
  });

  it('the rules\' conditions: the same verdict and errors as freshly compiled ones, on every mapping of the example plans', () => {
    const file = load('condition');
    const validators = file.load(linearRegex);
    const ajv = createAjv('condition');
    const said = (valid: boolean, errors: typeof ajv.errors) =>
      JSON.stringify([valid, (errors ?? []).map((e) => [e.instancePath, e.schemaPath, e.keyword, e.params, e.message, e.parentSchema])]);
    const mappings = nodes.filter((n) => typeof n === 'object' && n !== null && !Array.isArray(n));
    let differ = 0;
    let rejected = 0;
    for (const schema of schemas.condition) {
      const pre = validators[file.keys[schemaKey(schema)!]!]!;
      const fresh = ajv.compile(schema);
      for (const node of mappings) {
        const valid = fresh(node);
        if (said(pre(node), pre.errors) !== said(valid, fresh.errors)) differ++;
        if (!valid) rejected++;
      }
    }
    expect(differ).toBe(0);
    expect(rejected).toBeGreaterThan(100);
  });

  it('a schema the build did not see is compiled, once per text; one that does not say its text in JSON is compiled for itself', () => {
    const schema = { properties: { unseen_by_the_build: { const: 1 } } };
    expect(schemaKey(schema)).toBeDefined();
    const compiled = compiledAtRunTime.count;
    const a = compileFor('condition', schema);
    expect(compiledAtRunTime.count).toBe(compiled + 1);
    expect(a({ unseen_by_the_build: 2 })).toBe(false);
    expect(compileFor('condition', structuredClone(schema))).toBe(a);
    // JSON writes -Infinity as null: the two must not share a validator.
    expect(compileFor('condition', { const: null })(null)).toBe(true);
    expect(schemaKey({ const: -Infinity })).toBeUndefined();
    expect(compileFor('condition', { const: -Infinity })(null)).toBe(false);
  });
});

describe('a run with the built-in catalog compiles no schema', () => {
  it('auditing the examples and every rule\'s examples, with the default parameters, and the example plans with each built-in profile\'s', async () => {
    // The build's modules, which find the build's validators beside them.
    const dist = <T>(p: string) => import(join(ROOT, 'dist', p)) as Promise<T>;
    const { compiledAtRunTime } = await dist<typeof import('../../src/engine/ajv.js')>('engine/ajv.js');
    const engine = await dist<typeof import('../../src/engine/audit.js')>('engine/audit.js');
    const { parseDocumentBytes } = await dist<typeof import('../../src/plan/document.js')>('plan/document.js');
    const catalog = loadCatalog();
    const examples = catalog.rules.flatMap((r) => [r.examples?.pass, r.examples?.fail].filter((t): t is string => t !== undefined));
    const docs = [...texts.slice(0, 3), ...examples].map((text) => parseDocumentBytes(Buffer.from(text), 'plan.yaml') as LoadedDocument);
    const before = compiledAtRunTime.count;
    let findings = 0;
    // Every rule's examples with the default parameters; the example plans under each profile too.
    for (const [k, parameters] of [{}, ...profileParameters(catalog)].entries()) {
      const compiled = engine.compileCatalog(catalog, parameters, '2026-12-01');
      for (const doc of k === 0 ? docs : docs.slice(0, 3)) findings += engine.auditDocument(doc, compiled).length;
    }
    expect(findings).toBeGreaterThan(examples.length);
    expect(compiledAtRunTime.count - before).toBe(0);
  });
});

describe('the built-in catalog snapshot (built by npm run build)', () => {
  it('is the catalog a fresh load gives, with definedIn relative to the working directory', async () => {
    const { loadCatalog } = await import('../../src/catalog/load.js');
    const built = (await import(join(ROOT, 'dist', 'catalog', 'builtin.js'))) as typeof import('../../src/catalog/builtin.js');
    expect(existsSync(join(ROOT, 'dist', 'catalog', 'builtin.json')), 'npm test builds first').toBe(true);
    const fresh = loadCatalog();
    expect(built.loadBuiltinCatalog()).toEqual(fresh);
    expect(fresh.rules[0]!.definedIn).toMatch(/^rules\/catalog\/.+\.yaml$/);
  });

  it('is used only while the rule files are unchanged: their hash follows every byte', async () => {
    const { rulesHash } = await import('../../src/catalog/builtin.js');
    const dir = mkdtempSync(join(tmpdir(), 'ra-rules-'));
    try {
      cpSync(join(ROOT, 'rules'), dir, { recursive: true });
      const before = rulesHash(dir);
      expect(rulesHash(join(ROOT, 'rules'))).toBe(before);
      const file = join(dir, 'catalog', readdirSync(join(dir, 'catalog'))[0]!);
      writeFileSync(file, `${readFileSync(file, 'utf8')}\n`);
      expect(rulesHash(dir)).not.toBe(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
