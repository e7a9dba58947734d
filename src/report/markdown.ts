import { gapBarsMermaid } from './charts.js';
import { md } from './escape.js';
import { REVIEW_WORDS } from './reviewWords.js';
import type { Rollup } from './rollup.js';
import { SEVERITY_LABEL } from './text.js';
import type { Formatter } from './types.js';
import { buildView, type FileView, type ReportView } from './view.js';
import { WORDS } from './words.js';

/**
 * Markdown for pull-request comments and printing (docs/formats.md): the county roll-up when
 * several plans were audited, gaps per area, then per file and area a gap table with clause and
 * fix, the clauses' words, and the reviewer's checklist. Every text from a plan is escaped.
 */
export const markdown: Formatter = (result, { lang }) => {
  const v = buildView(result, lang);
  const w = WORDS[lang];
  const out: string[] = [`# ${w.title}`, '', `${w.source} · ${md(v.tool)} · ${w.asOf(v.asOf)} · ${w.files(v.audited)} · ${w.totals(v.total.error, v.total.warning, v.total.info, v.waived)}`, ''];
  if (v.rollup) out.push(`## ${w.rollup}`, '', ...rollupTable(v, v.rollup), '');
  out.push(`## ${w.byArea}`, '', ...areaTable(v), '', ...areaChart(v), '');
  for (const f of v.files) out.push(...fileSection(v, f, 2));
  if (v.inputErrors.length > 0) out.push(`## ${w.notAudited}`, '', ...v.inputErrors.map((e) => `- ${md(e)}`), '');
  if (v.manual.length > 0) out.push(...checklist(v, 2));
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
};

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const rule = (n: number, right: number[] = []) => row(Array.from({ length: n }, (_, i) => (right.includes(i) ? '---:' : '---')));
const counts = (c: { error: number; warning: number; info: number }) => `${c.error}/${c.warning}/${c.info}`;

export function rollupTable(v: ReportView, r: Rollup): string[] {
  const w = WORDS[v.lang];
  const head = [w.county, ...r.areas.map((a) => md(a.title[v.lang])), w.overall];
  const cell = (c: { score: number | undefined; counts: { error: number; warning: number; info: number } }) =>
    `${c.score ?? '—'} · ${counts(c.counts)}`;
  const lines = [
    row(head),
    rule(head.length, head.map((_, i) => i).slice(1)),
    ...r.rows.map((x) => row([md(x.label), ...x.cells.map(cell), `**${x.score ?? '—'}** · ${counts(x.counts)}`])),
    row([`**${w.mean}**`, ...r.totals.map((c) => `**${c.score ?? '—'}** · ${counts(c.counts)}`), `**${r.score ?? '—'}** · ${counts(r.counts)}`]),
    '',
    `${w.rollupLegend}`,
  ];
  if (r.weakest.length > 0) {
    lines.push('', `**${w.weakest}**: ${r.weakest.map((x) => `${md(x.area.title[v.lang])} (${x.score})`).join(v.lang === 'zh' ? '、' : ', ')}`);
  }
  return lines;
}

export function areaTable(v: ReportView): string[] {
  const w = WORDS[v.lang];
  const sev = (s: 'error' | 'warning' | 'info') => SEVERITY_LABEL[s][v.lang];
  const head = [w.area, w.clauses, sev('error'), sev('warning'), sev('info'), w.waived];
  return [
    row(head),
    rule(head.length, [2, 3, 4, 5]),
    ...v.byArea.map((a) => row([md(a.title), a.clauses.join(', ') || '—', a.counts.error, a.counts.warning, a.counts.info, a.waived])),
    row([`**${w.total}**`, '', `**${v.total.error}**`, `**${v.total.warning}**`, `**${v.total.info}**`, `**${v.waived}**`]),
  ];
}

/** The gaps per area as a Mermaid bar chart: drawn by GitHub, a readable list of numbers elsewhere. */
export function areaChart(v: ReportView): string[] {
  const rw = REVIEW_WORDS[v.lang];
  return gapBarsMermaid(v.byArea.map((a) => ({ title: a.title, counts: a.counts })), { title: rw.gapTotals, axis: rw.gapAxis });
}

export function fileSection(v: ReportView, f: FileView, level: number): string[] {
  const w = WORDS[v.lang];
  const h = '#'.repeat(level);
  const out = [`${h} ${md(f.file)}${f.label ? ` — ${md(f.label)}` : ''}`, ''];
  if (f.error) return [...out, `${w.notAudited}: ${md(f.error)}`, ''];
  if (f.areas.length === 0) return [...out, `${w.score} ${f.score ?? '—'} · ${w.noGaps}`, ''];
  out.push(`${w.score} ${f.score ?? '—'}`, '');
  for (const a of f.areas) {
    out.push(`${h}# ${md(a.title)}`, '');
    const head = [w.where, w.severity, w.rule, w.problem, w.values, w.clauses, w.fix];
    out.push(row(head), rule(head.length));
    for (const g of a.gaps) {
      const sev = SEVERITY_LABEL[g.severity][v.lang];
      out.push(
        row([
          `${g.line}:${g.column}${g.exact ? '' : '\\*'}`,
          g.waived ? `~~${sev}~~ ${w.waived}` : sev,
          `\`${g.ruleId}\``,
          md(g.message) + (g.waived ? `<br>*${md(g.waived)}*` : ''),
          g.values ? md(g.values) : '—',
          g.clauses.join(', ') || '—',
          md(g.fix) + (g.owner ? `<br>*${w.owner}: ${md(g.owner)}*` : ''),
        ]),
      );
    }
    out.push('');
  }
  if (f.areas.some((a) => a.gaps.some((g) => !g.exact))) out.push(`\\* ${w.approximate}`, '');
  if (f.quotes.length > 0) {
    out.push(`**${w.clauseQuotes}**`, '', ...f.quotes.map((q) => `> **${q.clauses.join(', ')}** ${md(q.quote)}`).flatMap((l) => [l, '']));
  }
  return out;
}

export function checklist(v: ReportView, level: number): string[] {
  const w = WORDS[v.lang];
  return [
    `${'#'.repeat(level)} ${w.manual}`,
    '',
    w.manualIntro,
    '',
    ...v.manual.map((m) => `- [ ] **${md(m.id)}** (${m.clauses.join(', ')}): ${md(m.check[v.lang])} — *${w.reason}: ${md(m.reason[v.lang])}*`),
    '',
  ];
}
