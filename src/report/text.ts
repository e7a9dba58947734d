import type { Bilingual, Lang, Severity } from '../catalog/types.js';
import type { InputError } from '../plan/input-error.js';
import { INPUT_ERROR_MESSAGES } from '../plan/input-error.js';

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
  return sanitize(`${where}: ${word}: ${fill(INPUT_ERROR_MESSAGES[e.code][lang], e.values)}`);
}
