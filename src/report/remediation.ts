import type { AuditResult, FileResult } from '../audit/result.js';
import type { Lang } from '../catalog/types.js';
import { md } from './escape.js';
import { sanitize } from './text.js';
import type { FormatOptions, Formatter } from './types.js';
import { say, sayIn, type Say } from '../plan/words.js';

/** One gap with who fixes it and by when. */
export interface RemediationRow {
  county: string;
  file: string;
  line: number;
  column: number;
  area: string;
  severity: string;
  status: string;
  ruleId: string;
  clauses: string;
  message: string;
  owner: string;
  ownerField: string;
  due: string;
  /** What the due date is: the plan period's end, the audit date plus a lead time, `--due`, a waiver's expiry. */
  dueBasis: string;
  fix: string;
}

/**
 * Who fixes what, by when (docs/formats.md): every gap with the owner the plan itself names for
 * its area (rules/owners.yaml) and a due date, never before the audit date: `--due` when given, else
 * the plan's own (the end of its plan period, or the audit date plus a lead time; src/audit/owners.ts);
 * a waived gap is due when its waiver expires. Each row says which.
 */
export function remediationRows(result: AuditResult, { lang, due }: Pick<FormatOptions, 'lang' | 'due'>): RemediationRow[] {
  const w = sayIn(lang);
  const rules = new Map(result.rules.map((r) => [r.id, r]));
  const areaTitle = new Map(result.areas.map((a) => [a.id, a.title[lang]]));
  const rows: RemediationRow[] = [];
  for (const f of result.files) {
    if (f.error) continue;
    const county = f.county?.name ?? f.county?.code ?? '';
    for (const x of f.findings) {
      rows.push({
        county,
        file: f.file,
        line: x.line,
        column: x.column,
        area: areaTitle.get(x.area) ?? x.area,
        severity: say(lang, `severity.${x.severity}`),
        status: x.waiver ? w('waivedBy', x.waiver) : w('report.open'),
        ruleId: x.ruleId,
        clauses: x.clauses.join(', '),
        message: x.message[lang],
        owner: x.owner?.names.length ? x.owner.names.join('、') : w('report.noOwner'),
        ownerField: x.owner?.field ?? '',
        ...dueOf(x.waiver?.expires, due, f.due, w),
        fix: rules.get(x.ruleId)?.remediation[lang] ?? '',
      });
    }
  }
  return rows;
}

function dueOf(waiverExpires: string | undefined, given: string | undefined, own: FileResult['due'], w: Say): Pick<RemediationRow, 'due' | 'dueBasis'> {
  if (waiverExpires) return { due: waiverExpires, dueBasis: w('report.dueByWaiver') };
  if (given) return { due: given, dueBasis: w('report.dueGiven') };
  if (!own) return { due: '', dueBasis: '' };
  return { due: own.date, dueBasis: own.basis === 'plan-period-end' ? w('report.dueByPlanPeriod') : w('report.dueByLeadTime', { days: own.leadDays ?? 0 }) };
}

const COLUMNS = ['county', 'file', 'line', 'column', 'area', 'severity', 'status', 'ruleId', 'clauses', 'message', 'owner', 'ownerField', 'due', 'dueBasis', 'fix'] as const;

function headers(lang: Lang): string[] {
  const w = sayIn(lang);
  return [w('report.county'), w('report.file'), w('report.line'), w('report.column'), w('report.area'), w('report.severity'), w('report.status'), w('report.rule'), w('report.clauses'), w('report.message'), w('report.owner'), w('report.ownerField'), w('report.due'), w('report.dueBasis'), w('report.fix')];
}

/**
 * Text a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, or a tab or carriage return
 * before one) gets a leading `'`, the prefix spreadsheets themselves use for "this is text": plan
 * text never runs as a formula, in the CSV or the workbook.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * RFC 4180 CSV with a byte-order mark, so spreadsheet programs read the Chinese right. A cell that
 * starts like a formula is prefixed with `'`: plan text never runs as a formula.
 */
export const remediation: Formatter = (result, options) => {
  const cell = (v: string | number) => {
    const s = neutraliseFormula(sanitize(String(v)));
    return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [headers(options.lang).map(cell).join(',')];
  for (const r of remediationRows(result, options)) lines.push(COLUMNS.map((c) => cell(r[c])).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
};

/** The same rows in Markdown, grouped by plan and then by owner: one list per person or unit to hand out. */
export const remediationMarkdown: Formatter = (result, options) => {
  const w = sayIn(options.lang);
  const out = [`# ${w('report.remediation')}`, '', w('report.asOf', { date: result.asOf }), ''];
  const rows = remediationRows(result, options);
  if (rows.length === 0) return `${out.join('\n')}${w('report.noGaps')}\n`;
  const byFile = new Map<string, RemediationRow[]>();
  for (const r of rows) {
    const list = byFile.get(r.file);
    if (list) list.push(r);
    else byFile.set(r.file, [r]);
  }
  for (const [file, list] of byFile) {
    out.push(`## ${md(file)}${list[0]!.county ? ` — ${md(list[0]!.county)}` : ''}`, '');
    const owners = [...new Set(list.map((r) => r.owner))];
    for (const owner of owners) {
      const mine = list.filter((r) => r.owner === owner);
      const field = mine[0]!.ownerField;
      out.push(`### ${md(owner)}${field ? ` <sub>(${md(field)})</sub>` : ''}`, '');
      out.push(`| ${[w('report.due'), w('report.where'), w('report.severity'), w('report.area'), w('report.message'), w('report.clauses'), w('report.fix'), w('report.status')].join(' | ')} |`, `|${' --- |'.repeat(8)}`);
      for (const r of mine) {
        out.push(`| ${[r.due ? `${r.due}<br><sub>${md(r.dueBasis)}</sub>` : '—', `${r.line}:${r.column}`, r.severity, md(r.area), md(r.message), r.clauses || '—', md(r.fix), md(r.status)].join(' | ')} |`);
      }
      out.push('');
    }
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
};
