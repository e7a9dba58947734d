import { Command, CommanderError } from 'commander';
import { InputFileError } from '../plan/input-error.js';
import { inputErrorLine, sanitize, sanitizeLine } from '../report/text.js';
import { VERSION } from '../version.js';
import { OutputError, removePending } from './output.js';
import { UsageError } from './usage.js';

type Register = (program: Command) => void;

/**
 * The commands, in the order --help lists them. Each is loaded only when it runs, or for a help
 * that lists them all (in the bundle each is a chunk of its own: scripts/bundle-cli.mjs), so that
 * `check` of one plan does not load what `init`, `rules` or `web` need.
 */
const COMMANDS: readonly (readonly [string, () => Promise<Register>])[] = [
  ['check', async () => (await import('./check.js')).registerCheck],
  ['rules', async () => (await import('./rules.js')).registerRules],
  ['waivers', async () => (await import('./waivers.js')).registerWaivers],
  ['init', async () => (await import('./init.js')).registerInit],
  ['schema', async () => (await import('./schema.js')).registerSchema],
  ['merge', async () => (await import('./merge.js')).registerMerge],
  ['web', async () => (await import('./web.js')).registerWeb],
];

/**
 * The one command a command line runs: its first word, when only `--debug` comes before it (no
 * option of the program takes a value). Anything else — help, an unknown or misspelt command —
 * gets every command, for commander to list them or suggest one.
 */
function commandNamed(argv: readonly string[]): string | undefined {
  const at = argv.findIndex((a) => !a.startsWith('-'));
  if (at < 0 || argv.slice(0, at).some((a) => a !== '--debug')) return undefined;
  return COMMANDS.some(([name]) => name === argv[at]) ? argv[at] : undefined;
}

const EXAMPLES = `
Examples:
  $ rural-audit check examples/           audit the bundled example plans
  $ rural-audit rules                     list the rules and the clauses they enforce
  $ rural-audit init plan.yaml            start a plan from a template (待填写 marks what to write)
  $ rural-audit schema > plan.schema.json the plan's JSON Schema, for editors
  $ rural-audit merge shard-*.json        combine the JSON reports of CI shards (check --shard i/n)
  $ rural-audit web                       the offline browser page, for planners without Node.js
  $ rural-audit check --help              every option of check`;

/** The program with every command, or with only the one `argv` runs. */
export async function buildProgram(argv?: readonly string[]): Promise<Command> {
  const program = new Command();
  program
    .name('rural-audit')
    .description('Audit rural-revitalization plans (乡村振兴规划, YAML) against 《有效衔接乡村振兴战略 全面巩固脱贫攻坚成果》')
    .version(VERSION, '-v, --version')
    .option('--debug', 'print stack traces of internal errors')
    .addHelpText('after', EXAMPLES)
    .exitOverride()
    // commander echoes arguments back in its errors: no escape sequence reaches the terminal raw.
    .configureOutput({ writeErr: (s) => process.stderr.write(sanitize(s)) });
  const named = argv === undefined ? undefined : commandNamed(argv);
  const wanted = COMMANDS.filter(([name]) => named === undefined || name === named);
  for (const register of await Promise.all(wanted.map(([, load]) => load()))) register(program);
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
}

/** Run the CLI; resolves to the exit code. Errors become one line on stderr, never a stack trace. */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const program = await buildProgram(argv);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? 0 : 2;
    }
    if (e instanceof InputFileError) {
      process.stderr.write(`${inputErrorLine(e.error, 'en')}\n`);
      return 2;
    }
    if (e instanceof UsageError || e instanceof OutputError) {
      process.stderr.write(`rural-audit: ${sanitizeLine(e.message)}\n`);
      return 2;
    }
    reportInternalError(e, debug);
    return 2;
  }
}

/** A bug, not bad input: one line and a plea to report it; the stack only with --debug. */
export function reportInternalError(e: unknown, debug: boolean = process.argv.includes('--debug')): void {
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`rural-audit: internal error: ${sanitizeLine(message)}\n`);
  if (debug) process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  else process.stderr.write('rural-audit: run again with --debug for details, and please report it\n');
}

/** A report piped into `head` ends quietly; Ctrl-C leaves no half-written report behind. */
export function installProcessHandlers(): void {
  // The reader went away (`| head`): the rest of the report has nobody to read it. The run
  // still ends on its own, so that the exit code is the audit's verdict, not a guess.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' ? undefined : fatal(e)));
  process.stderr.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' ? undefined : fatal(e)));
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
  // Signals: see guardTemporaryFiles in output.ts.
}

function fatal(e: unknown): never {
  removePending();
  try {
    reportInternalError(e);
  } catch {
    // stderr itself is gone
  }
  process.exit(2);
}
