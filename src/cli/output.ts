import { randomBytes } from 'node:crypto';
import { realpathSync, statSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { dirname, basename, join, resolve } from 'node:path';
import { reportChunks } from '../report/chunks.js';
import type { ReportOutput } from '../report/types.js';

/** Text chunks are gathered up to this size before each write: few system calls, little memory. */
const WRITE_SIZE = 1 << 20;

/**
 * Write a report whole or not at all: chunk by chunk into a temporary file beside the target,
 * then renamed over it. A report is never written over one of the plans being audited.
 */
export async function writeReport(target: string, report: ReportOutput, inputs: string[]): Promise<void> {
  const abs = resolve(target);
  if (inputs.some((i) => sameFile(abs, resolve(i)))) {
    throw new OutputError(`${target}: refusing to write a report over an input file`);
  }
  const tmp = join(dirname(abs), `.${basename(abs)}.${randomBytes(6).toString('hex')}.tmp`);
  pending.add(tmp);
  try {
    const handle = await open(tmp, 'wx');
    try {
      // writeFile on a handle writes all of the chunk from the current position, looping as needed.
      await writeChunks(report, (chunk) => handle.writeFile(chunk));
    } finally {
      await handle.close();
    }
    await rename(tmp, abs);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw new OutputError(`${target}: cannot write the report: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  } finally {
    pending.delete(tmp);
  }
}

/**
 * A report to stdout as it is made, waiting whenever the pipe is full. When the reader has gone
 * (`| head`) the rest is not made: the stream's error is the process handlers' business.
 */
export async function printReport(report: ReportOutput, stream: NodeJS.WritableStream & { destroyed?: boolean } = process.stdout): Promise<void> {
  await writeChunks(report, async (chunk) => {
    if (stream.destroyed) throw READER_GONE;
    if (stream.write(chunk)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        for (const event of ['drain', 'close', 'error']) stream.off(event, done);
        resolve();
      };
      for (const event of ['drain', 'close', 'error']) stream.on(event, done);
    });
  }).catch((e: unknown) => {
    if (e !== READER_GONE) throw e;
  });
}

const READER_GONE = new Error('the reader has gone');

async function writeChunks(report: ReportOutput, write: (chunk: string | Uint8Array) => Promise<void>): Promise<void> {
  let text = '';
  for await (const chunk of reportChunks(report)) {
    if (typeof chunk === 'string') {
      text += chunk;
      if (text.length < WRITE_SIZE) continue;
      await write(text);
      text = '';
    } else {
      if (text) await write(text);
      text = '';
      await write(chunk);
    }
  }
  if (text) await write(text);
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
