import type { Command } from 'commander';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCatalog, loadRuleFolder } from '../catalog/load.js';
import type { Lang } from '../catalog/types.js';
import { auditDocument, compileCatalog } from '../engine/audit.js';
import type { InputError } from '../plan/input-error.js';
import { displayPath } from '../plan/discover.js';
import { isInputError, parseDocumentBytes } from '../plan/load.js';
import { sayIn } from '../plan/words.js';
import { inputErrorLine, sanitize } from '../report/text.js';
import { UsageError } from './usage.js';

const EXAMPLES = `
Examples:
  $ rural-audit rules test my-rules/     run my-rules/fixtures/**/*.yaml against the rules in my-rules/

A fixture is a plan with marks in comments (docs/config.md, "Testing custom rules"):
  # expect: my-rule            the plan must trigger my-rule
  # expect: my-rule@12         … with a gap on line 12
  # expect-not: other-rule     the plan must not trigger other-rule

Exit codes: 0 every expectation met, 1 some not met, 2 invalid rules or fixtures.`;

export function registerRulesTest(rules: Command): void {
  rules
    .command('test')
    .description('run the fixtures of a custom rule folder / 运行自定义规则的测试样例')
    .argument('<dir>', 'folder of rule files, with the fixtures under <dir>/fixtures/')
    .addHelpText('after', EXAMPLES)
    .exitOverride()
    // --lang is the option of `rules` itself, which commander gives to the parent.
    .action((dir: string, _opts: unknown, cmd: Command) => {
      process.exitCode = runRulesTest(dir, (cmd.optsWithGlobals() as { lang?: Lang }).lang ?? 'zh');
    });
}

interface Mark {
  kind: 'expect' | 'expect-not';
  rule: string;
  line?: number;
  /** Where the mark is written. */
  at: number;
}

const MARK = /^\s*#\s*(expect|expect-not)\s*:(.*)$/;

/** Marks of a fixture, or the errors in them (an unknown rule id is a typo, not a pass). */
export function readMarks(text: string, file: string, known: Set<string>): { marks: Mark[]; errors: InputError[] } {
  const marks: Mark[] = [];
  const errors: InputError[] = [];
  text.split(/\r?\n/).forEach((lineText, i) => {
    const m = MARK.exec(lineText);
    if (!m) return;
    for (const item of m[2]!.split(/[\s,]+/).filter(Boolean)) {
      const im = /^([a-z][a-z0-9]*(?:-[a-z0-9]+)*)(?:@(\d+))?$/.exec(item);
      const column = lineText.indexOf(item) + 1;
      if (!im || !known.has(im[1]!)) {
        const detail = im ? `unknown rule id ${im[1]}` : `${item} is not a rule id (or rule-id@line)`;
        errors.push({ file, code: 'invalid-catalog', line: i + 1, column, values: { detail: `fixture mark: ${detail}` } });
        continue;
      }
      marks.push({ kind: m[1] as Mark['kind'], rule: im[1]!, ...(im[2] === undefined ? {} : { line: Number(im[2]) }), at: i + 1 });
    }
  });
  if (marks.length === 0 && errors.length === 0) {
    errors.push({ file, code: 'invalid-catalog', line: 1, column: 1, values: { detail: 'fixture has no "# expect:" or "# expect-not:" mark' } });
  }
  return { marks, errors };
}

function fixturesIn(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    const entries = readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(e.name)) out.push(full);
    }
  };
  walk(dir);
  return out;
}

/** Run every fixture under `dir/fixtures` with the built-in catalog plus the rules of `dir`. */
export function runRulesTest(dir: string, lang: Lang): number {
  const abs = resolve(dir);
  if (!statSync(abs, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`${dir}: no such folder`);
  const fixturesDir = join(abs, 'fixtures');
  const hasFixtures = statSync(fixturesDir, { throwIfNoEntry: false })?.isDirectory() ?? false;
  const builtin = loadCatalog();
  const custom = loadRuleFolder(abs, builtin);
  const catalog = { ...builtin, rules: [...builtin.rules, ...custom] };
  const compiled = compileCatalog(catalog);
  const known = new Set(catalog.rules.map((r) => r.id));
  const w = sayIn(lang);
  const out: string[] = [];
  let failed = 0;
  let checked = 0;
  let broken = 0;
  // A rule's own examples.pass / examples.fail are checked first, as the built-in catalog's are.
  for (const rule of custom) {
    const only = compileCatalog({ ...catalog, rules: [rule] });
    const problems: string[] = [];
    for (const kind of ['pass', 'fail'] as const) {
      const text = rule.examples?.[kind];
      if (text === undefined) continue;
      checked++;
      const doc = parseDocumentBytes(Buffer.from(text, 'utf8'), `${rule.definedIn} (${rule.id} examples.${kind})`);
      const hits = isInputError(doc) ? undefined : auditDocument(doc, only);
      if (!hits) problems.push(w('rulesTest.notYaml', { kind }));
      else if (kind === 'pass' && hits.length > 0) problems.push(w('rulesTest.passTriggered', { message: hits[0]!.message[lang] }));
      else if (kind === 'fail' && hits.length === 0) problems.push(w('rulesTest.failSilent'));
    }
    if (!rule.examples?.pass && !rule.examples?.fail) continue;
    failed += problems.length;
    out.push(`${problems.length === 0 ? '✓' : '✗'} ${rule.id} (${w('rulesTest.examples')})`);
    for (const p of problems) out.push(`    ${sanitize(`${rule.definedIn}: ${p}`)}`);
  }
  const fixtures = hasFixtures ? fixturesIn(fixturesDir) : [];
  for (const path of fixtures) {
    const file = displayPath(path);
    const bytes = readFileSync(path);
    const { marks, errors } = readMarks(bytes.toString('utf8'), file, known);
    const doc = parseDocumentBytes(bytes, file);
    if (isInputError(doc)) errors.push(doc);
    if (errors.length > 0 || isInputError(doc)) {
      broken++;
      for (const e of errors) process.stderr.write(`${inputErrorLine(e, lang)}\n`);
      continue;
    }
    const findings = auditDocument(doc, compiled);
    const problems: string[] = [];
    for (const mark of marks) {
      checked++;
      const hits = findings.filter((f) => f.ruleId === mark.rule && (mark.line === undefined || f.line === mark.line));
      const where = `${file}:${mark.at}`;
      if (mark.kind === 'expect' && hits.length === 0) {
        const others = findings.filter((f) => f.ruleId === mark.rule).map((f) => `${f.line}:${f.column}`);
        const got = others.length > 0 ? w('rulesTest.itDidAt', { at: others.join(w('list.separator')) }) : '';
        const at = mark.line === undefined ? '' : w('rulesTest.onLine', { line: mark.line });
        problems.push(w('rulesTest.expected', { where, rule: mark.rule, at, got }));
      }
      if (mark.kind === 'expect-not' && hits.length > 0) {
        const h = hits[0]!;
        problems.push(w('rulesTest.unexpected', { where, rule: mark.rule, at: `${h.line}:${h.column}`, message: h.message[lang] }));
      }
    }
    failed += problems.length;
    out.push(`${problems.length === 0 ? '✓' : '✗'} ${sanitize(file)}`);
    for (const p of problems) out.push(`    ${sanitize(p)}`);
  }
  const summary = `${w('rulesTest.summary', { fixtures: fixtures.length, checked, failed })}${broken ? w('rulesTest.broken', { broken }) : ''}`;
  process.stdout.write(`${[...out, summary].join('\n')}\n`);
  if (broken > 0 || checked === 0) {
    if (checked === 0) process.stderr.write(`rural-audit: ${dir}: nothing to test: no rule examples and no fixtures/ plans with marks\n`);
    return 2;
  }
  return failed > 0 ? 1 : 0;
}
