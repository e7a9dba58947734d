import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditPaths } from '../../src/audit/run.js';
import type { AuditResult } from '../../src/audit/result.js';
import { junit } from '../../src/report/junit.js';
import { CONTROL, examples, hostile, planCopy, waive } from './helpers.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name) });

function parse(text: string) {
  expect(XMLValidator.validate(text)).toBe(true);
  return parser.parse(text).testsuites;
}

describe('junit', () => {
  let result: AuditResult;
  beforeAll(async () => {
    result = await examples();
  });

  it('has a suite per plan file and a case per rule that ran, passing ones too, with unique stable names', () => {
    const doc = parse(junit(result, { lang: 'zh', color: false }));
    expect(doc.testsuite.map((s: { name: string }) => s.name)).toEqual(result.files.map((f) => f.file));
    const names = new Set<string>();
    for (const suite of doc.testsuite) {
      expect(suite.testcase.map((c: { name: string }) => c.name)).toEqual(result.rules.map((r) => r.id));
      for (const c of suite.testcase) names.add(`${c.classname}::${c.name}`);
    }
    expect(names.size).toBe(result.files.length * result.rules.length);
    const aligned = doc.testsuite.find((s: { name: string }) => s.name === 'examples/aligned.yaml');
    expect(aligned.failures).toBe('0');
    expect(aligned.testcase.every((c: object) => !('failure' in c))).toBe(true);
    expect(junit(result, { lang: 'zh', color: false })).toBe(junit(result, { lang: 'zh', color: false }));
  });

  it('fails a rule with its gaps: location, clause, expected and actual, fix', () => {
    const doc = parse(junit(result, { lang: 'en', color: false }));
    const partial = doc.testsuite.find((s: { name: string }) => s.name === 'examples/partial.yaml');
    const failed = partial.testcase.filter((c: object) => 'failure' in c);
    const gaps = result.files.find((f) => f.file === 'examples/partial.yaml')!.findings.filter((x) => x.severity === 'error');
    expect(failed.map((c: { name: string }) => c.name).sort()).toEqual([...new Set(gaps.map((x) => x.ruleId))].sort());
    expect(Number(partial.failures)).toBe(failed.length);
    expect(Number(partial.tests)).toBe(result.rules.length);
    const kept = partial.testcase.find((c: { name: string }) => c.name === 'no-removal-through-transition');
    expect(kept.failure.message).toMatch(/^examples\/partial\.yaml:77:17 /);
    expect(kept.failure.type).toBe('error');
    expect(kept.failure['#text']).toContain('[R2.2]');
    expect(kept.failure['#text']).toContain('expected: 2025-12-31 · actual: 2023-12-31');
    expect(kept.failure['#text']).toMatch(/fix: .+kept_until/);
    expect(kept.classname).toBe('examples/partial.yaml');
    expect(kept.file).toBe('examples/partial.yaml');
  });

  it('passes gaps below --fail-on, noting them, and fails them when asked', () => {
    const mis = (text: string) => parse(text).testsuite.find((s: { name: string }) => s.name === 'examples/misaligned.yaml');
    const warningRule = result.files.flatMap((f) => f.findings).find((x) => x.file === 'examples/misaligned.yaml' && x.severity === 'warning')!.ruleId;
    const onError = mis(junit(result, { lang: 'en', color: false })).testcase.find((c: { name: string }) => c.name === warningRule);
    expect(onError.failure).toBeUndefined();
    expect(onError['system-out']).toContain(warningRule === 'terrain-declared' ? 'county.terrain' : '');
    const onWarning = mis(junit(result, { lang: 'en', color: false, failOn: 'warning' })).testcase.find((c: { name: string }) => c.name === warningRule);
    expect(onWarning.failure.type).toBe('warning');
  });

  it('skips a rule whose gaps are all waived, with the justification', () => {
    const doc = parse(junit(waive(result, 'no-removal-through-transition', 'examples/partial.yaml'), { lang: 'zh', color: false }));
    const partial = doc.testsuite.find((s: { name: string }) => s.name === 'examples/partial.yaml');
    const c = partial.testcase.find((x: { name: string }) => x.name === 'no-removal-through-transition');
    expect(c.failure).toBeUndefined();
    expect(c.skipped.message).toContain('已豁免：省里已批准延期');
    expect(partial.skipped).toBe('1');
  });

  it('reports unreadable plans as errors, not failures', async () => {
    const broken = planCopy('examples/partial.yaml', () => 'county: [unclosed\n');
    const doc = parse(junit(await auditPaths(['plan.yaml', 'nothing-*.yaml'], { cwd: broken.dir }), { lang: 'en', color: false }));
    expect(doc.errors).toBe('2');
    expect(doc.failures).toBe('0');
    const plan = doc.testsuite.find((s: { name: string }) => s.name === 'plan.yaml');
    expect(plan.testcase[0].error.message).toMatch(/^plan\.yaml:\d+:\d+: error: /);
  });

  it('stays well-formed XML whatever the plan says', () => {
    const text = junit(hostile(result), { lang: 'zh', color: false });
    parse(text);
    expect(text).not.toMatch(CONTROL);
    expect(text).not.toContain('<script>');
  });
});
