import { resolve } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { defaultJobs } from '../audit/jobs.js';
import { parseShard } from '../audit/shard.js';
import { noticeText } from '../audit/notices.js';
import { exitCode, type AuditResult } from '../audit/result.js';
import { LANGS, SEVERITIES, type Lang, type Severity } from '../catalog/types.js';
import { ENCODINGS, normaliseEncoding } from '../plan/decode.js';
import { parseByteSize } from '../plan/load.js';
import { say } from '../plan/words.js';
import { FORMATS, type ReportOutput } from '../report/index.js';
import { problemLines, sanitizeLine } from '../report/text.js';
import { OutputError, printReport, refuseBinaryOnTerminal, terminalWidth, wantsColor, writeReport } from './output.js';
import { auditWithSettings, printedConfig, todayFrom, type SettingsOptions } from './settings.js';
import { createProgress } from './progress.js';
import { watchPlans } from './watch.js';
import { errorsOnly, openWarnings } from '../report/quiet.js';
import { UsageError } from './usage.js';

interface CheckOptions {
  format?: string[];
  output?: string;
  due?: string;
  lang: Lang;
  failOn: Severity;
  encoding?: string;
  maxFileSize: string;
  jobs?: string;
  shard?: string;
  quiet?: boolean;
  maxWarnings?: string;
  watch?: boolean;
}

type Options = CheckOptions & SettingsOptions;

const EXAMPLES = `
Examples:
  $ rural-audit check examples/                      audit every plan in a folder
  $ rural-audit check plan.yaml --lang en            English messages
  $ rural-audit check 'plans/**/*.yaml' --format json --output report.json
  $ rural-audit check plans/ -f table -f sarif:audit.sarif -f junit:junit.xml
                                                     table on the terminal, SARIF and JUnit to files
  $ rural-audit check plans/ -f html:report.html -f remediation:fixes.csv --due 2027-06-30
  $ rural-audit check plan.yaml --today 2026-12-01   audit as of a given day (default: today)
  $ rural-audit check plan.yaml --fail-on warning    fail on warnings too
  $ rural-audit check plans/ --print-config          settings in force, and where each came from
  $ rural-audit check plans/ --write-baseline .rural-audit-baseline.json
  $ rural-audit check plans/ --baseline .rural-audit-baseline.json   fail only on new gaps
  $ rural-audit check plans/ --shard 2/4 -f json -o shard-2.json   one job of a CI matrix
  $ rural-audit check plans/ --quiet                 errors only
  $ rural-audit check plans/ --max-warnings 10       fail also on more than 10 warnings
  $ rural-audit check plans/ -f compact              file:line:col: severity rule message
  $ rural-audit check plans/ --rule terrain-declared=off --rule area:talent=error
  $ rural-audit check plan.yaml --watch              re-audit on every save

Exit codes: 0 no gap at or above --fail-on, 1 gaps found, 2 usage, input or catalog error.`;

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('audit plans against the rules catalog / 对照规则目录审计规划')
    .argument('<paths...>', 'plan files, folders or globs')
    .addOption(
      new Option('-f, --format <name[:file]>', `report format, to stdout or to a file; repeat for several (${Object.keys(FORMATS).join(', ')}; default table)`).argParser(
        (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
      ),
    )
    .option('-o, --output <file>', 'write the one report given without a file to this file (whole or not at all)')
    .option('--due <date>', 'due date (YYYY-MM-DD, not before the audit date) for every gap in the remediation view; default: end of the plan period, or the audit date plus remediation_lead_days')
    .addOption(new Option('--lang <lang>', 'language of messages').choices([...LANGS]).default('zh'))
    .addOption(new Option('--fail-on <severity>', 'lowest severity that fails the run').choices([...SEVERITIES]).default('error'))
    .option('--encoding <name>', `force the plans' encoding (${ENCODINGS.join(', ')}, gbk)`)
    .option('--max-file-size <size>', 'refuse plans larger than this (bytes, or 512k, 20M)', '5M')
    .option('-c, --config <file>', 'config file (default: rural-audit.config.yaml here or in a folder above)')
    .option('--no-config', 'use no config file: the built-in catalog as written')
    .option('--print-config', 'print the settings in force and where each came from, then exit')
    .option('--waivers <file>', 'a waivers file, in addition to those of the config (repeatable)', (v: string, all: string[] = []) => [...all, v])
    .option('--today <date>', 'the audit date: what rules, waivers and due dates judge by, stated in every report (default: $RURAL_AUDIT_TODAY, else today)')
    .option('--baseline <file>', 'report only gaps not recorded in this baseline')
    .option('--write-baseline <file>', 'record the current gaps as a baseline (the run then exits 0 unless input errors)')
    .option('-j, --jobs <n>', 'worker threads auditing files in parallel (default: the number of cores)')
    .option('-q, --quiet', 'report errors only: warnings and info are left out of every report')
    .option('--max-warnings <n>', 'also fail (exit 1) when there are more than n warnings, not waived')
    .option('--rule <id=level>', "set a rule's level, as the config's rules: do (off, on, info, warning, error; an id, area:ID or *); repeatable", (v: string, all: string[] = []) => [...all, v])
    .option('-w, --watch', 're-audit a plan whenever it changes, and print the whole report again (until Ctrl-C)')
    .option('--shard <i/n>', 'audit only shard i of n of the sorted file list (a CI matrix job); combine with `rural-audit merge`')
    .addHelpText('after', EXAMPLES)
    .action(async (paths: string[], opts: Options) => {
      process.exitCode = await runCheck(paths, opts);
    });
}

export async function runCheck(paths: string[], opts: Options): Promise<number> {
  if (opts.printConfig) {
    process.stdout.write(printedConfig(paths, opts, opts.format?.[0] ?? 'table'));
    return 0;
  }
  const encoding = opts.encoding === undefined ? undefined : normaliseEncoding(opts.encoding);
  if (opts.encoding !== undefined && !encoding) {
    throw new UsageError(`unknown encoding ${opts.encoding}; known: ${ENCODINGS.join(', ')}, gbk, gb2312, cp936`);
  }
  const maxBytes = parseByteSize(opts.maxFileSize);
  if (maxBytes === undefined) throw new UsageError(`--max-file-size must be a positive size in bytes, like 5242880, 512k or 20M`);
  const jobs = opts.jobs === undefined ? defaultJobs() : Number(opts.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError('--jobs must be a whole number of at least 1');
  const shard = opts.shard === undefined ? undefined : parseShard(opts.shard);
  if (opts.shard !== undefined && !shard) throw new UsageError(`--shard must be i/n with 1 ≤ i ≤ n, e.g. 2/4 (got ${opts.shard})`);
  const outputs = parseOutputs(opts.format ?? [], opts.output);
  for (const out of outputs) if (out.file === undefined) refuseBinaryOnTerminal(out.format);
  if (opts.due !== undefined && !isDate(opts.due)) throw new UsageError(`--due must be a date, YYYY-MM-DD: ${opts.due}`);
  const today = todayFrom(opts.today);
  // A gap found today cannot be due yesterday.
  if (opts.due !== undefined && opts.due < today) throw new UsageError(`--due ${opts.due} is before the audit date ${today}; give a later date`);
  const maxWarnings = opts.maxWarnings === undefined ? undefined : Number(opts.maxWarnings);
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) throw new UsageError('--max-warnings must be a whole number, 0 or more');
  const auditOptions = { encoding, maxBytes, jobs, shard };
  const progress = createProgress();
  const result = await auditWithSettings(paths, opts, { ...auditOptions, onFile: progress.update, onSearch: (entries, dir) => progress.update(entries, 0, dir) }).finally(progress.end);
  reportProblems(result, opts.lang, encoding !== undefined);
  for (const n of result.notices ?? []) process.stderr.write(`${sanitizeLine(noticeText(n, opts.lang))}\n`);
  const report = (r: AuditResult) => emitReports(r, outputs, opts, maxWarnings);
  const code = await report(result);
  return opts.watch ? watchPlans(paths, result, { ...auditOptions, jobs: 1 }, opts, report) : code;
}

/** Every report of the run written (stdout last), and the exit code. */
async function emitReports(full: AuditResult, outputs: OutputSpec[], opts: Options, maxWarnings: number | undefined): Promise<number> {
  const result = opts.quiet ? errorsOnly(full) : full;
  const failures: string[] = [];
  let stdout: ReportOutput | undefined;
  for (const out of outputs) {
    const toTerminal = out.file === undefined;
    const text = await FORMATS[out.format]!(result, {
      lang: opts.lang,
      color: toTerminal && wantsColor(process.stdout),
      ...(toTerminal ? { width: terminalWidth(process.stdout) } : {}),
      failOn: opts.failOn,
      ...(opts.due ? { due: opts.due } : {}),
    });
    if (out.file === undefined) stdout = text;
    else {
      try {
        await writeReport(out.file, text, result.files.map((f) => f.file));
      } catch (e) {
        if (!(e instanceof OutputError)) throw e;
        failures.push(e.message);
      }
    }
  }
  if (stdout !== undefined) await printReport(stdout);
  // Every other report is still written; a failed one is named, and the run exits 2.
  if (failures.length > 0) throw new OutputError(failures.join('; '));
  // Warnings are counted even under --quiet, as ESLint counts them.
  const code = exitCode(full, opts.failOn);
  const tooMany = maxWarnings !== undefined && code === 0 && openWarnings(full) > maxWarnings;
  if (tooMany) {
    process.stderr.write(`${say(opts.lang, 'check.maxWarnings', { count: openWarnings(full), max: maxWarnings })}\n`);
  }
  if (opts.writeBaseline !== undefined && code === 1) return 0;
  return tooMany ? 1 : code;
}

export interface OutputSpec {
  format: string;
  /** Absent: stdout. */
  file?: string;
}

/**
 * `-f name` and `-f name:file`, repeatable: each report to stdout or to its own file. `--output`
 * gives the file of the one format named without one. At most one report goes to stdout, and no
 * two to the same file.
 */
export function parseOutputs(values: string[], output?: string): OutputSpec[] {
  const specs = (values.length ? values : ['table']).map((v): OutputSpec => {
    const at = v.indexOf(':');
    const format = at < 0 ? v : v.slice(0, at);
    const file = at < 0 ? undefined : v.slice(at + 1);
    if (!Object.hasOwn(FORMATS, format)) throw new UsageError(`unknown format ${format}; known: ${Object.keys(FORMATS).join(', ')}`);
    if (file === '') throw new UsageError(`--format ${v}: no file after the colon`);
    return file === undefined ? { format } : { format, file };
  });
  if (output !== undefined) {
    const bare = specs.filter((s) => s.file === undefined);
    if (bare.length !== 1) throw new UsageError(`--output needs exactly one --format without a file (use -f name:file for each report)`);
    bare[0]!.file = output;
  }
  if (specs.filter((s) => s.file === undefined).length > 1) {
    throw new UsageError(`only one report can go to stdout; give the others a file: -f name:file`);
  }
  const seen = new Set<string>();
  for (const s of specs) {
    if (s.file === undefined) continue;
    const key = resolve(s.file);
    if (seen.has(key)) throw new UsageError(`two reports to the same file ${s.file}`);
    seen.add(key);
  }
  return specs;
}

function isDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/** Input errors and encoding notices go to stderr, one line each; stdout carries only the report. */
function reportProblems(result: AuditResult, lang: Lang, forced: boolean): void {
  for (const line of problemLines(result, lang, forced)) process.stderr.write(`${line}\n`);
}
