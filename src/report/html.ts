import { areaProfile, gapBars, heatMap } from './charts.js';
import { xml as h } from './escape.js';
import type { Rollup, RollupCell } from './rollup.js';
import type { Formatter } from './types.js';
import { buildView, totalsText, type FileView, type ReportView } from './view.js';
import { say, sayIn } from '../plan/words.js';

/**
 * One self-contained HTML page for reviewers (docs/formats.md): no scripts, no external assets, a
 * content-security policy that forbids both, charts as inline SVG, print CSS for A4 (the county
 * comparison on landscape pages, each plan with gaps on a new page, plans without gaps listed
 * together, the checklist on its own page; table headers repeat, rows do not split). Every text
 * from a plan is escaped.
 */
export const html: Formatter = (result, { lang }) => {
  const v = buildView(result, lang);
  const w = sayIn(lang);
  const header = `<header><h1>${h(w('report.title'))}</h1><p class="meta">${h(w('report.source'))}<br>${h(v.tool)} · ${h(w('report.asOf', { date: v.asOf }))} · ${h(w('report.files', { count: v.audited }))} · ${h(totalsText(w, v))}</p></header>`;
  // The comparison prints on landscape pages, and the title with it rather than alone on a page before.
  const body: string[] = v.rollup
    ? [`<div class="landscape">${header}<section class="rollup"><h2>${h(w('report.rollup'))}</h2>${rollupHeatMap(v, v.rollup)}${rollupTable(v, v.rollup)}</section></div>`]
    : [header];
  body.push(`<section class="areas"><h2>${h(w('report.byArea'))}</h2>${areaTable(v)}${areaBars(v)}</section>`);
  if (v.inputErrors.length > 0) {
    body.push(`<section class="errors"><h2>${h(w('report.notAudited'))}</h2><ul>${v.inputErrors.map((e) => `<li>${h(e)}</li>`).join('')}</ul></section>`);
  }
  // Plans without gaps take a line each, beside the summary, not a page each.
  const clean = v.files.filter((f) => !f.error && f.areas.length === 0);
  if (clean.length > 0) body.push(cleanPlans(v, clean));
  for (const f of v.files) if (!clean.includes(f)) body.push(fileSection(v, f));
  if (v.manual.length > 0) body.push(checklist(v));
  return `<!DOCTYPE html>
<html lang="${say(lang, 'langTag')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${h(v.tool)}">
<title>${h(w('report.title'))}</title>
<style>${CSS}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
};

const CSS = `
@page { size: A4; margin: 14mm 12mm 16mm; }
@page landscape { size: A4 landscape; margin: 12mm 12mm 14mm; }
:root { --error: #b3261e; --warning: #8a5a00; --info: #1f5fa8; --line: #c8c8c8; --muted: #5f5f5f; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans", "Helvetica Neue", Arial, sans-serif;
  font-size: 10.5pt; line-height: 1.5; color: #111; max-width: 1100px; margin: 0 auto; padding: 16px; }
h1 { font-size: 18pt; margin: 0 0 4px; } h2 { font-size: 14pt; margin: 18px 0 6px; break-after: avoid; }
h3 { font-size: 12pt; margin: 12px 0 4px; break-after: avoid; }
.meta, .legend, .muted { color: var(--muted); font-size: 9pt; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid var(--line); padding: 3px 5px; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
th { background: #f0f0f0; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.where { white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: 600; background: #fafafa; }
.sev { white-space: nowrap; font-weight: 600; }
.sev-error { color: var(--error); } .sev-warning { color: var(--warning); } .sev-info { color: var(--info); }
tr.waived td { color: var(--muted); } tr.waived .sev { text-decoration: line-through; }
.waiver { display: block; font-style: italic; color: var(--muted); }
.rule { display: block; }
.rule, code { font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", Consolas, monospace; font-size: 8.5pt; color: var(--muted); }
.score { font-weight: 600; } .counts { display: block; font-size: 8pt; color: var(--muted); font-weight: 400; }
.good { background: #e6f4ea; } .fair { background: #fff4d6; } .poor { background: #fde7e5; }
blockquote { margin: 4px 0; padding: 2px 10px; border-left: 3px solid var(--line); color: #333; }
ul.checklist { list-style: none; padding-left: 0; } ul.checklist li { margin: 4px 0; break-inside: avoid; }
ul.checklist li::before { content: "☐"; margin-right: 6px; }
section.file { margin-top: 20px; border-top: 2px solid #333; }
table.rollup th { font-size: 8.5pt; overflow-wrap: normal; word-break: keep-all; }
table.rollup td.county { white-space: nowrap; overflow-wrap: normal; }
table.rollup td.county .counts { white-space: normal; overflow-wrap: anywhere; }
figure.chart { margin: 6px 0 12px; break-inside: avoid; }
figure.chart figcaption { font-weight: 600; font-size: 10pt; margin-bottom: 2px; }
figure.chart svg { display: block; max-width: 100%; height: auto; font-family: inherit; }
figure.heat-map { break-inside: auto; }
.sort { font-size: 8.5pt; color: var(--muted); }
.sort input { position: absolute; opacity: 0; }
.sort label { display: inline-block; margin: 0 2px 4px; padding: 0 5px; border: 1px solid var(--line); border-radius: 3px; cursor: pointer; }
.sort input:checked + label { background: #333; color: #fff; }
.sort input:focus-visible + label { outline: 2px solid var(--info); }
figure.profile { float: right; margin: -6px 0 6px 12px; }
section.file h3 { clear: both; }
table.clean { width: auto; min-width: 50%; }
table.clean td:first-child { white-space: nowrap; }
@media print {
  body { font-size: 9pt; max-width: none; padding: 0; }
  .landscape { page: landscape; }
  .landscape + section.areas { break-before: page; }
  section.file { break-before: page; border-top: none; }
  section.manual { break-before: page; }
  .sort > span, .sort label { display: none; }
  .good, .fair, .poor, th, tr.total td, figure.chart svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

const band = (score: number | undefined) => (score === undefined ? '' : score >= 90 ? 'good' : score >= 60 ? 'fair' : 'poor');
const counts = (c: { error: number; warning: number; info: number }) => `${c.error}/${c.warning}/${c.info}`;

function scoreCell(c: RollupCell, tag = 'td'): string {
  return `<${tag} class="num ${band(c.score)}"><span class="score">${c.score ?? '—'}</span><span class="counts">${counts(c.counts)}</span></${tag}>`;
}

function rollupTable(v: ReportView, r: Rollup): string {
  const w = sayIn(v.lang);
  const head = `<tr><th>${h(w('report.county'))}</th>${r.areas.map((a) => `<th class="num">${h(a.title[v.lang])}</th>`).join('')}<th class="num">${h(w('report.overall'))}</th></tr>`;
  const rows = r.rows.map(
    (x) => `<tr><td class="county">${h(x.label)}<span class="counts">${h(x.file)}</span></td>${x.cells.map((c) => scoreCell(c)).join('')}${scoreCell({ score: x.score, counts: x.counts })}</tr>`,
  );
  const total = `<tr class="total"><td>${h(w('report.mean'))}</td>${r.totals.map((c) => scoreCell(c)).join('')}${scoreCell({ score: r.score, counts: r.counts })}</tr>`;
  const weakest = r.weakest.length
    ? `<p><strong>${h(w('report.weakest'))}</strong>: ${r.weakest.map((x) => `${h(x.area.title[v.lang])} (${x.score})`).join(w('list.separator'))}</p>`
    : '';
  return `<table class="rollup"><thead>${head}</thead><tbody>${rows.join('')}${total}</tbody></table><p class="legend">${h(w('report.rollupLegend'))}</p>${weakest}`;
}

function rollupHeatMap(v: ReportView, r: Rollup): string {
  const w = sayIn(v.lang);
  const rw = sayIn(v.lang);
  return heatMap(
    { areas: r.areas.map((a) => a.title[v.lang]), overallTitle: w('report.overall'), rows: r.rows.map((x) => ({ label: x.label, scores: x.cells.map((c) => c.score), overall: x.score })) },
    { title: rw('review.heatMap'), sortBy: rw('review.sortBy'), listed: rw('review.listed'), legend: rw('review.scoreLegend') },
  );
}

function areaBars(v: ReportView): string {
  const rw = sayIn(v.lang);
  const severities = { error: say(v.lang, 'severity.error'), warning: say(v.lang, 'severity.warning'), info: say(v.lang, 'severity.info') };
  return gapBars(v.byArea.map((a) => ({ title: a.title, counts: a.counts })), { title: rw('review.gapBars'), severities });
}

function cleanPlans(v: ReportView, files: FileView[]): string {
  const w = sayIn(v.lang);
  const rows = files.map((f) => `<tr><td>${h(f.label ?? f.file)}</td><td class="muted">${h(f.file)}</td><td class="num"><span class="score ${band(f.score)}">${f.score ?? '—'}</span></td></tr>`);
  return `<section class="clean"><h2>${h(say(v.lang, 'review.clean'))}</h2><table class="clean"><thead><tr><th>${h(w('report.county'))}</th><th>${h(w('report.file'))}</th><th class="num">${h(w('report.score'))}</th></tr></thead><tbody>${rows.join('')}</tbody></table><p>${h(w('report.noGaps'))}</p></section>`;
}

function areaTable(v: ReportView): string {
  const w = sayIn(v.lang);
  const sev = (s: 'error' | 'warning' | 'info') => h(say(v.lang, `severity.${s}`));
  const head = `<tr><th>${h(w('report.area'))}</th><th>${h(w('report.clauses'))}</th><th class="num">${sev('error')}</th><th class="num">${sev('warning')}</th><th class="num">${sev('info')}</th><th class="num">${h(w('report.waived'))}</th></tr>`;
  const rows = v.byArea.map(
    (a) =>
      `<tr><td>${h(a.title)}</td><td>${h(a.clauses.join(', ') || '—')}</td><td class="num">${a.counts.error}</td><td class="num">${a.counts.warning}</td><td class="num">${a.counts.info}</td><td class="num">${a.waived}</td></tr>`,
  );
  const total = `<tr class="total"><td>${h(w('report.total'))}</td><td></td><td class="num">${v.total.error}</td><td class="num">${v.total.warning}</td><td class="num">${v.total.info}</td><td class="num">${v.waived}</td></tr>`;
  return `<table><thead>${head}</thead><tbody>${rows.join('')}${total}</tbody></table>`;
}

function fileSection(v: ReportView, f: FileView): string {
  const w = sayIn(v.lang);
  const title = `<h2>${h(f.label ?? f.file)}${f.label ? ` <span class="muted">${h(f.file)}</span>` : ''}</h2>`;
  // data-file, data-rule and data-line let a script (the browser page, src/web) find the plan line of a row.
  const section = `<section class="file" data-file="${h(f.file)}">`;
  if (f.error) return `${section}${title}<p class="sev sev-error">${h(w('report.notAudited'))}: ${h(f.error)}</p></section>`;
  const score = `${f.areaScores.length ? areaProfile(f.areaScores, say(v.lang, 'review.profile')) : ''}<p>${h(w('report.score'))} <span class="score ${band(f.score)}">${f.score ?? '—'}</span></p>`;
  const areas = f.areas.map((a) => {
    const head = `<tr><th>${h(w('report.where'))}</th><th>${h(w('report.severity'))}</th><th>${h(w('report.problem'))}</th><th>${h(w('report.clauses'))}</th><th>${h(w('report.fix'))}</th></tr>`;
    const rows = a.gaps.map((g) => {
      const sev = say(v.lang, `severity.${g.severity}`);
      const problem =
        `${h(g.message)}<span class="rule">${h(g.ruleId)}${g.values ? ` · ${h(w('report.values'))}: ${h(g.values)}` : ''}</span>` +
        (g.waived ? `<span class="waiver">${h(g.waived)}</span>` : '');
      const fix = `${h(g.fix)}${g.owner ? `<span class="counts">${h(w('report.owner'))}: ${h(g.owner)}</span>` : ''}`;
      return `<tr${g.waived ? ' class="waived"' : ''} data-rule="${h(g.ruleId)}" data-line="${g.line}"><td class="where">${g.line}:${g.column}${g.exact ? '' : '*'}</td><td><span class="sev sev-${g.severity}">${h(sev)}</span>${g.waived ? `<br>${h(w('report.waived'))}` : ''}</td><td>${problem}</td><td>${h(g.clauses.join(', ') || '—')}</td><td>${fix}</td></tr>`;
    });
    return `<h3>${h(a.title)}</h3><table><colgroup><col style="width:7%"><col style="width:7%"><col style="width:44%"><col style="width:8%"><col style="width:34%"></colgroup><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
  });
  const approx = f.areas.some((a) => a.gaps.some((g) => !g.exact)) ? `<p class="legend">* ${h(w('report.approximate'))}</p>` : '';
  const quotes = f.quotes.length
    ? `<h3>${h(w('report.clauseQuotes'))}</h3>${f.quotes.map((q) => `<blockquote><strong>${h(q.clauses.join(', '))}</strong> ${h(q.quote)}</blockquote>`).join('')}`
    : '';
  return `${section}${title}${score}${areas.join('')}${approx}${quotes}</section>`;
}

function checklist(v: ReportView): string {
  const w = sayIn(v.lang);
  const items = v.manual.map(
    (m) => `<li><strong>${h(m.id)}</strong> <span class="muted">(${h(m.clauses.join(', '))})</span> ${h(m.check[v.lang])}<br><span class="muted">${h(w('report.reason'))}: ${h(m.reason[v.lang])}</span></li>`,
  );
  return `<section class="manual"><h2>${h(w('report.manual'))}</h2><p>${h(w('report.manualIntro'))}</p><ul class="checklist">${items.join('')}</ul></section>`;
}
