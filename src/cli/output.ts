import { randomBytes } from 'node:crypto';
import { realpathSync, statSync } from 'node:fs';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, basename, join, resolve } from 'node:path';

/**
 * Write a report whole or not at all: into a temporary file beside the target, then renamed
 * over it. A report is never written over one of the plans being audited.
 */
export async function writeReport(target: string, text: string, inputs: string[]): Promise<void> {
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

/** Colour on a terminal only; NO_COLOR turns it off and FORCE_COLOR on (https://no-color.org). */
export function wantsColor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/**
 * Columns the human report must fit: `COLUMNS` when set (a positive whole number), else the
 * terminal's width; undefined for a pipe or a file, whose lines are not wrapped.
 */
export function terminalWidth(stream: Pick<NodeJS.WriteStream, 'isTTY' | 'columns'>, env: NodeJS.ProcessEnv = process.env): number | undefined {
  const columns = Number(env.COLUMNS);
  if (env.COLUMNS !== undefined && Number.isInteger(columns) && columns > 0) return columns;
  return stream.isTTY === true && stream.columns > 0 ? stream.columns : undefined;
}
