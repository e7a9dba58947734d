import type { AuditResult } from '../audit/result.js';
import { findingCounts } from '../engine/finding.js';
import type { Lang } from '../catalog/types.js';
import { OMITTED_NOTICE } from '../engine/limits.js';
import type { InputError } from '../plan/input-error.js';
import { inputErrorMessage } from '../plan/input-error.js';
import { fillTemplate } from '../plan/interpolate.js';
import { say } from '../plan/words.js';

/**
 * Text from a plan may hold control characters or terminal escape sequences. None reaches a
 * terminal or a CI log raw: each is shown as a visible `\xNN` / `\uNNNN` escape.
 */
export function sanitize(text: string): string {
  return wellFormed(text).replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A lone surrogate (half of a UTF-16 pair, which a plan's `\ud800` escape can make) has no UTF-8
 * form: every format replaces it with U+FFFD, so that a strict UTF-8 or XML reader takes the report.
 */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd');
}

/** For text that must stay on one line (a file name, an error line): line breaks shown as `\n`. */
export function sanitizeLine(text: string): string {
  return sanitize(text).replace(/\n/g, '\\n').replace(/\t/g, '\\t');
}

export { SEVERITY_RANK } from '../catalog/types.js';

export { fillTemplate as fill } from '../plan/interpolate.js';

/** `file:line:column: error: message` — the one line an input error gets. */
export function inputErrorLine(e: InputError, lang: Lang): string {
  const where = e.line === undefined ? e.file : `${e.file}:${e.line}:${e.column ?? 1}`;
  return sanitizeLine(`${where}: ${say(lang, 'inputError')}: ${inputErrorMessage(e, lang)}`);
}

/**
 * The input errors, encoding notices and omitted-findings notices of a run, one line each, as `check` prints them on stderr
 * (and the browser page above its report). Only a guessed encoding earns a notice: a BOM or
 * `--encoding` (`forced`) says what the file is.
 */
export function problemLines(result: AuditResult, lang: Lang, forced: boolean): string[] {
  const lines = result.errors.map((e) => inputErrorLine(e, lang));
  for (const f of result.files) {
    if (f.error) lines.push(inputErrorLine(f.error, lang));
    else if (f.encoding === 'gb18030' && !forced) lines.push(`${sanitizeLine(f.file)}: ${say(lang, 'notice.guessed-encoding', { encoding: 'GB18030' })}`);
    const { omitted } = findingCounts(f);
    if (omitted > 0) lines.push(`${sanitizeLine(f.file)}: ${fillTemplate(OMITTED_NOTICE[lang], { count: omitted })}`);
  }
  return lines;
}

/**
 * The excerpt under an input error in the human report: the source line, then a caret under
 * the position. Machine formats carry `excerpt` as data instead. The caret is placed by display
 * width, so that it stands under the right character after Chinese text. Given a `width`, a
 * longer source line is cut to a window around the caret, with `…` where text was left out.
 */
export function inputErrorExcerpt(e: InputError, width?: number): string[] {
  if (!e.excerpt || e.line === undefined) return [];
  const gutter = `${e.line} | `;
  const show = (s: string) => sanitize(s.replace(/\t/g, '→'));
  let before = [...show(e.excerpt.text.slice(0, Math.max(0, e.excerpt.caret - 1)))];
  let after = [...show(e.excerpt.text.slice(Math.max(0, e.excerpt.caret - 1)))];
  if (width !== undefined) {
    const room = Math.max(8, width - gutter.length);
    if (displayWidth(before.join('')) > room / 2) {
      while (before.length > 0 && displayWidth(before.join('')) > room / 2 - 1) before = before.slice(1);
      before = ['…', ...before];
    }
    if (displayWidth([...before, ...after].join('')) > room) {
      while (after.length > 1 && displayWidth([...before, ...after].join('')) > room - 1) after = after.slice(0, -1);
      after = [...after, '…'];
    }
  }
  const pad = displayWidth(before.join(''));
  return [`${gutter}${before.join('')}${after.join('')}`, `${' '.repeat(gutter.length - 2)}| ${' '.repeat(pad)}^`];
}

/** Terminal columns taken by `text`: East Asian wide and full-width characters take two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x1f300 && c <= 0x1faff) ||
      (c >= 0x20000 && c <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
}

/**
 * JSON for a terminal, a log or a report file: JSON.stringify leaves DEL, C1 controls (U+009B
 * opens a terminal escape), line separators and bidirectional overrides raw; written as \uNNNN
 * they mean the same to a JSON reader and nothing to a terminal. Lone surrogates become U+FFFD,
 * as in every other format (`wellFormed`).
 */
export function escapeJsonText(json: string): string {
  return json
    .replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(JSON_LONE_SURROGATE_FAST, (escape, offset, text: string) => (isEscaped(text, offset) ? escape : '\ufffd'));
}

/** True when the backslash at `offset` is itself escaped (an odd number of backslashes before it): text, not an escape. */
function isEscaped(text: string, offset: number): boolean {
  let n = 0;
  while (offset - n - 1 >= 0 && text.charCodeAt(offset - n - 1) === 0x5c) n++;
  return n % 2 === 1;
}

// JSON.stringify writes a lone surrogate (and only a lone one) as the escape \udXXX. One preceded
// by another backslash (`\\ud800`: a backslash, then text) is no escape and stays.
const JSON_LONE_SURROGATE_FAST = /\\ud[89a-f][0-9a-f]{2}/gi;
