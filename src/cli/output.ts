import { randomBytes } from 'node:crypto';
import { realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, basename, join, resolve } from 'node:path';

/**
 * Write a report whole or not at all: into a temporary file beside the target, then renamed
 * over it. A report is never written over one of the plans being audited. Synchronous, so that
 * no signal handler runs between creating the temporary file and renaming it.
 */
export async function writeReport(target: string, text: string, inputs: string[]): Promise<void> {
  const abs = resolve(target);
  if (inputs.some((i) => sameFile(abs, resolve(i)))) {
    throw new OutputError(`${target}: refusing to write a report over an input file`);
  }
  const tmp = join(dirname(abs), `.${basename(abs)}.${randomBytes(6).toString('hex')}.tmp`);
  guardTemporaryFiles();
  pending.add(tmp);
  try {
    writeFileSync(tmp, text, { flag: 'wx' });
    renameSync(tmp, abs);
  } catch (e) {
    removeQuietly(tmp);
    throw new OutputError(`${target}: cannot write the report: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  } finally {
    pending.delete(tmp);
  }
}

/** Temporary files being written, removed if the process is interrupted. */
export const pending = new Set<string>();

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
let guarded = false;

/**
 * Ctrl-C, SIGTERM and SIGHUP keep their default action — the process ends at once, even in the
 * middle of parsing one large plan on the main thread, where a JavaScript handler would wait for
 * the plan to finish — until the first temporary file is about to be made. From then on a
 * handler removes temporary files before exiting with the signal's code.
 */
export function guardTemporaryFiles(): void {
  if (guarded) return;
  guarded = true;
  for (const [signal, code] of Object.entries(EXIT_CODES)) {
    process.on(signal, () => {
      removePending();
      process.exit(code);
    });
  }
}

export function removePending(): void {
  for (const tmp of pending) removeQuietly(tmp);
  pending.clear();
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

export class OutputError extends Error {}

/** Same path after symlinks, or the same file under another name (a hard link). */
function sameFile(a: string, b: string): boolean {
  if (safeRealpath(a) === safeRealpath(b)) return true;
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

function safeRealpath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

/** Colour on a terminal only; NO_COLOR turns it off and FORCE_COLOR on (https://no-color.org). */
export function wantsColor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return stream.isTTY === true && env.TERM !== 'dumb';
}
