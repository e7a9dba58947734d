import { loadCatalog } from '../../src/catalog/load.js';
import type { Catalog } from '../../src/catalog/types.js';
import { auditDocument, compileCatalog } from '../../src/engine/audit.js';
import type { Finding } from '../../src/engine/finding.js';
import { isInputError, parseDocumentBytes } from '../../src/plan/load.js';

let cached: Catalog | undefined;
export function catalog(): Catalog {
  return (cached ??= loadCatalog());
}

/** The audit date of in-process audits, as `RURAL_AUDIT_TODAY` pins it for the CLI (vitest.config.ts). */
export const TEST_TODAY = process.env.RURAL_AUDIT_TODAY || '2024-06-01';

/** Audit YAML text with the built-in catalog (or only some of its rules), as of `today`. */
export function auditText(text: string, onlyRules?: string[], parameters?: Record<string, unknown>, today: string = TEST_TODAY): Finding[] {
  const doc = parseDocumentBytes(Buffer.from(text, 'utf8'), 'plan.yaml');
  if (isInputError(doc)) throw new Error(`fixture does not parse: ${JSON.stringify(doc)}`);
  const cat = catalog();
  const rules = onlyRules ? cat.rules.filter((r) => onlyRules.includes(r.id)) : cat.rules;
  return auditDocument(doc, compileCatalog({ ...cat, rules }, parameters, today));
}

export const lineOf = (text: string, needle: string, from = 0): number => {
  const i = text.indexOf(needle, from);
  if (i < 0) throw new Error(`not in text: ${needle}`);
  return text.slice(0, i).split('\n').length;
};
