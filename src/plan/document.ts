/**
 * Plans and YAML files from bytes already in memory: decoding, parsing, the plan's shape. No node:
 * module, so that the browser page (src/web) audits through it; reading files is load.ts.
 */
import { decode, type Encoding } from './decode.js';
import { withExcerpt, yamlInputError, type InputError } from './input-error.js';
import { parseYaml } from './parse.js';
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

/**
 * Plans larger than this are refused unless --max-file-size says otherwise. A county's plan is
 * well under 1 MiB; parsing takes memory of the order of 90 times the file's size (measured on
 * a 10 MiB plan: 0.9 GB), so the limit is what bounds memory.
 */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** `5242880`, `512k`, `5M`, `1G` (binary multiples; a trailing `B`/`iB` is allowed) → bytes. */
export function parseByteSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*$/i.exec(text);
  if (!m) return undefined;
  const n = Math.floor(Number(m[1]) * 1024 ** ' kmg'.indexOf((m[2] || ' ').toLowerCase()));
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/** Any YAML file the tool reads (a plan, a configuration, a rule or waiver file), as data. */
export interface LoadedYaml {
  file: string;
  data: unknown;
  locator: Locator;
  /** No YAML content at all: empty, blank or comments only. Whether that is an error is the caller's call. */
  empty: boolean;
  encoding: Encoding;
  encodingDetected: boolean;
  /** The decoded text, for excerpts of errors found after parsing (a configuration's bad value). */
  text: string;
}

/**
 * Bytes of any YAML file to data, or an input error with position and excerpt: the same
 * decoding, limits and messages as plans. Configuration, rule and waiver loaders use this.
 */
export function parseYamlBytes(bytes: Uint8Array, display: string, encoding?: Encoding): LoadedYaml | InputError {
  const decoded = decode(bytes, encoding);
  if (!decoded.ok) {
    const hint = decoded.hint ?? (decoded.reason === 'undecodable' && !encoding ? 'encoding' : '');
    const text = new TextDecoder(decoded.encoding, { fatal: false }).decode(bytes.subarray(0, Math.min(bytes.length, decoded.offset + 4096)));
    return {
      file: display,
      code: decoded.reason,
      line: decoded.line,
      column: decoded.column,
      values: { offset: decoded.offset, encoding: decoded.encoding.toUpperCase(), hint },
      ...withExcerpt(text.replace(/^\ufeff/, ''), decoded.line, decoded.column),
    };
  }
  // A lone CR ends a line in YAML (old Mac files) but not for the parser; same length, same offsets.
  // Most files have no CR at all: one search for it is cheaper than the regular expression's scan.
  const text = decoded.text.includes('\r') ? decoded.text.replace(/\r(?!\n)/g, '\n') : decoded.text;
  const parsed = parseYaml(text);
  if (!parsed.ok) return yamlInputError(display, parsed, text);
  return {
    file: display,
    data: parsed.data,
    locator: parsed.locator,
    empty: parsed.empty === true,
    encoding: decoded.encoding,
    encodingDetected: decoded.detected,
    text,
  };
}

export function parseDocumentBytes(bytes: Uint8Array, display: string, encoding?: Encoding): LoadedDocument | InputError {
  const loaded = parseYamlBytes(bytes, display, encoding);
  if (isInputError(loaded)) return loaded;
  // Nothing to audit: one clear error rather than every rule reporting a missing field at 1:1.
  if (loaded.empty) return { file: display, code: 'empty', values: {} };
  const found = shapeOf(loaded.data);
  if (found !== 'mapping') {
    const at = loaded.locator.locate([]);
    return { file: display, code: 'not-a-mapping', line: at.line, column: at.column, values: { found }, ...withExcerpt(loaded.text, at.line, at.column) };
  }
  return {
    file: display,
    data: loaded.data,
    locator: loaded.locator,
    encoding: loaded.encoding,
    encodingDetected: loaded.encodingDetected,
  };
}

function shapeOf(data: unknown): string {
  if (data === null || data === undefined) return 'null';
  if (Array.isArray(data)) return 'list';
  if (typeof data === 'object') return 'mapping';
  return typeof data === 'string' ? 'text' : typeof data;
}

export function isInputError<T extends object>(x: T | InputError): x is InputError {
  return 'code' in x;
}
