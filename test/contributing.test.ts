import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES_DIR, loadCatalog } from '../src/catalog/load.js';
import { auditDocument, compileCatalog } from '../src/engine/audit.js';
import { isInputError, parseDocumentBytes } from '../src/plan/load.js';

describe('CONTRIBUTING.md', () => {
  it('its example rule loads into the catalog, and its fixtures pass and fail as it says', () => {
    const doc = readFileSync(new URL('../CONTRIBUTING.md', import.meta.url), 'utf8');
    const block = /```yaml\n([\s\S]*?)```/.exec(doc)![1]!.replace(/^ {3}/gm, '');
    const dir = mkdtempSync(join(tmpdir(), 'ra-contrib-'));
    cpSync(BUILTIN_RULES_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'catalog', 'example.yaml'), block);
    const catalog = loadCatalog(dir);
    const rule = catalog.rules.find((r) => r.definedIn.endsWith('example.yaml'))!;
    expect(rule.id).toBe('third-party-assessment-frequency');
    const run = (text: string) => {
      const plan = parseDocumentBytes(Buffer.from(text), 'plan.yaml');
      if (isInputError(plan)) throw new Error(plan.code);
      return auditDocument(plan, compileCatalog({ ...catalog, rules: [rule] }));
    };
    expect(run(rule.examples!.pass!)).toEqual([]);
    expect(run(rule.examples!.fail!).map((f) => [f.path, f.message.zh])).toEqual([
      ['evaluation.third_party_assessment.frequency', '第三方评估未写明频次（evaluation.third_party_assessment.frequency）'],
    ]);
    // The quote is the source's words, as the catalog test demands of every rule.
    expect(readFileSync(join(dir, 'source.zh.md'), 'utf8')).toContain(rule.source.quote);
    rmSync(dir, { recursive: true, force: true });
  });
});
