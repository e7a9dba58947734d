import type { Severity } from '../catalog/types.js';
import type { Finding } from '../engine/finding.js';
import { summariseByArea } from './summary.js';
import { inputErrorLine, sanitize } from './text.js';
import type { Formatter } from './types.js';
import { sayIn } from '../plan/words.js';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/** Workflow-command data: `%`, CR and LF escaped, so plan text can never start a command of its own. */
export const escapeData = (s: string): string => sanitize(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));

/** Workflow-command properties: as data, plus `:` and `,`, which end a property. */
export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * GitHub Actions workflow commands (docs/formats.md): one annotation per gap, on its file and lines,
 * with the fix hint on a second line; waived gaps as notices; input errors as errors. The job
 * summary is the `github-summary` format.
 */
export const github: Formatter = (result, { lang }) => {
  const w = sayIn(lang);
  const rules = new Map(result.rules.map((r) => [r.id, r]));
  const out: string[] = [];
  for (const e of [...result.errors, ...result.files.flatMap((f) => (f.error ? [f.error] : []))]) {
    const where = [`file=${escapeProperty(e.file)}`, ...(e.line === undefined ? [] : [`line=${e.line}`, `col=${e.column ?? 1}`])];
    out.push(`::error ${[...where, `title=${escapeProperty(w('github.notAudited'))}`].join(',')}::${escapeData(inputErrorLine(e, lang))}`);
  }
  for (const f of result.files) {
    for (const x of f.findings) {
      const rule = rules.get(x.ruleId);
      const clauses = x.clauses.length ? ` [${x.clauses.join(', ')}]` : '';
      const waived = x.waiver ? w('github.waived') : '';
      const props = [`file=${escapeProperty(x.file)}`, ...annotationLines(x), `title=${escapeProperty(`${waived}${x.ruleId}${clauses}`)}`];
      let message = x.message[lang];
      if (rule) message += `\n${w('fix')}: ${rule.remediation[lang]}`;
      if (x.waiver) {
        message += `\n${w('waivedBy', x.waiver)}`;
      }
      out.push(`::${x.waiver ? 'notice' : COMMAND[x.severity]} ${props.join(',')}::${escapeData(message)}`);
    }
  }
  const { total, waived } = summariseByArea(result);
  const audited = result.files.filter((f) => !f.error).length;
  const summary = w('table.summary', { files: audited, errors: total.error, warnings: total.warning, info: total.info });
  out.push(`${w('github.tool')}${summary}${waived ? w('report.totalsWaived', { waived }) : ''}${w('table.asOf', { date: result.asOf })}`);
  return `${out.join('\n')}\n`;
};

/**
 * Where GitHub draws the annotation. It draws a multi-line one at its end line, so a gap about a
 * missing field (placed at its nearest parent, `exact: false`) names the parent key's line only,
 * not the parent's whole span. A span that ends at the start of a line ends on the line before:
 * a node running to the end of the file never gets an end line past the file's last line.
 */
function annotationLines(x: Finding): string[] {
  const where = [`line=${x.line}`, `col=${x.column}`];
  if (!x.exact) return where;
  const endLine = x.endLine > x.line && x.endColumn <= 1 ? x.endLine - 1 : x.endLine;
  if (endLine === x.line) return [...where, `endLine=${endLine}`, ...(x.endLine === x.line ? [`endColumn=${x.endColumn}`] : [])];
  return [...where, `endLine=${endLine}`];
}
