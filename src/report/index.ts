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
});

export type { Formatter, FormatOptions, ReportOutput } from './types.js';
