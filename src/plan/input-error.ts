/**
 * Problems with the input itself, as opposed to gaps in a plan's content. Each becomes one
 * line `file:line:column: error: …` and makes the run exit 2; the other files are still audited.
 * docs/errors.md explains every code and its fix; test/robust/errors-doc.test.ts keeps it complete.
 */
import { SEQ_ITEM, type ParseFailure } from './parse.js';
import { isWordKey, say, type WordKey } from './words.js';

/** Every input error code; docs/errors.md explains each, and `words.ts` words it (`error.<code>`). */
export const INPUT_ERROR_CODES = [
  // file system
  'not-found',
  'dangling-symlink',
  'symlink-loop',
  'unreadable',
  'not-a-file',
  'too-large',
  'no-match',
  'too-many-files',
  // bytes
  'binary',
  'undecodable',
  // YAML
  'bad-indent',
  'tab-indent',
  'unclosed-quote',
  'unclosed-flow',
  'nested-mapping',
  'multiline-key',
  'missing-colon',
  'bad-escape',
  'stray-bracket',
  'text-after-value',
  'reserved-character',
  'bad-tagged-value',
  'key-too-long',
  'duplicate-key',
  'non-scalar-key',
  'unsupported-tag',
  'unknown-alias',
  'alias-cycle',
  'alias-limit',
  'too-deep',
  'too-many-keys',
  'multiple-documents',
  'yaml-syntax',
  // the plan as a whole
  'empty',
  'not-a-mapping',
  // other inputs
  'invalid-catalog',
  'invalid-config',
  'invalid-waiver',
  'invalid-baseline',
  'internal-error',
] as const;

export type InputErrorCode = (typeof INPUT_ERROR_CODES)[number];

export interface InputError {
  file: string;
  code: InputErrorCode;
  line?: number;
  column?: number;
  /** Words filled into the message template: the parser's own detail, a size, an encoding. */
  values: Record<string, string | number>;
  /** The source line the position is on (cut to a window around it), for an excerpt with a caret. */
  excerpt?: { text: string; caret: number };
}

const YAML_CODES: Record<string, InputErrorCode> = {
  BAD_INDENT: 'bad-indent',
  TAB_AS_INDENT: 'tab-indent',
  BLOCK_AS_IMPLICIT_KEY: 'nested-mapping',
  MULTILINE_IMPLICIT_KEY: 'multiline-key',
  BAD_DQ_ESCAPE: 'bad-escape',
  KEY_OVER_1024_CHARS: 'key-too-long',
  DUPLICATE_KEY: 'duplicate-key',
  NON_SCALAR_KEY: 'non-scalar-key',
  UNSUPPORTED_TAG: 'unsupported-tag',
  UNKNOWN_ALIAS: 'unknown-alias',
  ALIAS_CYCLE: 'alias-cycle',
  ALIAS_LIMIT: 'alias-limit',
  TOO_DEEP: 'too-deep',
  TOO_MANY_KEYS: 'too-many-keys',
  MULTIPLE_DOCS: 'multiple-documents',
};

/**
 * A YAML parse failure as an input error: the library's code translated into one of ours,
 * with an excerpt of the line. Plans, configuration, rule and waiver files all go through here.
 */
export function yamlInputError(file: string, failure: ParseFailure, text?: string): InputError {
  const { detail } = failure;
  let code: InputErrorCode = YAML_CODES[failure.code] ?? 'yaml-syntax';
  const values: Record<string, string | number> = { detail, ...failure.values };
  if (failure.code === 'MISSING_CHAR' && /quote/.test(detail)) {
    code = 'unclosed-quote';
    values.quote = detail.includes("'") ? "'" : '"';
  } else if (/^Flow (sequence|map).*end with/.test(detail)) {
    code = 'unclosed-flow';
    values.open = detail.startsWith('Flow map') ? '{' : '[';
    values.close = detail.startsWith('Flow map') ? '}' : ']';
  } else if (/Implicit map keys need to be followed by map values/.test(detail)) code = 'missing-colon';
  else if (SEQ_ITEM.test(detail)) code = 'bad-indent';
  else if (failure.code === 'UNEXPECTED_TOKEN' && /Unexpected flow-(seq|map)-end token/.test(detail)) {
    code = 'stray-bracket';
    values.bracket = detail.includes('flow-seq-end') ? ']' : '}';
  } else if (failure.code === 'UNEXPECTED_TOKEN' && /Unexpected scalar at node end/.test(detail)) code = 'text-after-value';
  else if (failure.code === 'BAD_SCALAR_START') {
    code = 'reserved-character';
    values.char = detail.slice(-1);
  } else if (failure.code === 'UNSUPPORTED_TAG' && /^!!(str|int|float|bool|null|map|seq)$/.test(String(values.tag))) code = 'bad-tagged-value';
  return {
    file,
    code,
    line: failure.line,
    column: failure.column,
    values,
    ...withExcerpt(text, failure.line, failure.column),
  };
}

/** Longest excerpt kept: enough to recognise the line, short enough for any report. */
export const EXCERPT_WIDTH = 120;

/**
 * The line at `line`, cut to a window around `column` with `…` at the cut ends, and where the
 * caret goes in it (1-based, in characters).
 */
export function excerptOf(text: string, line: number, column: number): { text: string; caret: number } | undefined {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return undefined;
    start = nl + 1;
  }
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  const full = text.slice(start, Math.min(end, start + 100_000)).replace(/\r$/, '');
  if (full.length <= EXCERPT_WIDTH) return { text: full, caret: column };
  const from = Math.max(0, Math.min(column - 1 - EXCERPT_WIDTH / 2, full.length - EXCERPT_WIDTH));
  const head = from > 0 ? '…' : '';
  const tail = from + EXCERPT_WIDTH < full.length ? '…' : '';
  return { text: `${head}${full.slice(from, from + EXCERPT_WIDTH)}${tail}`, caret: column - from + head.length };
}

export function withExcerpt(text: string | undefined, line: number, column: number): { excerpt?: { text: string; caret: number } } {
  const excerpt = text === undefined ? undefined : excerptOf(text, line, column);
  return excerpt ? { excerpt } : {};
}

/** The message of an input error in one language, without file or position. */
export function inputErrorMessage(e: InputError, lang: 'zh' | 'en'): string {
  const values: Record<string, string | number> = { ...e.values };
  // Plans name the option that raises their limit; other input files carry their own hint.
  if (e.code === 'too-large' && values.hint === undefined) values.hint = 'max-file-size';
  for (const name of ['hint', 'found'] as const) {
    const v = values[name];
    const key = `hint.${v}`;
    if (typeof v === 'string' && isWordKey(key)) values[name] = say(lang, key);
  }
  // Typed so that a code without its words fails to compile; one from outside (a shard report
  // of another version) is shown as it is.
  const key: WordKey = `error.${e.code}`;
  return isWordKey(key) ? say(lang, key, values) : e.code;
}

/**
 * An input file that stops the run before any plan is audited — a config, profile, rule file
 * or baseline that cannot be read or is invalid: the one error type for all of them.
 */
export class InputFileError extends Error {
  constructor(readonly error: InputError) {
    super(`${error.file}:${error.line ?? 1}:${error.column ?? 1}: ${inputErrorMessage(error, 'en')}`);
    this.name = 'InputFileError';
  }
}

/** Input errors in a stable order (file, line, column, code): the report is the same whatever order they were found in. */
export function compareInputErrors(a: InputError, b: InputError): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}
