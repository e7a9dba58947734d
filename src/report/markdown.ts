import { gapBarsMermaid } from './charts.js';
import { md } from './escape.js';
import type { Rollup } from './rollup.js';
import type { Formatter } from './types.js';
import { buildView, totalsText, type FileView, type ReportView } from './view.js';
import { say, sayIn } from '../plan/words.js';

/**
 * Markdown for pull-request comments and printing (docs/formats.md): the county roll-up when
 * several plans were audited, gaps per area, then per file and area a gap table with clause and
 * fix, the clauses' words, and the reviewer's checklist. Every text from a plan is escaped.
 */
export const markdown: Formatter = (result, { lang }) => {
  const v = buildView(result, lang);
  const w = sayIn(lang);
  const out: string[] = [`# ${w('report.title')}`, '', `${w('report.source')} · ${md(v.tool)} · ${w('report.asOf', { date: v.asOf })} · ${w('report.files', { count: v.audited })} · ${totalsText(w, v)}`, ''];
  if (v.rollup) out.push(`## ${w('report.rollup')}`, '', ...rollupTable(v, v.rollup), '');
  out.push(`## ${w('report.byArea')}`, '', ...areaTable(v), '', ...areaChart(v), '');
  for (const f of v.files) out.push(...fileSection(v, f, 2));
  if (v.inputErrors.length > 0) out.push(`## ${w('report.notAudited')}`, '', ...v.inputErrors.map((e) => `- ${md(e)}`), '');
  if (v.manual.length > 0) out.push(...checklist(v, 2));
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
};

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const rule = (n: number, right: number[] = []) => row(Array.from({ length: n }, (_, i) => (right.includes(i) ? '---:' : '---')));
const counts = (c: { error: number; warning: number; info: number }) => `${c.error}/${c.warning}/${c.info}`;

export function rollupTable(v: ReportView, r: Rollup): string[] {
  const w = sayIn(v.lang);
  const head = [w('report.county'), ...r.areas.map((a) => md(a.title[v.lang])), w('report.overall')];
  const cell = (c: { score: number | undefined; counts: { error: number; warning: number; info: number } }) =>
    `${c.score ?? '—'} · ${counts(c.counts)}`;
  const lines = [
    row(head),
    rule(head.length, head.map((_, i) => i).slice(1)),
    ...r.rows.map((x) => row([md(x.label), ...x.cells.map(cell), `**${x.score ?? '—'}** · ${counts(x.counts)}`])),
    row([`**${w('report.mean')}**`, ...r.totals.map((c) => `**${c.score ?? '—'}** · ${counts(c.counts)}`), `**${r.score ?? '—'}** · ${counts(r.counts)}`]),
    '',
    `${w('report.rollupLegend')}`,
  ];
  if (r.weakest.length > 0) {
    lines.push('', `**${w('report.weakest')}**: ${r.weakest.map((x) => `${md(x.area.title[v.lang])} (${x.score})`).join(w('list.separator'))}`);
  }
  return lines;
}

export function areaTable(v: ReportView): string[] {
  const w = sayIn(v.lang);
  const sev = (s: 'error' | 'warning' | 'info') => say(v.lang, `severity.${s}`);
  const head = [w('report.area'), w('report.clauses'), sev('error'), sev('warning'), sev('info'), w('report.waived')];
  return [
    row(head),
    rule(head.length, [2, 3, 4, 5]),
    ...v.byArea.map((a) => row([md(a.title), a.clauses.join(', ') || '—', a.counts.error, a.counts.warning, a.counts.info, a.waived])),
    row([`**${w('report.total')}**`, '', `**${v.total.error}**`, `**${v.total.warning}**`, `**${v.total.info}**`, `**${v.waived}**`]),
  ];
}

/** The gaps per area as a Mermaid bar chart: drawn by GitHub, a readable list of numbers elsewhere. */
export function areaChart(v: ReportView): string[] {
  const rw = sayIn(v.lang);
  return gapBarsMermaid(v.byArea.map((a) => ({ title: a.title, counts: a.counts })), { title: rw('review.gapTotals'), axis: rw('review.gapAxis') });
}

export function fileSection(v: ReportView, f: FileView, level: number): string[] {
  const w = sayIn(v.lang);
  const h = '#'.repeat(level);
  const out = [`${h} ${md(f.file)}${f.label ? ` — ${md(f.label)}` : ''}`, ''];
  if (f.error) return [...out, `${w('report.notAudited')}: ${md(f.error)}`, ''];
  if (f.areas.length === 0) return [...out, `${w('report.score')} ${f.score ?? '—'} · ${w('report.noGaps')}`, ''];
  out.push(`${w('report.score')} ${f.score ?? '—'}`, '');
  for (const a of f.areas) {
    out.push(`${h}# ${md(a.title)}`, '');
    const head = [w('report.where'), w('report.severity'), w('report.rule'), w('report.problem'), w('report.values'), w('report.clauses'), w('report.fix')];
    out.push(row(head), rule(head.length));
    for (const g of a.gaps) {
      const sev = say(v.lang, `severity.${g.severity}`);
      out.push(
        row([
          `${g.line}:${g.column}${g.exact ? '' : '\\*'}`,
          g.waived ? `~~${sev}~~ ${w('report.waived')}` : sev,
          `\`${g.ruleId}\``,
          md(g.message) + (g.waived ? `<br>*${md(g.waived)}*` : ''),
          g.values ? md(g.values) : '—',
          g.clauses.join(', ') || '—',
          md(g.fix) + (g.owner ? `<br>*${w('report.owner')}: ${md(g.owner)}*` : ''),
        ]),
      );
    }
    out.push('');
  }
  if (f.areas.some((a) => a.gaps.some((g) => !g.exact))) out.push(`\\* ${w('report.approximate')}`, '');
  if (f.quotes.length > 0) {
    out.push(`**${w('report.clauseQuotes')}**`, '', ...f.quotes.map((q) => `> **${q.clauses.join(', ')}** ${md(q.quote)}`).flatMap((l) => [l, '']));
  }
  return out;
}

export function checklist(v: ReportView, level: number): string[] {
  const w = sayIn(v.lang);
  return [
    `${'#'.repeat(level)} ${w('report.manual')}`,
    '',
    w('report.manualIntro'),
    '',
    ...v.manual.map((m) => `- [ ] **${md(m.id)}** (${m.clauses.join(', ')}): ${md(m.check[v.lang])} — *${w('report.reason')}: ${md(m.reason[v.lang])}*`),
    '',
  ];
}
