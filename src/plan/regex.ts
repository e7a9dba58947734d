import { RE2JS } from 're2js';

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
  let pattern: RE2JS;
  try {
    pattern = RE2JS.compile(source);
  } catch (e) {
    const reason = e instanceof Error ? e.message.replace(/^error parsing regexp: /, '') : String(e);
    throw new RegexSyntaxError(`regular expression ${JSON.stringify(source)} is not supported (${reason}): lookaround and backreferences are not allowed`);
  }
  re = { source, test: (text) => pattern.matcher(text).find() };
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
