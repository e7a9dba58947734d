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
/**
 * Most keys in one mapping. The plan format's largest mapping has a few dozen fields and a
 * config's `rules:` one per rule; a 5 MiB file of 445,000 unknown keys once took 12 s and 680 MB
 * to audit (docs/performance.md). Refused while parsing, at the first key past the limit.
 */
export const MAX_KEYS_PER_MAPPING = 10_000;

/** Codes of our own, beside the YAML library's. */
export type OwnParseCode = 'TOO_DEEP' | 'TOO_MANY_KEYS' | 'ALIAS_LIMIT' | 'ALIAS_CYCLE' | 'UNKNOWN_ALIAS' | 'NON_SCALAR_KEY' | 'UNSUPPORTED_TAG' | 'MULTIPLE_DOCS';
