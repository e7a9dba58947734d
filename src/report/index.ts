import { compact } from './compact.js';
import { github } from './github.js';
import { githubSummary } from './github-summary.js';
import { html } from './html.js';
import { json } from './json.js';
import { junit, junitXunit } from './junit.js';
import { markdown } from './markdown.js';
import { remediation, remediationMarkdown } from './remediation.js';
import { sarif } from './sarif.js';
import { table } from './table.js';
import type { Formatter } from './types.js';
import { xlsx } from './xlsx.js';
import { docx } from './docx.js';

/** Report formats by name, as `--format` takes them (docs/formats.md). */
export const FORMATS: Readonly<Record<string, Formatter>> = Object.freeze({
  table,
  json,
  sarif,
  junit,
  github,
  'github-summary': githubSummary,
  markdown,
  html,
  remediation,
  'remediation-md': remediationMarkdown,
  'junit-xunit': junitXunit,
  compact,
  xlsx,
  docx,
});

/** Formats whose report is a binary file, not text: written to a file, or to a pipe. */
export const BINARY_FORMATS: ReadonlySet<string> = new Set(['xlsx', 'docx']);

export type { Formatter, FormatOptions, ReportOutput } from './types.js';
