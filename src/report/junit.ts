import type { FileResult } from '../audit/result.js';
import type { Lang, Rule, Severity } from '../catalog/types.js';
import type { Finding } from '../engine/finding.js';
import type { InputError } from '../plan/input-error.js';
import { say, sayIn } from '../plan/words.js';
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

/** `xunit`: only what the Jenkins xunit plugin's junit-10.xsd allows (no testcase/@file, no testsuites/@skipped). */
interface Dialect {
  xunit: boolean;
}

/**
 * JUnit XML for GitLab and Jenkins (docs/formats.md): a test suite per plan file, a test case per
 * rule that ran (passing ones too), named by rule id with a class name made from the file (see
 * `classNames`), so names are unique and stable. Gaps at or above `--fail-on` fail their case.
 * A rule whose gaps are all below it, or waived, is `<skipped>` with the gaps' text: GitLab shows
 * the text of failed, errored and skipped cases only, never a passing case's `<system-out>`, and
 * a skipped case fails neither the job nor a Jenkins build. A file that cannot be read is an
 * error, not a failure.
 */
export const junit: Formatter = (result, options) => junitXml(result, options, { xunit: false });

/** The same report, valid against the Jenkins xunit plugin's JUnit schema. */
export const junitXunit: Formatter = (result, options) => junitXml(result, options, { xunit: true });

function junitXml(result: Parameters<Formatter>[0], { lang, failOn = 'error' }: Parameters<Formatter>[1], dialect: Dialect): string {
  const suites: string[] = [];
  const total = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  const classes = classNames(result.files.map((f) => f.file));
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
    const at = { classname: classes.get(f.file)!, file: dialect.xunit ? undefined : f.file };
    if (f.error) add(f.file, [errorCase(at, 'load', f.error, lang)]);
    else {
      // Read once: a run's results give their findings afresh on every read (src/audit/packed.ts).
      const findings = f.findings;
      add(f.file, result.rules.map((r) => ruleCase(findings, r, lang, failOn, at)), [['asOf', result.asOf], ...propertiesOf(f)]);
    }
  }
  if (result.errors.length > 0) {
    add(
      'inputs',
      result.errors.map((e, i) => errorCase({ classname: 'inputs', file: dialect.xunit ? undefined : e.file }, `input ${i + 1}: ${e.file}`, e, lang)),
    );
  }
  const skipped = dialect.xunit ? '' : ` skipped="${total.skipped}"`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="${xml(result.tool.name)}" tests="${total.tests}" failures="${total.failures}" errors="${total.errors}"${skipped}>\n` +
    `${suites.join('')}</testsuites>\n`
  );
}

interface CaseAt {
  classname: string;
  /** Absent in the xunit dialect. */
  file: string | undefined;
}

/**
 * Class names Jenkins can show: it splits a class name at its last dot into package and class, so
 * `examples/partial.yaml` became class `yaml`. The folder is the package and the file name without
 * its extension the class (`examples.partial`); other dots become `_`. Two files that differ only
 * in their extension keep it, as `_yml`.
 */
export function classNames(files: string[]): Map<string, string> {
  const base = (f: string, keepExt: boolean) => {
    const slash = f.lastIndexOf('/');
    const dir = f.slice(0, slash + 1).replace(/\/$/, '');
    let name = f.slice(slash + 1);
    if (!keepExt) name = name.replace(/\.ya?ml$/i, '');
    const clean = (s: string) => s.replace(/\./g, '_');
    return dir ? `${clean(dir)}.${clean(name)}` : clean(name);
  };
  const uses = new Map<string, number>();
  for (const f of files) uses.set(base(f, false), (uses.get(base(f, false)) ?? 0) + 1);
  return new Map(files.map((f) => [f, uses.get(base(f, false))! > 1 ? base(f, true) : base(f, false)]));
}

function ruleCase(findings: readonly Finding[], rule: Rule, lang: Lang, failOn: Severity, at: CaseAt): Case {
  const gaps = findings.filter((x) => x.ruleId === rule.id);
  const failing = gaps.filter((x) => !x.waiver && SEVERITY_RANK[x.severity] >= SEVERITY_RANK[failOn]);
  const noted = gaps.filter((x) => !failing.includes(x));
  const open = `    <testcase name="${xml(rule.id)}" classname="${xml(at.classname)}"${at.file === undefined ? '' : ` file="${xml(at.file)}"`}`;
  const text = (list: Finding[]) => list.map((x) => describe(x, rule, lang)).join('\n\n');
  if (failing.length > 0) {
    const out = noted.length ? `      <system-out>${xml(text(noted))}</system-out>\n` : '';
    return {
      name: rule.id,
      body: `${open}>\n      <failure message="${xml(headline(failing, lang))}" type="${xml(failing[0]!.severity)}">${xml(text(failing))}</failure>\n${out}    </testcase>\n`,
      failures: 1,
      errors: 0,
      skipped: 0,
    };
  }
  if (noted.length > 0) {
    const open_ = noted.filter((x) => !x.waiver);
    let message: string;
    if (open_.length > 0) {
      message = `${say(lang, 'junit.belowFailOn', { failOn })}${headline(open_, lang)}`;
    } else {
      message = say(lang, 'waivedBy', noted[0]!.waiver!);
    }
    const type = open_.length > 0 ? open_[0]!.severity : 'waived';
    return { name: rule.id, body: `${open}>\n      <skipped message="${xml(message)}" type="${type}">${xml(text(noted))}</skipped>\n    </testcase>\n`, failures: 0, errors: 0, skipped: 1 };
  }
  return { name: rule.id, body: `${open}/>\n`, failures: 0, errors: 0, skipped: 0 };
}

/** `file:line:col message (and N more)`: the first gap of a case, for the one-line message attribute. */
function headline(gaps: Finding[], lang: Lang): string {
  const first = gaps[0]!;
  const more = gaps.length > 1 ? say(lang, 'junit.more', { count: gaps.length - 1 }) : '';
  return `${first.file}:${first.line}:${first.column} ${first.message[lang]}${more}`;
}

/** A gap as the failure text shows it: where, what, which clause, how far off, how to fix. */
function describe(x: Finding, rule: Rule, lang: Lang): string {
  const w = sayIn(lang);
  const lines = [`${x.file}:${x.line}:${x.column} ${x.severity} ${x.message[lang]} [${x.clauses.join(', ') || '—'}]`];
  lines.push(`  ${w('junit.path')}: ${x.path}`);
  if (x.expected !== undefined || x.actual !== undefined) {
    lines.push(`  ${w('junit.expected')}: ${show(x.expected)} · ${w('junit.actual')}: ${show(x.actual)}`);
  }
  lines.push(`  ${w('junit.clause')}: “${rule.source.quote}”`);
  lines.push(`  ${w('fix')}: ${rule.remediation[lang]}`);
  if (x.waiver) lines.push(`  ${w('waivedBy', x.waiver)}`);
  return lines.join('\n');
}

function errorCase(at: CaseAt, name: string, e: InputError, lang: Lang): Case {
  const line = inputErrorLine(e, lang);
  return {
    name,
    body: `    <testcase name="${xml(name)}" classname="${xml(at.classname)}"${at.file === undefined ? '' : ` file="${xml(at.file)}"`}>\n      <error message="${xml(line)}" type="${xml(e.code)}">${xml(line)}</error>\n    </testcase>\n`,
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
