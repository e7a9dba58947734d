import { readFile, stat } from 'node:fs/promises';
import { decode, type Encoding } from './decode.js';
import type { InputError } from './input-error.js';
import { parseYaml } from './parse.js';
import { parseYamlFast } from './parseFast.js';
import type { Locator } from './position.js';

export interface LoadedDocument {
  /** The path as reports show it. */
  file: string;
  data: unknown;
  locator: Locator;
  encoding: Encoding;
  /** True when the encoding was recognised rather than assumed: a notice is due. */
  encodingDetected: boolean;
}

export interface LoadOptions {
  /** Files larger than this are refused before being read. */
  maxBytes: number;
  encoding?: Encoding;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export async function loadDocument(
  file: string,
  display: string,
  options: LoadOptions,
): Promise<LoadedDocument | InputError> {
  const fail = (code: InputError['code'], values: InputError['values'] = {}, line?: number, column?: number): InputError => ({
    file: display,
    code,
    values,
    ...(line === undefined ? {} : { line, column }),
  });
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (!info.isFile()) return fail('not-a-file');
    if (info.size > options.maxBytes) return fail('too-large', { size: info.size, limit: options.maxBytes });
    bytes = await readFile(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT' || err.code === 'ENOTDIR' || err.code === 'ELOOP') return fail('not-found');
    return fail('unreadable', { detail: err.code ?? err.message });
  }
  return parseDocumentBytes(bytes, display, options.encoding);
}

export function parseDocumentBytes(bytes: Uint8Array, display: string, encoding?: Encoding): LoadedDocument | InputError {
  const decoded = decode(bytes, encoding);
  if (!decoded.ok) {
    return {
      file: display,
      code: decoded.reason,
      values: { offset: decoded.offset, encoding: decoded.encoding ?? 'UTF-8' },
    };
  }
  // Well-formed plans take the fast path; anything it declines, and every error, the yaml path.
  const parsed = parseYamlFast(decoded.text) ?? parseYaml(decoded.text);
  if (!parsed.ok) {
    const code = parsed.code === 'MULTIPLE_DOCS' ? 'multiple-documents' : parsed.code === 'ALIAS_LIMIT' ? 'alias-limit' : 'yaml-syntax';
    return { file: display, code, line: parsed.line, column: parsed.column, values: { detail: parsed.detail } };
  }
  return {
    file: display,
    data: parsed.data,
    locator: parsed.locator,
    encoding: decoded.encoding,
    encodingDetected: decoded.detected,
  };
}

export function isInputError(x: LoadedDocument | InputError): x is InputError {
  return 'code' in x;
}
