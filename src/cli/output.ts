import { randomBytes } from 'node:crypto';
import { closeSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, basename, join, resolve } from 'node:path';
import type { ReportOutput } from '../report/types.js';

/** Text chunks are gathered up to this many bytes before each write: few system calls, little memory. */
const WRITE_SIZE = 1 << 20;
import { BINARY_FORMATS } from '../report/index.js';
import { UsageError } from './usage.js';

/**
 * Write a report whole or not at all: chunk by chunk into a temporary file beside the target,
 * then renamed over it. A report is never written over one of the plans being audited. A promised
 * report (bytes) is made before the temporary file exists; from there on the writing is
 * synchronous, so that no signal handler runs between creating the temporary file and renaming it.
 */
export async function writeReport(target: string, report: ReportOutput, inputs: string[]): Promise<void> {
  const abs = resolve(target);
  if (inputs.some((i) => sameFile(abs, resolve(i)))) {
    throw new OutputError(`${target}: refusing to write a report over an input file`);
  }
  const made = await report;
  const tmp = join(dirname(abs), `.${basename(abs)}.${randomBytes(6).toString('hex')}.tmp`);
  guardTemporaryFiles();
  pending.add(tmp);
  try {
    const fd = openSync(tmp, 'wx');
    try {
      // writeFileSync on a descriptor writes all of the chunk from the current position.
      for (const chunk of coalesced(made)) writeFileSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, abs);
  } catch (e) {
    removeQuietly(tmp);
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
  for (const chunk of coalesced(await report)) {
    if (stream.destroyed) return;
    if (stream.write(chunk)) continue;
    await new Promise<void>((resolve) => {
      const done = () => {
        for (const event of ['drain', 'close', 'error']) stream.off(event, done);
        resolve();
      };
      for (const event of ['drain', 'close', 'error']) stream.on(event, done);
    });
  }
}

/** A made report's chunks, small text chunks gathered up to WRITE_SIZE. */
function* coalesced(made: string | Uint8Array | Iterable<string>): Generator<string | Uint8Array> {
  if (typeof made === 'string' || made instanceof Uint8Array) {
    yield made;
    return;
  }
  // Gathered as bytes, not by joining strings: megabyte strings, one per write, live in the heap
  // until a full collection, and made a 2,844-plan report's peak ~40 MB higher (docs/performance.md).
  // A fresh buffer each time: a stream may still hold the one written before.
  let buffer = Buffer.allocUnsafeSlow(WRITE_SIZE);
  let used = 0;
  // A chunk may end inside a character outside the BMP: its high surrogate waits for the next
  // chunk, for encoded alone either half would become U+FFFD.
  let held = '';
  for (const next of made) {
    let chunk = held + next;
    held = isHighSurrogate(chunk.charCodeAt(chunk.length - 1)) ? chunk.slice(-1) : '';
    if (held) chunk = chunk.slice(0, -1);
    // At most three bytes of UTF-8 for each UTF-16 code unit.
    if (used + chunk.length * 3 > WRITE_SIZE && used > 0) {
      yield buffer.subarray(0, used);
      buffer = Buffer.allocUnsafeSlow(WRITE_SIZE);
      used = 0;
    }
    if (chunk.length * 3 > WRITE_SIZE) yield chunk;
    else used += buffer.write(chunk, used);
  }
  if (used > 0) yield buffer.subarray(0, used);
  // A lone high surrogate at the very end: written as U+FFFD, as encoding the whole text would.
  if (held) yield held;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

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

/**
 * Columns the human report must fit: `COLUMNS` when set (a positive whole number), else the
 * terminal's width; undefined for a pipe or a file, whose lines are not wrapped.
 */
export function terminalWidth(stream: Pick<NodeJS.WriteStream, 'isTTY' | 'columns'>, env: NodeJS.ProcessEnv = process.env): number | undefined {
  const columns = Number(env.COLUMNS);
  if (env.COLUMNS !== undefined && Number.isInteger(columns) && columns > 0) return columns;
  return stream.isTTY === true && stream.columns > 0 ? stream.columns : undefined;
}
