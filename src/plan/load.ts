import { closeSync, fstatSync, lstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import type { Encoding } from './decode.js';
import type { InputError } from './input-error.js';
import { parseDocumentBytes, parseYamlBytes, type LoadedDocument, type LoadedYaml } from './document.js';

// The in-memory half of loading lives in document.ts (no node: module, for the browser page).
export { DEFAULT_MAX_BYTES, isInputError, parseByteSize, parseDocumentBytes, parseYamlBytes, type LoadedDocument, type LoadedYaml } from './document.js';

export interface LoadOptions {
  /** Files larger than this are refused before being read. */
  maxBytes: number;
  encoding?: Encoding;
}

/**
 * A plan read and parsed. The read is synchronous — on a file in the page cache the promise API's
 * round trips cost several times the read itself (stat, open, fstat, read, close: ~0.4 s of CPU
 * over the 2,844-plan corpus against ~0.1 s) — and waits for its turn first: a caller that starts
 * the next few files while one is audited (audit/file.ts) still holds only their promises, not
 * their parsed documents, which are made one at a time as before.
 */
export async function loadDocument(
  file: string,
  display: string,
  options: LoadOptions,
): Promise<LoadedDocument | InputError> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  const read = readBoundedFile(file, display, options.maxBytes);
  return 'bytes' in read ? parseDocumentBytes(read.bytes, display, options.encoding) : read;
}

type ReadFailure = { error: string; size?: number; kind?: string };

function failureOf(read: ReadFailure, display: string, limit: number, danglingLink: boolean): InputError {
  const fail = (code: InputError['code'], values: InputError['values'] = {}): InputError => ({ file: display, code, values });
  const err = read.error;
  if (err === 'too-large') return fail('too-large', { size: read.size!, limit });
  if (err === 'not-a-file') return fail('not-a-file', { kind: read.kind! });
  if (err === 'ENOENT' || err === 'ENOTDIR') return fail(danglingLink ? 'dangling-symlink' : 'not-found');
  if (err === 'ELOOP') return fail('symlink-loop');
  return fail('unreadable', { detail: err });
}

/**
 * The bookkeeping of a read that stops one byte past `max`. The first buffer holds the file as
 * the open file's stat saw it plus one byte, so that the read which finds the end needs no buffer
 * of its own; a file that grew past it is read on in buffers of at least 64 KiB; no read asks for
 * more than one byte past the limit.
 */
class BoundedRead {
  private readonly chunks: Buffer[] = [];
  private total = 0;
  private done = false;
  /** The buffer being filled and how much of it is. */
  private buf: Buffer | undefined;
  private used = 0;

  constructor(
    private readonly size: number,
    private readonly max: number,
  ) {}

  /** Room for the next read, or undefined when the file has ended or the limit is passed. */
  next(): Buffer | undefined {
    if (this.done || this.total > this.max) return undefined;
    if (this.buf && this.used < this.buf.length) return this.buf.subarray(this.used);
    if (this.buf) this.chunks.push(this.buf);
    const rest = this.size + 1 - this.total;
    const want = Math.min(this.buf ? Math.max(rest, 64 * 1024) : rest, this.max + 1 - this.total);
    this.buf = Buffer.allocUnsafe(want);
    this.used = 0;
    return this.buf;
  }

  got(bytesRead: number): void {
    if (bytesRead === 0) this.done = true;
    this.used += bytesRead;
    this.total += bytesRead;
  }

  result(): { bytes: Buffer } | { error: 'too-large'; size: number } {
    if (this.total > this.max) return { error: 'too-large', size: this.total };
    const last = this.buf ? this.buf.subarray(0, this.used) : Buffer.alloc(0);
    return { bytes: this.chunks.length === 0 ? last : Buffer.concat([...this.chunks, last], this.total) };
  }
}

function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'directory';
  if (info.isFIFO()) return 'FIFO';
  if (info.isSocket()) return 'socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'device';
  return 'special file';
}

/**
 * Read at most `max` bytes of a plan or of another input file. A FIFO or device is refused before
 * it is opened (opening a FIFO would wait for a writer forever); the size is checked on the open
 * file, not on the path, and the read stops one byte past the limit, so a file that grows (or a
 * device that never ends) cannot make memory grow with it.
 */
function readBoundedSync(file: string, max: number): { bytes: Buffer } | ReadFailure {
  let fd: number;
  try {
    const before = statSync(file);
    if (!before.isFile()) return { error: 'not-a-file', kind: kindOf(before) };
    fd = openSync(file, 'r');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EISDIR') return { error: 'not-a-file', kind: 'directory' };
    return { error: err.code ?? err.message };
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return { error: 'not-a-file', kind: kindOf(info) };
    if (info.size > max) return { error: 'too-large', size: info.size };
    const read = new BoundedRead(info.size, max);
    for (let buf = read.next(); buf; buf = read.next()) read.got(readSync(fd, buf, 0, buf.length, null));
    return read.result();
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EISDIR') return { error: 'not-a-file', kind: 'directory' };
    return { error: err.code ?? err.message };
  } finally {
    closeSync(fd);
  }
}

/** The kinds of input file besides plans, each with its own limit on size. */
export type InputKind = 'config' | 'profile' | 'rules' | 'waivers' | 'baseline';

/**
 * Largest file of each kind read. These are rural-audit's own bounds, not from any policy: a
 * config or profile is a few KiB, the largest built-in rule file ~20 KiB, a waivers file a few
 * hundred entries; a baseline holds ~150 bytes per gap, so 64 MiB is ~400,000 gaps.
 */
export const INPUT_LIMITS: Record<InputKind, number> = {
  config: 1024 * 1024,
  profile: 1024 * 1024,
  rules: 4 * 1024 * 1024,
  waivers: 4 * 1024 * 1024,
  baseline: 64 * 1024 * 1024,
};

/** The bytes of a file within `limit`, or the one error that says why not. */
function readBoundedFile(file: string, display: string, limit: number): { bytes: Buffer } | InputError {
  const read = readBoundedSync(file, limit);
  if ('bytes' in read) return read;
  const missing = read.error === 'ENOENT' || read.error === 'ENOTDIR';
  const link = missing ? lstatSync(file, { throwIfNoEntry: false }) : undefined;
  return failureOf(read, display, limit, link?.isSymbolicLink() ?? false);
}

/** The bytes of an input file within its kind's limit, or the one error that says why not. */
export function readInputBytes(file: string, display: string, kind: InputKind): { bytes: Buffer } | InputError {
  const read = readBoundedFile(file, display, INPUT_LIMITS[kind]);
  return 'code' in read && read.code === 'too-large' ? { ...read, values: { ...read.values, hint: 'fixed-limit' } } : read;
}

/**
 * An input file other than a plan (config, profile, rule file, waivers file) as YAML data: the
 * plans' loader with the kind's size limit — the same encodings, depth, alias and key limits,
 * error codes and messages.
 */
export function loadInputFile(file: string, display: string, kind: InputKind): LoadedYaml | InputError {
  const read = readInputBytes(file, display, kind);
  return 'bytes' in read ? parseYamlBytes(read.bytes, display) : read;
}
