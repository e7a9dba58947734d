import { mkdtempSync, mkdirSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogError, loadCatalog } from '../src/catalog/load.js';
import { auditText, catalog } from './helpers/audit.js';

const rules = catalog().rules;

describe('every rule of the catalog', () => {
  it.each(rules.map((r) => [r.id, r] as const))('%s has provenance, both languages and both fixtures', (_id, rule) => {
    expect(rule.title.zh).toMatch(/\p{Script=Han}/u);
    expect(rule.message.zh).toMatch(/\p{Script=Han}/u);
    expect(rule.remediation.zh).toMatch(/\p{Script=Han}/u);
    expect(rule.title.en).not.toMatch(/\p{Script=Han}/u);
    if (rule.area !== 'format') expect(rule.source.clauses.length).toBeGreaterThan(0);
    if (rule.id !== 'plan-schema') {
      expect(rule.examples?.pass, 'a passing fixture').toBeTruthy();
      expect(rule.examples?.fail, 'a failing fixture').toBeTruthy();
    }
  });

  const withFixtures = rules.filter((r) => r.examples?.pass && r.examples?.fail);
  it.each(withFixtures.map((r) => [r.id, r] as const))('%s passes its passing fixture and fails its failing one', (id, rule) => {
    const pass = auditText(rule.examples!.pass!, [id], undefined, rule.examples!.today);
    expect(pass.map((f) => f.message.en)).toEqual([]);
    const fail = auditText(rule.examples!.fail!, [id], undefined, rule.examples!.today);
    expect(fail.length).toBeGreaterThan(0);
    for (const f of fail) {
      expect(f.ruleId).toBe(id);
      expect(f.line).toBeGreaterThan(0);
      expect(f.message.zh).not.toMatch(/\{\{/);
      expect(f.message.en).not.toMatch(/\{\{/);
    }
  });

  it('quotes every cited clause verbatim from the source document', async () => {
    const { readFileSync } = await import('node:fs');
    const source = readFileSync(new URL('../rules/source.zh.md', import.meta.url), 'utf8');
    const clauses = new Map<string, string>();
    for (const m of source.matchAll(/^- \*\*([PQR]\d+\.\d+)\*\* (.*)$/gm)) clauses.set(m[1]!, m[2]!);
    for (const rule of rules) {
      for (const id of rule.source.clauses) expect(clauses.has(id), `${rule.id} cites ${id}`).toBe(true);
      if (rule.source.clauses.length === 0) continue;
      const text = rule.source.clauses.map((id) => clauses.get(id)).join('');
      for (const part of rule.source.quote.split('……')) {
        expect(text, `${rule.id} quotes "${part}"`).toContain(part);
      }
    }
  });
});

describe('a broken catalog', () => {
  function brokenCatalog(ruleFile: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'ra-catalog-'));
    cpSync(new URL('../rules/', import.meta.url), dir, { recursive: true });
    mkdirSync(join(dir, 'catalog'), { recursive: true });
    writeFileSync(join(dir, 'catalog', 'zz-broken.yaml'), ruleFile);
    return dir;
  }
  const valid = (extra: string) => `- id: broken-rule
  area: planning
  severity: error
  title: {zh: 标题, en: Title}
  message: {zh: 消息, en: Message}
  source: {clauses: [R3.1], quote: 推动村庄规划管理全覆盖}
  remediation: {zh: 修改, en: Fix}
  given: $.villages
${extra}`;

  it.each([
    ['a YAML syntax error', 'x: [unclosed', 1, 4, /Flow sequence|flow|Missing/i],
    ['a missing required key', valid(''), 1, 3, /must have required property 'then'/],
    ['an unknown function', valid('  then: {function: nope}'), 9, 20, /unknown function nope/],
    ['bad options', valid('  then: {function: nonEmpty, options: {min: -1}}'), 9, 30, /options of nonEmpty/],
    ['an invalid JSON Schema in options', valid('  then: {function: schema, options: {schema: {type: nonsense}}}'), 9, 38, /schema is not a valid JSON Schema: schema is invalid/],
    ['an invalid JSON Schema in where', valid('  where: {minItems: -1}\n  then: {function: nonEmpty}'), 9, 3, /where is not a valid JSON Schema/],
    ['a function named constructor', valid('  then: {function: constructor}'), 9, 20, /unknown function constructor/],
    ['a function named toString', valid('  then: {function: toString}'), 9, 20, /unknown function toString/],
    ['a function named __proto__', valid("  then: {function: '__proto__'}"), 9, 20, /unknown function __proto__/],
    ['a pattern with a backreference', valid("  then: {function: pattern, options: {match: '(a)\\1'}}"), 9, 46, /not supported \(invalid escape sequence/],
    ['a pattern with a lookahead in a schema', valid("  then: {function: schema, options: {schema: {items: {pattern: '^(?!x)'}}}}"), 9, 64, /lookaround and backreferences are not allowed/],
    ['a patternProperties key with a lookbehind', valid("  then: {function: schema, options: {schema: {patternProperties: {'(?<=a)b': {}}}}}"), 9, 67, /not supported/],
    ['an unknown area', valid('  then: {function: nonEmpty}').replace('area: planning', 'area: nowhere'), 2, 9, /unknown area nowhere/],
    ['a duplicate id', valid('  then: {function: nonEmpty}').replace('broken-rule', 'plan-schema'), 1, 7, /duplicate rule id plan-schema/],
    ['a message id its function emits but the rule lacks', valid('  then: {function: equals, options: {value: true}}'), 9, 20, /messages lacks missing, which equals emits with these options: the node is missing altogether/],
    ['a message id lacking from messages', valid("  messages: {notNumber: {zh: 非数字, en: Not a number}}\n  then: {function: numberWithin, options: {min: 1, required: true}}"), 9, 3, /messages lacks missing, which numberWithin emits/],
    ['a message id its schema makes possible', valid('  then: {function: schema, options: {schema: {required: [code]}}}'), 9, 20, /messages lacks required, which schema emits/],
    ['a message id no function emits', valid("  messages: {nope: {zh: 无, en: None}}\n  then: {function: nonEmpty}"), 9, 14, /messages\.nope: no check of this rule emits it \(they emit no message ids\)/],
    ['a message id its options rule out', valid("  messages: {missing: {zh: 缺, en: Missing}, notNumber: {zh: 非数字, en: Not a number}}\n  then: {function: numberWithin, options: {min: 1}}"), 9, 14, /messages\.missing: no check of this rule emits it \(they emit notNumber\)/],
  ])('reports %s with file, line and column', (_what, text, line, column, detail) => {
    const dir = brokenCatalog(text);
    try {
      loadCatalog(dir);
      expect.fail('the catalog should not load');
    } catch (e) {
      expect(e).toBeInstanceOf(CatalogError);
      const err = (e as CatalogError).error;
      expect(err.file).toMatch(/zz-broken\.yaml$/);
      expect([err.line, err.column]).toEqual([line, column]);
      expect(String(err.values.detail)).toMatch(detail);
    }
  });
});
