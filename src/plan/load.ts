import { lstat, open, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import type { Encoding } from './decode.js';
import type { InputError } from './input-error.js';
import { parseDocumentBytes, parseYamlBytes, type LoadedDocument, type LoadedYaml } from './document.js';

export { DEFAULT_MAX_BYTES, isInputError, parseByteSize, parseDocumentBytes, parseYamlBytes } from './document.js';
export type { LoadedDocument, LoadedYaml } from './document.js';

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

async function readError(read: { error: string; size?: number; kind?: string }, file: string, display: string, limit: number): Promise<InputError> {
  const fail = (code: InputError['code'], values: InputError['values'] = {}): InputError => ({ file: display, code, values });
  const err = read.error;
  if (err === 'too-large') return fail('too-large', { size: read.size!, limit });
  if (err === 'not-a-file') return fail('not-a-file', { kind: read.kind! });
  if (err === 'ENOENT' || err === 'ENOTDIR') {
    const link = await lstat(file).catch(() => undefined);
    return fail(link?.isSymbolicLink() ? 'dangling-symlink' : 'not-found');
  }
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
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const want = Math.min(Math.max(info.size - total, 64 * 1024), max + 1 - total);
      if (want <= 0) break;
      const buf = Buffer.allocUnsafe(want);
      const { bytesRead } = await handle.read(buf, 0, want, null);
      if (bytesRead === 0) break;
      chunks.push(buf.subarray(0, bytesRead));
      total += bytesRead;
    }
    if (total > max) return { error: 'too-large', size: total };
    return { bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total) };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EISDIR') return { error: 'not-a-file', kind: 'directory' };
    return { error: err.code ?? err.message };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'directory';
  if (info.isFIFO()) return 'FIFO';
  if (info.isSocket()) return 'socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'device';
  return 'special file';
}

/** A YAML file from disk, read within `maxBytes` (see `readBounded`). */
export async function loadYamlFile(file: string, display: string, options: LoadOptions): Promise<LoadedYaml | InputError> {
  const read = await readBounded(file, options.maxBytes);
  if ('error' in read) return readError(read, file, display, options.maxBytes);
  return parseYamlBytes(read.bytes, display, options.encoding);
}
