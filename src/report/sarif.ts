import type { AuditResult } from '../audit/result.js';
import { totalCounts, type Finding } from '../engine/finding.js';
import { SEVERITIES, type Lang, type Rule, type Severity } from '../catalog/types.js';
import type { InputError } from '../plan/input-error.js';
import { say } from '../plan/words.js';
import { jsonWithStreamedArray, PLACEHOLDER } from './chunks.js';
import { fileUri, projectUrl, ruleDocsPath, ruleDocsUrl } from './links.js';
import { escapeJsonText, inputErrorLine, sanitize } from './text.js';
import type { Formatter } from './types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** The key under which platforms match a gap across runs: the finding's own fingerprint, never a line. */
export const FINGERPRINT_KEY = 'ruralAudit/v1';

/**
 * Results one run may carry: GitHub code scanning rejects a SARIF run with more than 25,000
 * results ("SARIF support for code scanning", docs.github.com, upload limits). Beyond it the most
 * severe are kept and a notification says what was left out.
 */
export const SARIF_MAX_RESULTS = 25_000;

const RANK: Record<string, number> = { error: 0, warning: 1, note: 2 };

/**
 * SARIF 2.1.0 for code-scanning platforms (docs/formats.md): one run, the rules that ran as
 * `tool.driver.rules`, one result per gap with a 1-based region in a relative file URI, waived gaps
 * as accepted suppressions, input errors as tool-execution notifications.
 */
export const sarif: Formatter = (result, { lang }) => sarifLog(result, lang);

/** Results file by file: only one file's part of the log exists at a time. At most `maxResults` of them. */
export function* sarifLog(result: AuditResult, lang: Lang, maxResults = SARIF_MAX_RESULTS): Generator<string> {
  const index = new Map(result.rules.map((r, i) => [r.id, i]));
  const notifications: object[] = [...result.errors, ...result.files.flatMap((f) => (f.error ? [f.error] : []))].map((e) => notification(e, lang));
  const cap = capOf(result, maxResults);
  if (cap) notifications.push(truncated(cap.left, cap.total, maxResults, lang));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: result.tool.name,
            version: result.tool.version,
            semanticVersion: result.tool.version,
            ...(projectUrl() ? { informationUri: projectUrl() } : {}),
            rules: result.rules.map((r) => descriptor(r, lang)),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The folder rural-audit was run in; plan paths are relative to it.' } } },
        columnKind: 'utf16CodeUnits',
        // The audit date: verdicts about lapsed commitments and stale data hold for this day.
        properties: { asOf: result.asOf },
        invocations: [{ executionSuccessful: result.errors.length === 0 && !result.files.some((f) => f.error), toolExecutionNotifications: notifications }],
        results: PLACEHOLDER,
      },
    ],
  };
  const results = (function* () {
    const seen = new Array<number>(CLASSES).fill(0);
    for (const f of result.files) {
      for (const x of f.findings) {
        const c = classOf(x);
        const nth = seen[c]!++;
        if (!cap || c < cap.last || (c === cap.last && nth < cap.ofLast)) yield resultOf(x, index.get(x.ruleId), lang);
      }
    }
  })();
  yield* jsonWithStreamedArray(log, 'results', 6, results, escapeJsonText);
  yield '\n';
}

/** Levels by rank, each open then waived: the order in which a capped run keeps findings. */
const CLASSES = 6;
const classOf = (x: { severity: Severity; waiver?: unknown }): number => RANK[LEVEL[x.severity]]! * 2 + (x.waiver ? 1 : 0);

/**
 * What a capped run keeps — the most severe first, open before waived; within that, the report's
 * order — from counts alone, so that no file's findings are held beyond its own part of the log:
 * every class before `last`, and the first `ofLast` of `last`. Undefined when nothing is cut.
 */
function capOf(result: AuditResult, maxResults: number): { last: number; ofLast: number; total: number; left: { level: string }[] } | undefined {
  const counts = new Array<number>(CLASSES).fill(0);
  const { open, waived } = totalCounts(result.files);
  for (const s of SEVERITIES) {
    counts[classOf({ severity: s })]! += open[s];
    counts[classOf({ severity: s, waiver: true })]! += waived[s];
  }
  const total = counts.reduce((a, b) => a + b, 0);
  if (total <= maxResults) return undefined;
  let room = maxResults;
  let last = 0;
  while (counts[last]! <= room) room -= counts[last++]!;
  const left: { level: string }[] = [];
  counts.forEach((n, c) => {
    const dropped = c < last ? 0 : c === last ? n - room : n;
    for (let i = 0; i < dropped; i++) left.push({ level: Object.keys(RANK)[c >> 1]! });
  });
  return { last, ofLast: room, total, left };
}

/** The notification for results over the cap: how many, of which levels, and where the rest is. */
function truncated(left: { level: string }[], total: number, cap: number, lang: Lang) {
  const count = (level: string) => left.filter((r) => r.level === level).length;
  const [e, w, n] = [count('error'), count('warning'), count('note')];
  const text = say(lang, 'sarif.truncated', { total, cap, left: left.length, errors: e, warnings: w, notes: n });
  return { level: 'warning', descriptor: { id: 'results-truncated' }, message: { text }, properties: { total, kept: cap, omitted: { error: e, warning: w, note: n } } };
}

function descriptor(r: Rule, lang: 'zh' | 'en') {
  const url = ruleDocsUrl(r.id);
  const quote = r.source.clauses.length ? `${r.source.clauses.join(', ')}: “${r.source.quote}”` : `“${r.source.quote}”`;
  const cited = r.source.clauses.length ? `\n>\n> — ${r.source.clauses.join(', ')}` : '';
  return {
    id: r.id,
    name: r.id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: r.title[lang] },
    fullDescription: { text: r.rationale ? `${r.rationale[lang]} (${quote})` : quote },
    ...(url ? { helpUri: url } : {}),
    help: {
      text: `${r.remediation[lang]}\n\n${quote}\n\n${url ?? ruleDocsPath(r.id)}`,
      markdown: `${r.remediation[lang]}\n\n> ${r.source.quote}${cited}\n\n${url ? `[${r.id}](${url})` : `\`${ruleDocsPath(r.id)}\``}`,
    },
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: { area: r.area, clauses: r.source.clauses, tags: [r.area, ...r.source.clauses] },
  };
}

function resultOf(x: Finding, ruleIndex: number | undefined, lang: 'zh' | 'en') {
  return {
    ruleId: x.ruleId,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: LEVEL[x.severity],
    message: { text: sanitize(x.message[lang]) },
    locations: [
      {
        physicalLocation: { artifactLocation: artifact(x.file), region: region(x.line, x.column, x.endLine, x.endColumn) },
        logicalLocations: [{ fullyQualifiedName: sanitize(x.path) }],
      },
    ],
    ...(x.related.length > 0
      ? {
          relatedLocations: x.related.map((r, i) => ({
            id: i + 1,
            physicalLocation: { artifactLocation: artifact(x.file), region: { startLine: r.line, startColumn: r.column } },
            message: { text: sanitize(r.path) },
          })),
        }
      : {}),
    partialFingerprints: { [FINGERPRINT_KEY]: x.fingerprint },
    ...(x.waiver
      ? {
          suppressions: [
            {
              kind: x.waiver.origin === 'plan' ? 'inSource' : 'external',
              status: 'accepted',
              justification: sanitize(`${x.waiver.justification} (approved by ${x.waiver.approvedBy}, expires ${x.waiver.expires})`),
              properties: { approvedBy: sanitize(x.waiver.approvedBy), expires: x.waiver.expires, source: sanitize(x.waiver.source) },
            },
          ],
        }
      : {}),
    properties: {
      area: x.area,
      clauses: x.clauses,
      path: sanitize(x.path),
      exact: x.exact,
      ...(x.actual === undefined ? {} : { actual: x.actual }),
      ...(x.expected === undefined ? {} : { expected: x.expected }),
      ...(x.owner ? { owner: x.owner } : {}),
    },
  };
}

function artifact(file: string) {
  const uri = fileUri(file);
  return uri.startsWith('file:') ? { uri } : { uri, uriBaseId: '%SRCROOT%' };
}

function region(startLine: number, startColumn: number, endLine: number, endColumn: number) {
  // SARIF regions are 1-based with an exclusive end column, as are findings; a zero-width end is dropped.
  const end = endLine > startLine || (endLine === startLine && endColumn > startColumn);
  return { startLine, startColumn, ...(end ? { endLine, endColumn } : {}) };
}

function notification(e: InputError, lang: 'zh' | 'en') {
  return {
    level: 'error',
    descriptor: { id: e.code },
    message: { text: inputErrorLine(e, lang) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifact(e.file),
          ...(e.line === undefined ? {} : { region: { startLine: e.line, startColumn: e.column ?? 1 } }),
        },
      },
    ],
  };
}
