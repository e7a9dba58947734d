import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { AJV_OPTIONS, schemaHash } from '../../src/engine/schemas.js';
import { parseYaml } from '../../src/plan/parse.js';
import planSchemaJson from '../../src/plan/plan.schema.json' with { type: 'json' };
import { ROOT } from '../helpers/cli.js';
// @ts-expect-error the benchmark's generator is plain JavaScript
import { plan } from '../../bench/generate.mjs';

const built = join(ROOT, 'dist', 'engine', 'plan-validator.cjs');

describe('the pre-compiled plan validator (built by npm run build)', () => {
  it('exists after the build and reports exactly what a freshly compiled validator reports', () => {
    expect(existsSync(built), 'npm test builds first').toBe(true);
    const pre = createRequire(import.meta.url)(built) as ValidateFunction;
    // It carries the hash of the schema it was made from; schemas.ts ignores a stale one.
    expect((pre as ValidateFunction & { schemaHash?: string }).schemaHash).toBe(schemaHash(planSchemaJson));
    const fresh = new Ajv(AJV_OPTIONS).compile(planSchemaJson);
    const texts = [
      ...['aligned', 'partial', 'misaligned'].map((n) => readFileSync(join(ROOT, 'examples', `${n}.yaml`), 'utf8')),
      plan(77, { name: '样例县', code: '439977', province: '湖南省' }, 60),
      'format_version: 2\ncounty: {name: 1}\nvillages: [{name: x, category: nope}]\n',
    ];
    let errors = 0;
    for (const text of texts) {
      const parsed = parseYaml(text);
      if (!parsed.ok) throw new Error(parsed.detail);
      const a = fresh(parsed.data);
      const b = pre(parsed.data);
      expect(b).toBe(a);
      expect(pre.errors ?? null).toStrictEqual(fresh.errors ?? null);
      errors += fresh.errors?.length ?? 0;
    }
    expect(errors).toBeGreaterThan(3);
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
