import type { FileResult } from '../audit/result.js';
import type { Lang, Rule, Severity } from '../catalog/types.js';
import type { Finding } from '../engine/finding.js';
import type { InputError } from '../plan/input-error.js';
import { xml } from './escape.js';
import { inputErrorLine, SEVERITY_RANK } from './text.js';
import type { Formatter } from './types.js';

interface Case {
  name: string;
  body: string;
  failures: number;
  errors: number;
  skipped: number;
}

/**
 * JUnit XML for GitLab and Jenkins (docs/formats.md): a test suite per plan file, a test case per
 * rule that ran (passing ones too), named by rule id with the file as class name, so names are unique
 * and stable. Gaps at or above `--fail-on` fail their case; lower ones and waived ones are noted in
 * the case's output; a rule whose gaps are all waived is skipped. A file that cannot be read is an
 * error, not a failure.
 */
export const junit: Formatter = (result, { lang, failOn = 'error' }) => {
  const suites: string[] = [];
  const total = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  const add = (name: string, cases: Case[], props: [string, string][] = []) => {
    const t = {
      tests: cases.length,
      failures: sum(cases, 'failures'),
      errors: sum(cases, 'errors'),
      skipped: sum(cases, 'skipped'),
    };
    for (const k of ['tests', 'failures', 'errors', 'skipped'] as const) total[k] += t[k];
    const properties = props.length
      ? `    <properties>\n${props.map(([k, v]) => `      <property name="${xml(k)}" value="${xml(v)}"/>`).join('\n')}\n    </properties>\n`
      : '';
    suites.push(
      `  <testsuite name="${xml(name)}" tests="${t.tests}" failures="${t.failures}" errors="${t.errors}" skipped="${t.skipped}">\n${properties}${cases.map((c) => c.body).join('')}  </testsuite>\n`,
    );
  };
  for (const f of result.files) {
    if (f.error) add(f.file, [errorCase(f.file, 'load', f.error, lang)]);
    else add(f.file, result.rules.map((r) => ruleCase(f, r, lang, failOn)), [['asOf', result.asOf], ...propertiesOf(f)]);
  }
  if (result.errors.length > 0) {
    add(
      'inputs',
      result.errors.map((e, i) => errorCase('inputs', `input ${i + 1}: ${e.file}`, e, lang)),
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="${xml(result.tool.name)}" tests="${total.tests}" failures="${total.failures}" errors="${total.errors}" skipped="${total.skipped}">\n` +
    `${suites.join('')}</testsuites>\n`
  );
};

function ruleCase(f: FileResult, rule: Rule, lang: Lang, failOn: Severity): Case {
  const gaps = f.findings.filter((x) => x.ruleId === rule.id);
  const failing = gaps.filter((x) => !x.waiver && SEVERITY_RANK[x.severity] >= SEVERITY_RANK[failOn]);
  const noted = gaps.filter((x) => !failing.includes(x));
  const open = `    <testcase name="${xml(rule.id)}" classname="${xml(f.file)}" file="${xml(f.file)}"`;
  const out = noted.length ? `      <system-out>${xml(noted.map((x) => describe(x, rule, lang)).join('\n\n'))}</system-out>\n` : '';
  if (failing.length > 0) {
    const first = failing[0]!;
    const more = failing.length > 1 ? (lang === 'zh' ? `（另有 ${failing.length - 1} 处）` : ` (and ${failing.length - 1} more)`) : '';
    const message = `${first.file}:${first.line}:${first.column} ${first.message[lang]}${more}`;
    const body = failing.map((x) => describe(x, rule, lang)).join('\n\n');
    return {
      name: rule.id,
      body: `${open}>\n      <failure message="${xml(message)}" type="${xml(first.severity)}">${xml(body)}</failure>\n${out}    </testcase>\n`,
      failures: 1,
      errors: 0,
      skipped: 0,
    };
  }
  if (gaps.length > 0 && gaps.every((x) => x.waiver)) {
    const w = gaps[0]!.waiver!;
    const message = lang === 'zh' ? `已豁免：${w.justification}（批准：${w.approvedBy}，有效期至 ${w.expires}）` : `waived: ${w.justification} (approved by ${w.approvedBy}, expires ${w.expires})`;
    return { name: rule.id, body: `${open}>\n      <skipped message="${xml(message)}"/>\n${out}    </testcase>\n`, failures: 0, errors: 0, skipped: 1 };
  }
  return { name: rule.id, body: out ? `${open}>\n${out}    </testcase>\n` : `${open}/>\n`, failures: 0, errors: 0, skipped: 0 };
}

/** A gap as the failure text shows it: where, what, which clause, how far off, how to fix. */
function describe(x: Finding, rule: Rule, lang: Lang): string {
  const zh = lang === 'zh';
  const lines = [`${x.file}:${x.line}:${x.column} ${x.severity} ${x.message[lang]} [${x.clauses.join(', ') || '—'}]`];
  lines.push(`  ${zh ? '位置' : 'path'}: ${x.path}`);
  if (x.expected !== undefined || x.actual !== undefined) {
    lines.push(`  ${zh ? '应为' : 'expected'}: ${show(x.expected)} · ${zh ? '实为' : 'actual'}: ${show(x.actual)}`);
  }
  lines.push(`  ${zh ? '条款' : 'clause'}: “${rule.source.quote}”`);
  lines.push(`  ${zh ? '修改建议' : 'fix'}: ${rule.remediation[lang]}`);
  if (x.waiver) {
    lines.push(
      zh
        ? `  已豁免：${x.waiver.justification}（批准：${x.waiver.approvedBy}，有效期至 ${x.waiver.expires}）`
        : `  waived: ${x.waiver.justification} (approved by ${x.waiver.approvedBy}, expires ${x.waiver.expires})`,
    );
  }
  return lines.join('\n');
}

function errorCase(classname: string, name: string, e: InputError, lang: Lang): Case {
  const line = inputErrorLine(e, lang);
  return {
    name,
    body: `    <testcase name="${xml(name)}" classname="${xml(classname)}" file="${xml(e.file)}">\n      <error message="${xml(line)}" type="${xml(e.code)}">${xml(line)}</error>\n    </testcase>\n`,
    failures: 0,
    errors: 1,
    skipped: 0,
  };
}

function propertiesOf(f: FileResult): [string, string][] {
  const props: [string, string][] = [];
  if (f.county?.name) props.push(['county', f.county.name]);
  if (f.county?.code) props.push(['county.code', f.county.code]);
  return props;
}

const show = (v: unknown): string => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
const sum = (cases: Case[], k: 'failures' | 'errors' | 'skipped') => cases.reduce((a, c) => a + c[k], 0);
