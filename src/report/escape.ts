import { sanitize } from './text.js';

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for XML and HTML, in element content and in quoted attributes alike. Control characters
 * become visible escapes first (XML 1.0 forbids most of them), and a lone surrogate, which no
 * XML parser accepts, becomes U+FFFD (both in `sanitize`), as do the non-characters U+FFFE and
 * U+FFFF, which XML 1.0 forbids too.
 */
export function xml(text: string): string {
  return sanitize(text)
    .replace(/[\ufffe\uffff]/g, '\ufffd')
    .replace(/[&<>"']/g, (c) => XML_ENTITIES[c]!);
}

/**
 * Text inside a Markdown table cell or list item: nothing in it can open a link, an image, an HTML
 * element, emphasis or a code span, mention a user, or break the table; line breaks become `<br>`.
 */
export function md(text: string): string {
  return sanitize(text)
    .replace(/[&<>]/g, (c) => XML_ENTITIES[c]!)
    .replace(/[\\`*_[\]|~#!]/g, (c) => `\\${c}`)
    .replace(/@/g, '&#64;')
    .replace(/\r?\n/g, '<br>')
    .replace(/\t/g, ' ');
}

/** One line for a terminal or a log: visible escapes for control characters, line breaks as ⏎. */
export function oneLine(text: string): string {
  return sanitize(text.replace(/\r?\n/g, ' ⏎ ').replace(/\t/g, ' '));
}
