/** What a parse gives, whichever path ran: shared by the entry point (parse.ts) and both paths. */
import type { Locator } from './position.js';

export interface Parsed {
  ok: true;
  data: unknown;
  locator: Locator;
  /** True when the text holds no YAML node at all (empty, blank or comments only). */
  empty?: boolean;
}

export interface ParseFailure {
  ok: false;
  /** The YAML library's error code (BAD_INDENT, DUPLICATE_KEY, …) or one of ours (TOO_DEEP, …). */
  code: string;
  /** The parser's own words, in English; `yamlInputError` turns the code into a bilingual message. */
  detail: string;
  line: number;
  column: number;
  /** Extra words for the message: the tag, the first line of a duplicate key. */
  values?: Record<string, string | number>;
}

/** Collections nested deeper than this are refused: no plan needs more than a dozen levels. */
export const MAX_DEPTH = 100;
/** Aliases may stand for at most this many nodes in all: enough for any plan, far from a bomb. */
export const MAX_ALIAS_EXPANSION = 100_000;
/** Longest key, in UTF-16 code units: the YAML library's limit for implicit keys, applied to every key (quoted, flow, explicit). */
export const MAX_KEY_LENGTH = 1024;

/** Codes of our own, beside the YAML library's. */
export type OwnParseCode = 'TOO_DEEP' | 'ALIAS_LIMIT' | 'ALIAS_CYCLE' | 'UNKNOWN_ALIAS' | 'NON_SCALAR_KEY' | 'UNSUPPORTED_TAG' | 'MULTIPLE_DOCS';
