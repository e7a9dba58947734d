import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { Option } from 'commander';
import { MergeError, mergeReports } from '../audit/merge.js';
import { exitCode, type AuditResult } from '../audit/result.js';
import { LANGS, SEVERITIES, type Lang, type Severity } from '../catalog/types.js';
import { FORMATS } from '../report/index.js';
import { JSON_REPORT_VERSION, type JsonReport } from '../report/json.js';
import { inputErrorLine } from '../report/text.js';
import { printReport, refuseBinaryOnTerminal, terminalWidth, wantsColor, writeReport } from './output.js';
import { configFrom, type SettingsOptions } from './settings.js';
import { UsageError } from './usage.js';

interface MergeOptions {
  format: string;
  output?: string;
  lang?: Lang;
  failOn: Severity;
  config?: SettingsOptions['config'];
}

const EXAMPLES = `
Examples:
  $ rural-audit check plans/ --shard 1/2 -f json -o shard-1.json    (CI job 1)
  $ rural-audit check plans/ --shard 2/2 -f json -o shard-2.json    (CI job 2)
  $ rural-audit merge shard-*.json                                  one table, as a single run prints it
  $ rural-audit merge shard-*.json -f json -o report.json

Exit codes: as for check — 0 no gap at or above --fail-on, 1 gaps found, 2 input errors or unusable reports.`;

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description('combine the JSON reports of shards (check --shard i/n) into one report / 合并分片审计报告')
    .argument('<reports...>', 'JSON reports written by check --format json')
    .addOption(new Option('-f, --format <name>', 'report format').choices(Object.keys(FORMATS)).default('table'))
    .option('-o, --output <file>', 'write the report to a file (whole or not at all) instead of stdout')
    .addOption(new Option('--lang <lang>', "language of messages (the shards' own)").choices([...LANGS]))
    .addOption(new Option('--fail-on <severity>', 'lowest severity that fails the run').choices([...SEVERITIES]).default('error'))
    .option('-c, --config <file>', "the shards' config, for their custom rules and severities (default: rural-audit.config.yaml here or in a folder above)")
    .option('--no-config', 'use no config file: the built-in catalog as written')
    .addHelpText('after', EXAMPLES)
    .action(async (reports: string[], opts: MergeOptions) => {
      process.exitCode = await runMerge(reports, opts);
    });
}

export async function runMerge(paths: string[], opts: MergeOptions): Promise<number> {
  const reports = await Promise.all(paths.map(readReport));
  const result = merged(reports, paths, opts);
  const lang = reports[0]!.lang;
  // A JSON report holds each message in one language only: the merged report can only be in it.
  if (opts.lang !== undefined && opts.lang !== lang) {
    throw new UsageError(`the reports were written with --lang ${lang}; merge them with --lang ${lang}, or re-run check with --lang ${opts.lang}`);
  }
  for (const e of result.errors) process.stderr.write(`${inputErrorLine(e, lang)}\n`);
  for (const f of result.files) if (f.error) process.stderr.write(`${inputErrorLine(f.error, lang)}\n`);
  const toTerminal = opts.output === undefined;
  if (toTerminal) refuseBinaryOnTerminal(opts.format);
  const text = await FORMATS[opts.format]!(result, { lang, color: toTerminal && wantsColor(process.stdout), ...(toTerminal ? { width: terminalWidth(process.stdout) } : {}) });
  if (opts.output !== undefined) await writeReport(opts.output, text, paths);
  else await printReport(text);
  return exitCode(result, opts.failOn);
}

async function readReport(path: string): Promise<JsonReport> {
  let report: JsonReport;
  try {
    report = JSON.parse(await readFile(path, 'utf8')) as JsonReport;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new UsageError(`${path}: not a readable JSON report (${err.code ?? err.message})`);
  }
  if (typeof report !== 'object' || report === null || report.reportVersion !== JSON_REPORT_VERSION || !Array.isArray(report.files)) {
    throw new UsageError(`${path}: not a rural-audit JSON report of version ${JSON_REPORT_VERSION}`);
  }
  if (typeof report.asOf !== 'string') {
    throw new UsageError(`${path}: the report does not give its audit date (written by an older rural-audit); run check again`);
  }
  if (!Array.isArray(report.rules)) {
    throw new UsageError(`${path}: the report does not list the rules that ran (written by an older rural-audit); run check again`);
  }
  return report;
}

/** The library's refusal of the shards, said as any mistake in the command's input is. */
function merged(reports: JsonReport[], paths: string[], opts: MergeOptions): AuditResult {
  try {
    return mergeReports(reports, paths, { config: configFrom(opts) });
  } catch (e) {
    throw e instanceof MergeError ? new UsageError(e.message) : e;
  }
}
