import type { Command } from 'commander';
import { Option } from 'commander';
import { defaultJobs } from '../audit/pool.js';
import { auditPaths } from '../audit/run.js';
import { parseShard } from '../audit/shard.js';
import type { AuditResult } from '../audit/result.js';
import { LANGS, SEVERITIES, type Lang, type Severity } from '../catalog/types.js';
import { ENCODINGS, normaliseEncoding } from '../plan/decode.js';
import { FORMATS } from '../report/index.js';
import { inputErrorLine, SEVERITY_RANK } from '../report/text.js';
import { wantsColor, writeReport } from './output.js';
import { UsageError } from './usage.js';

interface CheckOptions {
  format: string;
  output?: string;
  lang: Lang;
  failOn: Severity;
  encoding?: string;
  maxFileSize: string;
  jobs?: string;
  shard?: string;
}

const EXAMPLES = `
Examples:
  $ rural-audit check examples/                      audit every plan in a folder
  $ rural-audit check plan.yaml --lang en            English messages
  $ rural-audit check 'plans/**/*.yaml' --format json --output report.json
  $ rural-audit check plan.yaml --fail-on warning    fail on warnings too
  $ rural-audit check plans/ --shard 2/4 -f json -o shard-2.json   one job of a CI matrix

Exit codes: 0 no gap at or above --fail-on, 1 gaps found, 2 usage, input or catalog error.`;

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('audit plans against the rules catalog / 对照规则目录审计规划')
    .argument('<paths...>', 'plan files, folders or globs')
    .addOption(new Option('-f, --format <name>', 'report format').choices(Object.keys(FORMATS)).default('table'))
    .option('-o, --output <file>', 'write the report to a file (whole or not at all) instead of stdout')
    .addOption(new Option('--lang <lang>', 'language of messages').choices([...LANGS]).default('zh'))
    .addOption(new Option('--fail-on <severity>', 'lowest severity that fails the run').choices([...SEVERITIES]).default('error'))
    .option('--encoding <name>', `force the plans' encoding (${ENCODINGS.join(', ')}, gbk)`)
    .option('--max-file-size <bytes>', 'refuse plans larger than this', String(50 * 1024 * 1024))
    .option('-j, --jobs <n>', 'worker threads auditing files in parallel (default: the number of cores)')
    .option('--shard <i/n>', 'audit only shard i of n of the sorted file list (a CI matrix job); combine with `rural-audit merge`')
    .addHelpText('after', EXAMPLES)
    .action(async (paths: string[], opts: CheckOptions) => {
      process.exitCode = await runCheck(paths, opts);
    });
}

export async function runCheck(paths: string[], opts: CheckOptions): Promise<number> {
  const encoding = opts.encoding === undefined ? undefined : normaliseEncoding(opts.encoding);
  if (opts.encoding !== undefined && !encoding) throw new UsageError(`unknown encoding ${opts.encoding}`);
  const maxBytes = Number(opts.maxFileSize);
  if (!Number.isInteger(maxBytes) || maxBytes <= 0) throw new UsageError(`--max-file-size must be a positive whole number of bytes`);
  const jobs = opts.jobs === undefined ? defaultJobs() : Number(opts.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError('--jobs must be a whole number of at least 1');
  const shard = opts.shard === undefined ? undefined : parseShard(opts.shard);
  if (opts.shard !== undefined && !shard) throw new UsageError(`--shard must be i/n with 1 ≤ i ≤ n, e.g. 2/4 (got ${opts.shard})`);
  const result = await auditPaths(paths, { encoding, maxBytes, jobs, shard });
  reportProblems(result, opts.lang);
  const formatter = FORMATS[opts.format]!;
  const toTerminal = opts.output === undefined;
  const text = formatter(result, { lang: opts.lang, color: toTerminal && wantsColor(process.stdout) });
  if (opts.output !== undefined) await writeReport(opts.output, text, result.files.map((f) => f.file));
  else process.stdout.write(text);
  return exitCode(result, opts.failOn);
}

/** Input errors and encoding notices go to stderr, one line each; stdout carries only the report. */
function reportProblems(result: AuditResult, lang: Lang): void {
  for (const e of result.errors) process.stderr.write(`${inputErrorLine(e, lang)}\n`);
  for (const f of result.files) {
    if (f.error) process.stderr.write(`${inputErrorLine(f.error, lang)}\n`);
    else if (f.encoding && f.encoding !== 'utf-8') {
      const note = lang === 'zh' ? `提示：按 ${f.encoding.toUpperCase()} 编码读取` : `notice: read as ${f.encoding.toUpperCase()}`;
      process.stderr.write(`${f.file}: ${note}\n`);
    }
  }
}

export function exitCode(result: AuditResult, failOn: Severity): number {
  if (result.errors.length > 0 || result.files.some((f) => f.error)) return 2;
  const threshold = SEVERITY_RANK[failOn];
  const failing = result.files.some((f) => f.findings.some((x) => !x.waiver && SEVERITY_RANK[x.severity] >= threshold));
  return failing ? 1 : 0;
}
