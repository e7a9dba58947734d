import { escapeJsonText } from './text.js';
import type { Formatter } from './types.js';

/**
 * The versioned machine report (docs/json-report.md). Every other tool and format can be built
 * from it; `rural-audit merge` reads it back.
 */
export const JSON_REPORT_VERSION = 1;

export const json: Formatter = (result, { lang }) => {
  const rules = new Map(result.rules.map((r) => [r.id, r]));
  const report = {
    reportVersion: JSON_REPORT_VERSION,
    tool: result.tool,
    asOf: result.asOf,
    lang,
    summary: summarise(result),
    ...(result.baseline ? { baseline: result.baseline } : {}),
    files: result.files.map((f) => ({
      file: f.file,
      ...(f.county ? { county: f.county } : {}),
      ...(f.encoding ? { encoding: f.encoding } : {}),
      ...(f.due ? { due: f.due } : {}),
      ...(f.error ? { error: f.error } : {}),
      findings: f.findings.map((x) => {
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
    })),
    errors: result.errors,
    /** The rules that ran, in catalog order: what `rural-audit merge` needs to rebuild the result. */
    rules: result.rules.map((r) => r.id),
  };
  return `${escapeJsonText(JSON.stringify(report, null, 2))}\n`;
};

function summarise(result: Parameters<Formatter>[0]) {
  // Waived gaps are counted apart: they are shown, never counted as failures.
  const count = { error: 0, warning: 0, info: 0, waived: 0 };
  for (const f of result.files) for (const x of f.findings) count[x.waiver ? 'waived' : x.severity]++;
  return {
    files: result.files.length,
    filesWithErrors: result.files.filter((f) => f.error).length,
    inputErrors: result.files.filter((f) => f.error).length + result.errors.length,
    ...count,
  };
}
