import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { Option } from 'commander';
import { exitCode, type AuditResult, type FileResult, type ShardRun } from '../audit/result.js';
import { ruleSet } from '../audit/run.js';
import type { AuditSettings } from '../audit/settings.js';
import { loadBuiltinCatalog } from '../catalog/builtin.js';
import { LANGS, SEVERITIES, type Lang, type Severity } from '../catalog/types.js';
import { buildFinding, cmp, type Finding } from '../engine/finding.js';
import type { InputError } from '../plan/input-error.js';
import { FORMATS } from '../report/index.js';
import { JSON_REPORT_VERSION, type JsonFinding, type JsonReport } from '../report/json.js';
import { inputErrorLine } from '../report/text.js';
import { printReport, refuseBinaryOnTerminal, terminalWidth, wantsColor, writeReport } from './output.js';
import { configFrom, type SettingsOptions } from './settings.js';
import { WAIVER_RULES } from '../waivers/rules.js';
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
  const result = mergeReports(reports, paths, { config: configFrom(opts) });
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

/**
 * The result a single run over all the shards' files would have given: files in the same order,
 * findings as they were, errors not tied to a file once, the rules any shard ran (the waiver
 * rules and the config's custom rules included). Shards must come from one version and one
 * language, and must not overlap.
 */
export function mergeReports(reports: JsonReport[], names: string[], settings: AuditSettings = {}): AuditResult {
  const first = reports[0]!;
  reports.forEach((r, i) => {
    const name = names[i] ?? `report ${i + 1}`;
    if (r.tool.version !== first.tool.version) throw new UsageError(`${name}: written by rural-audit ${r.tool.version}, the others by ${first.tool.version}`);
    if (r.asOf !== first.asOf) throw new UsageError(`${name}: audited as of ${r.asOf}, the others as of ${first.asOf}; run every shard with the same --today`);
    if (r.lang !== first.lang) throw new UsageError(`${name}: written with --lang ${r.lang}, the others with --lang ${first.lang}`);
  });
  const { unknown, rules, manual, areas, terms } = ruleSet(settings, reports.flatMap((r) => r.rules));
  const builtin = new Set(loadBuiltinCatalog().rules.map((r) => r.id));
  const meta = new Set(WAIVER_RULES.map((r) => r.id));
  const shards = reports.map((r, i): ShardRun => ({
    report: names[i] ?? `report ${i + 1}`,
    files: r.files.length,
    catalog: r.tool.version,
    rules: {
      builtin: r.rules.filter((id) => builtin.has(id)).length,
      meta: r.rules.filter((id) => meta.has(id)),
      custom: r.rules.filter((id) => !builtin.has(id) && !meta.has(id)),
    },
  }));
  // Listed by name, not in the order given: the merged report is the same whatever that order.
  shards.sort((a, b) => cmp(a.report, b.report));
  if (unknown.length > 0) {
    throw new UsageError(`the reports name the rule ${unknown[0]}, which neither the catalog nor the config here has (merge where the shards ran, or pass their --config)`);
  }
  const files: FileResult[] = [];
  const seen = new Map<string, string>();
  reports.forEach((r, i) => {
    for (const f of r.files) {
      const other = seen.get(f.file);
      if (other !== undefined) throw new UsageError(`${f.file} is in both ${other} and ${names[i]}: shards must not overlap`);
      seen.set(f.file, names[i] ?? '');
      files.push({
        file: f.file,
        findings: f.findings.map((x) => toFinding(x, f.file)),
        ...(f.error ? { error: f.error } : {}),
        ...(f.encoding ? { encoding: f.encoding } : {}),
        ...(f.due ? { due: f.due } : {}),
        ...(f.county ? { county: f.county } : {}),
      });
    }
  });
  files.sort((a, b) => cmp(a.file, b.file));
  const errors: InputError[] = [];
  const known = new Set<string>();
  for (const r of reports) {
    for (const e of r.errors) {
      const key = JSON.stringify(e);
      if (!known.has(key)) errors.push(e);
      known.add(key);
    }
  }
  return { tool: first.tool, asOf: first.asOf!, files, errors, rules, manual, areas, terms, shards };
}

function toFinding(x: JsonFinding, file: string): Finding {
  // Only the report's language is known; formats are asked for that language alone (runMerge).
  return buildFinding({ ...x, file, message: { zh: x.message, en: x.message } });
}
