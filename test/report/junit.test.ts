import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { validateXML } from 'xmllint-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditPaths } from '../../src/audit/run.js';
import type { AuditResult } from '../../src/audit/result.js';
import { classNames, junit, junitXunit } from '../../src/report/junit.js';
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
    expect(kept.classname).toBe('examples.partial');
    expect(kept.file).toBe('examples/partial.yaml');
  });

  it('shows gaps below --fail-on as skipped cases with their text, where GitLab shows it, and fails them when asked', () => {
    const mis = (text: string) => parse(text).testsuite.find((s: { name: string }) => s.name === 'examples/misaligned.yaml');
    const warningRule = result.files.flatMap((f) => f.findings).find((x) => x.file === 'examples/misaligned.yaml' && x.severity === 'warning')!.ruleId;
    const onError = mis(junit(result, { lang: 'en', color: false })).testcase.find((c: { name: string }) => c.name === warningRule);
    expect(onError.failure).toBeUndefined();
    expect(onError.skipped.type).toBe('warning');
    expect(onError.skipped.message).toMatch(/^below --fail-on error, not failing: examples\/misaligned\.yaml:\d+:\d+ /);
    const onWarning = mis(junit(result, { lang: 'en', color: false, failOn: 'warning' })).testcase.find((c: { name: string }) => c.name === warningRule);
    expect(onWarning.failure.type).toBe('warning');
    expect(onWarning.skipped).toBeUndefined();
  });

  it("puts every gap's text in a failure, error or skipped element: the ones GitLab shows (never a passing case's system-out)", () => {
    const doc = parse(junit(result, { lang: 'en', color: false }));
    const shown = doc.testsuite
      .flatMap((s: { testcase: Record<string, { '#text'?: string }>[] }) => s.testcase)
      .flatMap((c: Record<string, { '#text'?: string }>) => [c.failure, c.error, c.skipped].map((e) => e?.['#text'] ?? ''))
      .join('\n');
    const all = result.files.flatMap((f) => f.findings);
    expect(all.filter((x) => x.severity === 'warning').length).toBeGreaterThan(0);
    for (const x of all) expect(shown, `${x.file}:${x.line} ${x.ruleId}`).toContain(`${x.file}:${x.line}:${x.column} ${x.severity} ${x.message.en}`);
    expect(JSON.stringify(doc)).not.toContain('system-out');
    expect(Number(doc.skipped)).toBe(doc.testsuite.flatMap((s: { testcase: object[] }) => s.testcase).filter((c: object) => 'skipped' in c).length);
  });

  it('gives class names Jenkins splits into folder and plan, none ending in a file extension', () => {
    const doc = parse(junit(result, { lang: 'en', color: false }));
    const names = new Set(doc.testsuite.flatMap((s: { testcase: { classname: string }[] }) => s.testcase.map((c) => c.classname)));
    expect([...names]).toEqual(['examples.aligned', 'examples.misaligned', 'examples.partial']);
    expect(classNames(['plan.yaml', 'a/v1.2/b.c.yml', 'x/p.yaml', 'x/p.yml'])).toEqual(
      new Map([
        ['plan.yaml', 'plan'],
        ['a/v1.2/b.c.yml', 'a/v1_2.b_c'],
        ['x/p.yaml', 'x.p_yaml'],
        ['x/p.yml', 'x.p_yml'],
      ]),
    );
  });

  it('junit-xunit validates against the Jenkins xunit schema; junit keeps testcase/@file for GitLab', async () => {
    const schema = readFileSync(new URL('../fixtures/xunit-junit-10.xsd', import.meta.url), 'utf8');
    const validate = (text: string) => validateXML({ xml: [{ fileName: 'junit.xml', contents: text }], schema: [schema] });
    const waived = waive(result, 'no-removal-through-transition', 'examples/partial.yaml');
    const xunit = await validate(junitXunit(waived, { lang: 'zh', color: false }));
    expect(xunit.errors.map((e) => e.message)).toEqual([]);
    expect(xunit.valid).toBe(true);
    const plain = await validate(junit(waived, { lang: 'zh', color: false }));
    expect(plain.errors.map((e) => e.message)).toContain("Schemas validity error : Element 'testcase', attribute 'file': The attribute 'file' is not allowed.");
    // Everything else is the same report.
    expect(junitXunit(result, { lang: 'en', color: false })).toBe(
      junit(result, { lang: 'en', color: false })
        .replace(/ file="[^"]*"/g, '')
        .replace(/(<testsuites [^>]*) skipped="\d+"/, '$1'),
    );
  });

  it('skips a rule whose gaps are all waived, with the justification', () => {
    const doc = parse(junit(waive(result, 'no-removal-through-transition', 'examples/partial.yaml'), { lang: 'zh', color: false }));
    const partial = doc.testsuite.find((s: { name: string }) => s.name === 'examples/partial.yaml');
    const c = partial.testcase.find((x: { name: string }) => x.name === 'no-removal-through-transition');
    expect(c.failure).toBeUndefined();
    expect(c.skipped.message).toContain('已豁免：省里已批准延期');
    // The waived case, and the warning plan-period-stated (below --fail-on error, so skipped too).
    expect(partial.skipped).toBe('2');
    const skipped = partial.testcase.filter((x: { skipped?: unknown }) => x.skipped !== undefined);
    expect(skipped.map((x: { name: string; skipped: { type: string } }) => [x.name, x.skipped.type])).toEqual([
      ['plan-period-stated', 'warning'],
      ['no-removal-through-transition', 'waived'],
    ]);
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
