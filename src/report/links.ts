import { DOCS_BASE, HOMEPAGE } from '../version.js';

/**
 * Where a rule's page (`docs/rules/<id>.md`) can be read on the web: beneath the documents of this
 * version in the package's `repository` (else its `homepage`). Undefined while package.json names
 * neither; formats then give the page's path inside the package instead of a link.
 */
export function ruleDocsUrl(ruleId: string, homepage: string | undefined = DOCS_BASE): string | undefined {
  if (!homepage || !/^https?:\/\//.test(homepage)) return undefined;
  return new URL(`docs/rules/${encodeURIComponent(ruleId)}.md`, homepage.endsWith('/') ? homepage : `${homepage}/`).href;
}

/** The project's web page, when package.json names one. */
export const projectUrl = (homepage: string | undefined = HOMEPAGE): string | undefined =>
  homepage && /^https?:\/\//.test(homepage) ? homepage : undefined;

/** The rule's page inside the package, for formats that cannot link. */
export const ruleDocsPath = (ruleId: string): string => `docs/rules/${ruleId}.md`;

/** A plan's display path as a relative (or file:) URI reference: slashes, each segment percent-encoded. */
export function fileUri(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  const encoded = slashed
    .split('/')
    .map((s, i) => (i === 0 && /^[A-Za-z]:$/.test(s) ? s : encodeURIComponent(s)))
    .join('/');
  if (/^[A-Za-z]:\//.test(slashed)) return `file:///${encoded}`;
  return slashed.startsWith('/') ? `file://${encoded}` : encoded;
}
