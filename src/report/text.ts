import type { AuditResult } from '../audit/result.js';
import type { Bilingual, Lang, Severity } from '../catalog/types.js';
import type { InputError } from '../plan/input-error.js';
import { ENCODING_NOTICE, fillTemplate, inputErrorMessage } from '../plan/input-error.js';

/**
 * Text from a plan may hold control characters or terminal escape sequences. None reaches a
 * terminal or a CI log raw: each is shown as a visible `\xNN` / `\uNNNN` escape.
 */
export function sanitize(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** For text that must stay on one line (a file name, an error line): line breaks shown as `\n`. */
export function sanitizeLine(text: string): string {
  return sanitize(text).replace(/\n/g, '\\n').replace(/\t/g, '\\t');
}

export const SEVERITY_LABEL: Record<Severity, Bilingual> = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  info: { zh: '提示', en: 'info' },
};

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** `file:line:column: error: message` — the one line an input error gets. */
export function inputErrorLine(e: InputError, lang: Lang): string {
  const where = e.line === undefined ? e.file : `${e.file}:${e.line}:${e.column ?? 1}`;
  const word = lang === 'zh' ? '错误' : 'error';
  return sanitizeLine(`${where}: ${word}: ${inputErrorMessage(e, lang)}`);
}

/**
 * The input errors and encoding notices of a run, one line each, as `check` prints them on stderr
 * (and the browser page above its report). Only a guessed encoding earns a notice: a BOM or
 * `--encoding` (`forced`) says what the file is.
 */
export function problemLines(result: AuditResult, lang: Lang, forced: boolean): string[] {
  const lines = result.errors.map((e) => inputErrorLine(e, lang));
  for (const f of result.files) {
    if (f.error) lines.push(inputErrorLine(f.error, lang));
    else if (f.encoding === 'gb18030' && !forced) lines.push(`${sanitizeLine(f.file)}: ${fillTemplate(ENCODING_NOTICE[lang], { encoding: 'GB18030' })}`);
  }
  return lines;
}

/**
 * The excerpt under an input error in the human report: the source line, then a caret under
 * the position. Machine formats carry `excerpt` as data instead. The caret is placed by display
 * width, so that it stands under the right character after Chinese text.
 */
export function inputErrorExcerpt(e: InputError): string[] {
  if (!e.excerpt || e.line === undefined) return [];
  const gutter = `${e.line} | `;
  const show = (s: string) => sanitize(s.replace(/\t/g, '→'));
  const chars = [...e.excerpt.text.slice(0, Math.max(0, e.excerpt.caret - 1))];
  const pad = displayWidth(show(chars.join('')));
  return [`${gutter}${show(e.excerpt.text)}`, `${' '.repeat(gutter.length - 2)}| ${' '.repeat(pad)}^`];
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
 * JSON for a terminal or a log: JSON.stringify leaves DEL, C1 controls (U+009B opens a
 * terminal escape), line separators and bidirectional overrides raw; written as \uNNNN they
 * mean the same to a JSON reader and nothing to a terminal.
 */
export function escapeJsonText(json: string): string {
  return json.replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
