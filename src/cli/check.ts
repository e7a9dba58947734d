import type { Command } from 'commander';
import { Option } from 'commander';
import { auditPaths } from '../audit/run.js';
import type { AuditResult } from '../audit/result.js';
import { LANGS, SEVERITIES, type Lang, type Severity } from '../catalog/types.js';
import { ENCODINGS, normaliseEncoding } from '../plan/decode.js';
import { parseByteSize } from '../plan/load.js';
import { FORMATS } from '../report/index.js';
import { ENCODING_NOTICE, fillTemplate } from '../plan/input-error.js';
import { inputErrorLine, sanitizeLine, SEVERITY_RANK } from '../report/text.js';
import { wantsColor, writeReport } from './output.js';
import { UsageError } from './usage.js';

interface CheckOptions {
  format: string;
  output?: string;
  lang: Lang;
  failOn: Severity;
  encoding?: string;
  maxFileSize: string;
}

const EXAMPLES = `
Examples:
  $ rural-audit check examples/                      audit every plan in a folder
  $ rural-audit check plan.yaml --lang en            English messages
  $ rural-audit check 'plans/**/*.yaml' --format json --output report.json
  $ rural-audit check plan.yaml --fail-on warning    fail on warnings too

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
    .option('--max-file-size <size>', 'refuse plans larger than this (bytes, or 512k, 20M)', '5M')
    .addHelpText('after', EXAMPLES)
    .action(async (paths: string[], opts: CheckOptions) => {
      process.exitCode = await runCheck(paths, opts);
    });
}

export async function runCheck(paths: string[], opts: CheckOptions): Promise<number> {
  const encoding = opts.encoding === undefined ? undefined : normaliseEncoding(opts.encoding);
  if (opts.encoding !== undefined && !encoding) {
    throw new UsageError(`unknown encoding ${opts.encoding}; known: ${ENCODINGS.join(', ')}, gbk, gb2312, cp936`);
  }
  const maxBytes = parseByteSize(opts.maxFileSize);
  if (maxBytes === undefined) throw new UsageError(`--max-file-size must be a positive size in bytes, like 5242880, 512k or 20M`);
  const result = await auditPaths(paths, { encoding, maxBytes });
  reportProblems(result, opts.lang, encoding !== undefined);
  const formatter = FORMATS[opts.format]!;
  const toTerminal = opts.output === undefined;
  const text = formatter(result, { lang: opts.lang, color: toTerminal && wantsColor(process.stdout) });
  if (opts.output !== undefined) await writeReport(opts.output, text, result.files.map((f) => f.file));
  else process.stdout.write(text);
  return exitCode(result, opts.failOn);
}

/** Input errors and encoding notices go to stderr, one line each; stdout carries only the report. */
function reportProblems(result: AuditResult, lang: Lang, forced: boolean): void {
  for (const e of result.errors) process.stderr.write(`${inputErrorLine(e, lang)}\n`);
  for (const f of result.files) {
    if (f.error) process.stderr.write(`${inputErrorLine(f.error, lang)}\n`);
    // Only a guessed encoding earns a notice: a BOM or --encoding says what the file is.
    else if (f.encoding === 'gb18030' && !forced) {
      process.stderr.write(`${sanitizeLine(f.file)}: ${fillTemplate(ENCODING_NOTICE[lang], { encoding: 'GB18030' })}\n`);
    }
  }
}

export function exitCode(result: AuditResult, failOn: Severity): number {
  if (result.errors.length > 0 || result.files.some((f) => f.error)) return 2;
  const threshold = SEVERITY_RANK[failOn];
  const failing = result.files.some((f) => f.findings.some((x) => !x.waiver && SEVERITY_RANK[x.severity] >= threshold));
  return failing ? 1 : 0;
}
