import { Command, CommanderError } from 'commander';
import { CatalogError } from '../catalog/load.js';
import { inputErrorLine } from '../report/text.js';
import { VERSION } from '../version.js';
import { registerCheck } from './check.js';
import { registerMerge } from './merge.js';
import { OutputError, pending } from './output.js';
import { registerRules } from './rules.js';
import { UsageError } from './usage.js';
import { unlinkSync } from 'node:fs';

const EXAMPLES = `
Examples:
  $ rural-audit check examples/           audit the bundled example plans
  $ rural-audit rules                     list the rules and the clauses they enforce
  $ rural-audit merge shard-*.json        combine the JSON reports of CI shards (check --shard i/n)
  $ rural-audit check --help              every option of check`;

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('rural-audit')
    .description('Audit rural-revitalization plans (乡村振兴规划, YAML) against 《有效衔接乡村振兴战略 全面巩固脱贫攻坚成果》')
    .version(VERSION, '-v, --version')
    .option('--debug', 'print stack traces of internal errors')
    .addHelpText('after', EXAMPLES)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerCheck(program);
  registerRules(program);
  registerMerge(program);
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
}

/** Run the CLI; resolves to the exit code. Errors become one line on stderr, never a stack trace. */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? 0 : 2;
    }
    if (e instanceof CatalogError) {
      process.stderr.write(`${inputErrorLine(e.error, 'en')}\n`);
      return 2;
    }
    if (e instanceof UsageError || e instanceof OutputError) {
      process.stderr.write(`rural-audit: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`rural-audit: internal error: ${(e as Error).message ?? String(e)}\n`);
    if (debug) process.stderr.write(`${(e as Error).stack}\n`);
    else process.stderr.write('rural-audit: run again with --debug for details, and please report it\n');
    return 2;
  }
}

/** A report piped into `head` ends quietly; Ctrl-C leaves no half-written report behind. */
export function installProcessHandlers(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      for (const tmp of pending) {
        try {
          unlinkSync(tmp);
        } catch {
          // already gone
        }
      }
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
}
