import { lstat, open, stat } from 'node:fs/promises';
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

export async function loadDocument(
  file: string,
  display: string,
  options: LoadOptions,
): Promise<LoadedDocument | InputError> {
  const read = await readBounded(file, options.maxBytes);
  if ('error' in read) return readError(read, file, display, options.maxBytes);
  return parseDocumentBytes(read.bytes, display, options.encoding);
}

type ReadFailure = { error: string; size?: number; kind?: string };

async function readError(read: ReadFailure, file: string, display: string, limit: number): Promise<InputError> {
  const missing = read.error === 'ENOENT' || read.error === 'ENOTDIR';
  const link = missing ? await lstat(file).catch(() => undefined) : undefined;
  return failureOf(read, display, limit, link?.isSymbolicLink() ?? false);
}

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
 * Read at most `max` bytes. The size is checked on the open file, not on the path, and the read
 * stops one byte past the limit, so a file that grows (or a device that never ends) cannot
 * make memory grow with it.
 */
async function readBounded(
  file: string,
  max: number,
): Promise<{ bytes: Buffer } | { error: string; size?: number; kind?: string }> {
  let handle;
  try {
    // Checked on the path first: opening a FIFO would wait for a writer forever.
    const before = await stat(file);
    if (!before.isFile()) return { error: 'not-a-file', kind: kindOf(before) };
    handle = await open(file, 'r');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EISDIR') return { error: 'not-a-file', kind: 'directory' };
    return { error: err.code ?? err.message };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { error: 'not-a-file', kind: kindOf(info) };
    if (info.size > max) return { error: 'too-large', size: info.size };
    const read = new BoundedRead(info.size, max);
    for (let buf = read.next(); buf; buf = read.next()) read.got(buf, (await handle.read(buf, 0, buf.length, null)).bytesRead);
    return read.result();
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EISDIR') return { error: 'not-a-file', kind: 'directory' };
    return { error: err.code ?? err.message };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * The bookkeeping of a read that stops one byte past `max`, shared by `readBounded` and
 * `readBoundedSync`: each read asks for the rest of the file as the open file's stat saw it (at
 * least 64 KiB, for a file that grows), never for more than one byte past the limit.
 */
class BoundedRead {
  private readonly chunks: Buffer[] = [];
  private total = 0;
  private done = false;

  constructor(
    private readonly size: number,
    private readonly max: number,
  ) {}

  /** A buffer for the next read, or undefined when the file has ended or the limit is passed. */
  next(): Buffer | undefined {
    const want = Math.min(Math.max(this.size - this.total, 64 * 1024), this.max + 1 - this.total);
    return this.done || want <= 0 ? undefined : Buffer.allocUnsafe(want);
  }

  got(buf: Buffer, bytesRead: number): void {
    if (bytesRead === 0) this.done = true;
    else {
      this.chunks.push(buf.subarray(0, bytesRead));
      this.total += bytesRead;
    }
  }

  result(): { bytes: Buffer } | { error: 'too-large'; size: number } {
    if (this.total > this.max) return { error: 'too-large', size: this.total };
    return { bytes: this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.total) };
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
 * `readBounded` for the files read before an audit starts (config, profiles, rule files,
 * waivers, baselines), which the catalog's synchronous API needs: the same checks in the same
 * order — a FIFO or device is refused before it is opened, the size checked on the open file,
 * the read stopped one byte past the limit.
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
    for (let buf = read.next(); buf; buf = read.next()) read.got(buf, readSync(fd, buf, 0, buf.length, null));
    return read.result();
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
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

/** The bytes of an input file within its kind's limit, or the one error that says why not. */
export function readInputBytes(file: string, display: string, kind: InputKind): { bytes: Buffer } | InputError {
  const limit = INPUT_LIMITS[kind];
  const read = readBoundedSync(file, limit);
  if ('bytes' in read) return read;
  const missing = read.error === 'ENOENT' || read.error === 'ENOTDIR';
  const link = missing ? lstatSync(file, { throwIfNoEntry: false }) : undefined;
  const error = failureOf(read, display, limit, link?.isSymbolicLink() ?? false);
  return error.code === 'too-large' ? { ...error, values: { ...error.values, hint: 'fixed-limit' } } : error;
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
