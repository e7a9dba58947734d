import type { AuditResult, FileResult, ShardRun } from '../audit/result.js';
import { totalCounts, type Finding } from '../engine/finding.js';
import type { Lang } from '../catalog/types.js';
import type { InputError } from '../plan/input-error.js';
import { jsonWithStreamedArray, PLACEHOLDER } from './chunks.js';
import { escapeJsonText } from './text.js';
import type { Formatter } from './types.js';

/**
 * The versioned machine report (docs/json-report.md). Every other tool and format can be built
 * from it; `rural-audit merge` reads it back.
 */
export const JSON_REPORT_VERSION = 1;

/** A finding as the JSON report writes it: its message (and the rule's words) in the report's language. */
export type JsonFinding = Omit<Finding, 'file' | 'message'> & { message: string; quote?: string; remediation?: string };

export interface JsonFileResult {
  file: string;
  county?: FileResult['county'];
  encoding?: FileResult['encoding'];
  /** When the plan's gaps are due unless `--due` says otherwise (never before the audit date). */
  due?: FileResult['due'];
  error?: InputError;
  findings: JsonFinding[];
}

/** The JSON report (docs/json-report.md): what this formatter writes and `rural-audit merge` reads. */
export interface JsonReport {
  reportVersion: typeof JSON_REPORT_VERSION;
  tool: AuditResult['tool'];
  /** The audit date the report is true for (`--today`). */
  asOf: string;
  lang: Lang;
  summary: ReturnType<typeof summarise>;
  baseline?: AuditResult['baseline'];
  files: JsonFileResult[];
  errors: InputError[];
  /** The rules that ran, in catalog order: what `rural-audit merge` needs to rebuild the result. */
  rules: string[];
  /** Only in a report `rural-audit merge` wrote: each shard report and the rules it ran. */
  shards?: ShardRun[];
}

export const json: Formatter = (result, options) => jsonChunks(result, options);

/** File by file: only one file's part of the report exists at a time. */
function* jsonChunks(result: Parameters<Formatter>[0], { lang }: Parameters<Formatter>[1]): Generator<string> {
  const rules = new Map(result.rules.map((r) => [r.id, r]));
  const report: Omit<JsonReport, 'files'> & { files: typeof PLACEHOLDER } = {
    reportVersion: JSON_REPORT_VERSION,
    tool: result.tool,
    asOf: result.asOf,
    lang,
    summary: summarise(result),
    ...(result.baseline ? { baseline: result.baseline } : {}),
    files: PLACEHOLDER,
    errors: result.errors,
    rules: result.rules.map((r) => r.id),
    ...(result.shards ? { shards: result.shards } : {}),
  };
  const files = (function* (): Generator<JsonFileResult> {
    for (const f of result.files) yield {
      file: f.file,
      ...(f.county ? { county: f.county } : {}),
      ...(f.encoding ? { encoding: f.encoding } : {}),
      ...(f.due ? { due: f.due } : {}),
      ...(f.error ? { error: f.error } : {}),
      findings: f.findings.map((x): JsonFinding => {
        const rule = rules.get(x.ruleId);
        return {
          ruleId: x.ruleId,
          severity: x.severity,
          area: x.area,
          line: x.line,
          column: x.column,
          endLine: x.endLine,
          endColumn: x.endColumn,
          path: x.path,
          exact: x.exact,
          message: x.message[lang],
          clauses: x.clauses,
          quote: rule?.source.quote,
          ...(x.actual === undefined ? {} : { actual: x.actual }),
          ...(x.expected === undefined ? {} : { expected: x.expected }),
          remediation: rule?.remediation[lang],
          related: x.related,
          fingerprint: x.fingerprint,
          ...(x.owner ? { owner: x.owner } : {}),
          ...(x.waiver ? { waiver: x.waiver } : {}),
        };
      }),
    };
  })();
  yield* jsonWithStreamedArray(report, 'files', 2, files, escapeJsonText);
  yield '\n';
}

function summarise(result: Parameters<Formatter>[0]) {
  // Waived gaps are counted apart: they are shown, never counted as failures.
  const { open, waived } = totalCounts(result.files);
  const count = { ...open, waived: waived.error + waived.warning + waived.info };
  return {
    files: result.files.length,
    filesWithErrors: result.files.filter((f) => f.error).length,
    inputErrors: result.files.filter((f) => f.error).length + result.errors.length,
    ...count,
  };
}
