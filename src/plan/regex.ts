import { createRequire } from 'node:module';
import type { RE2JS } from 're2js';

/**
 * The one regular-expression engine for patterns that come from a repository (custom rules'
 * `pattern`s and JSON Schema `pattern`s, config and command-line globs). RE2 semantics: no
 * backreferences or lookaround, and matching time linear in the text, so a hostile pattern
 * cannot hang an audit the way a backtracking `RegExp` can (`^(a+)+$` against `aaaa…!`).
 */
export interface LinearRegex {
  readonly source: string;
  test(text: string): boolean;
}

/** A pattern the linear engine cannot take (a lookaround, a backreference, a syntax error). */
export class RegexSyntaxError extends Error {}

const compiled = new Map<string, LinearRegex>();

export function linearRegex(source: string): LinearRegex {
  let re = compiled.get(source);
  if (re) return re;
  re = isFixedWidth(source) ? fixedWidth(source) : re2(source);
  compiled.set(source, re);
  return re;
}

/** Why a pattern would be refused, or undefined when the linear engine takes it. */
export function regexProblem(source: string): string | undefined {
  try {
    linearRegex(source);
    return undefined;
  } catch (e) {
    if (e instanceof RegexSyntaxError) return e.message;
    throw e;
  }
}

function re2(source: string): LinearRegex {
  // Loaded on first use: a run whose patterns are all of fixed width (the built-in catalog's
  // are) does not load or initialise it (docs/performance.md, "Start-up").
  const { RE2JS: engine } = createRequire(import.meta.url)('re2js') as { RE2JS: typeof RE2JS };
  let pattern: RE2JS;
  try {
    pattern = engine.compile(source);
  } catch (e) {
    const reason = e instanceof Error ? e.message.replace(/^error parsing regexp: /, '') : String(e);
    throw new RegexSyntaxError(`regular expression ${JSON.stringify(source)} is not supported (${reason}): lookaround and backreferences are not allowed`);
  }
  return { source, test: (text) => pattern.matcher(text).find() };
}

/**
 * Patterns of fixed width run as a `RegExp`, which matches them as RE2 does: the same strings,
 * in time linear in the text (no quantifier but `{n}`, so no attempt backtracks further than
 * the pattern is long). Fixed width: an optional `^`, then characters that stand for
 * themselves, `\d`, classes of such characters and ASCII letter or digit ranges, each
 * optionally repeated `{n}` times (n ≤ 100, below RE2's limit of 1000), and groups
 * `(?:ab|cd)` of alternative literal texts; then an optional `$`. In both engines without
 * flags `^` and `$` match only at the ends of the text (not at line breaks), `\d` is 0–9 only,
 * and a character of the Basic Multilingual Plane outside the surrogates is one unit of a
 * JavaScript string and one code point to RE2.
 */
const FIXED_WIDTH = new RegExp(
  `^\\^?(?:(?:${lit()}|\\\\d|\\[(?:${range()}|${inClass()})+\\])(?:\\{(?:[1-9]\\d?|100)\\})?|\\(\\?:${lit()}+(?:\\|${lit()}+)*\\))*\\$?$`,
);

/** A character that stands for itself, outside a class. */
function lit(): string {
  return '[^\\\\^$.|?*+()[\\]{}\\ud800-\\udfff]';
}

/** A character that stands for itself inside a class: not `\`, `]`, `[`, `^` or `-`. */
function inClass(): string {
  return '[^\\\\\\][^\\-\\ud800-\\udfff]';
}

/** An ASCII digit or letter range; its ends are checked in order by isFixedWidth. */
function range(): string {
  return '[0-9A-Za-z]-[0-9A-Za-z]';
}

function isFixedWidth(source: string): boolean {
  if (!FIXED_WIDTH.test(source)) return false;
  // RE2 refuses a range whose ends are out of order; and `0-z` would span punctuation.
  for (const m of source.matchAll(/\[([^\]]*)\]/g)) {
    for (const r of m[1]!.matchAll(/([0-9A-Za-z])-([0-9A-Za-z])/g)) {
      const [, from, to] = r;
      if (from! > to! || classOf(from!) !== classOf(to!)) return false;
    }
  }
  return true;
}

const classOf = (c: string) => (c <= '9' ? 'digit' : c <= 'Z' ? 'upper' : 'lower');

function fixedWidth(source: string): LinearRegex {
  const re = new RegExp(source);
  return { source, test: (text) => re.test(text) };
}
