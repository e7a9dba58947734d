import { randomBytes } from 'node:crypto';
import { realpathSync, statSync } from 'node:fs';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, basename, join, resolve } from 'node:path';
import { BINARY_FORMATS } from '../report/index.js';
import { UsageError } from './usage.js';

/**
 * Write a report whole or not at all: into a temporary file beside the target, then renamed
 * over it. A report is never written over one of the plans being audited.
 */
export async function writeReport(target: string, text: string | Uint8Array, inputs: string[]): Promise<void> {
  const abs = resolve(target);
  if (inputs.some((i) => sameFile(abs, resolve(i)))) {
    throw new OutputError(`${target}: refusing to write a report over an input file`);
  }
  const tmp = join(dirname(abs), `.${basename(abs)}.${randomBytes(6).toString('hex')}.tmp`);
  pending.add(tmp);
  try {
    await writeFile(tmp, text, { flag: 'wx' });
    await rename(tmp, abs);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw new OutputError(`${target}: cannot write the report: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  } finally {
    pending.delete(tmp);
  }
}

/** Temporary files being written, removed if the process is interrupted. */
export const pending = new Set<string>();

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

/**
 * A binary report (xlsx, docx) goes to a file, or to stdout when it is piped or redirected: on a
 * terminal its bytes would be garbage that can upset the terminal itself.
 */
export function refuseBinaryOnTerminal(format: string, stream: NodeJS.WriteStream = process.stdout): void {
  if (BINARY_FORMATS.has(format) && stream.isTTY === true) {
    throw new UsageError(`${format} is a binary file and stdout is a terminal; write it to a file: -f ${format}:report.${format}`);
  }
}

/** Colour on a terminal only; NO_COLOR turns it off and FORCE_COLOR on (https://no-color.org). */
export function wantsColor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return stream.isTTY === true && env.TERM !== 'dumb';
}
