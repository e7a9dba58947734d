import { describe, expect, it } from 'vitest';
import type { Catalog, Rule } from '../src/catalog/types.js';
import { auditDocument, compileCatalog } from '../src/engine/audit.js';
import { isInputError, parseDocumentBytes } from '../src/plan/load.js';
import { catalog, TEST_TODAY } from './helpers/audit.js';

// The loader validates a rule's `where` with its references resolved; the engine must judge by
// the same resolved condition, not by the `{$param: …}` object as written.
describe("a rule's where condition", () => {
  const plan = 'collective_economy:\n  entities: [{name: 红星油茶专业合作社, kind: cooperative, operating: true, members: 3}]\n';
  const base = catalog();
  const members = base.rules.find((r) => r.id === 'cooperative-members')!;
  const withRef: Catalog = {
    ...base,
    parameters: { ...base.parameters, counted_kind: { default: 'cooperative', description: { zh: '测试', en: 'test' }, source: [] } as never },
    rules: [{ ...members, where: { required: ['kind'], properties: { kind: { const: { $param: 'counted_kind' } } } } } as Rule],
  };
  const audit = (parameters?: Record<string, unknown>, where?: object) => {
    const doc = parseDocumentBytes(Buffer.from(plan), 'plan.yaml');
    if (isInputError(doc)) throw new Error('fixture does not parse');
    const cat = where ? { ...withRef, rules: [{ ...withRef.rules[0]!, where }] } : withRef;
    return auditDocument(doc, compileCatalog(cat, parameters, TEST_TODAY)).map((f) => f.ruleId);
  };

  it('resolves a parameter reference at its default, as the loader did', () => {
    expect(audit()).toEqual(['cooperative-members']);
  });

  it('takes the parameter as the config sets it', () => {
    expect(audit({ counted_kind: 'company' })).toEqual([]);
  });

  it('resolves a plan reference per document, falling back when the plan lacks it', () => {
    expect(audit(undefined, { properties: { kind: { const: { $plan: '$.nowhere', $else: 'cooperative' } } } })).toEqual(['cooperative-members']);
    expect(audit(undefined, { properties: { kind: { const: { $plan: '$.collective_economy.entities[0].name', $else: 'cooperative' } } } })).toEqual([]);
  });
});
