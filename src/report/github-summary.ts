import { md, oneLine, xml } from './escape.js';
import { areaChart, areaTable, checklist, fileSection, rollupTable } from './markdown.js';
import type { Formatter } from './types.js';
import { buildView, totalsText } from './view.js';
import { sayIn } from '../plan/words.js';

/** GitHub keeps at most 1 MiB of job summary per step; stay well below it. */
const LIMIT = 900 * 1024;

/**
 * A Markdown block for the GitHub Actions job summary (`-f github-summary:"$GITHUB_STEP_SUMMARY"`):
 * the totals, the county roll-up, gaps by area, and each plan's gap tables folded under
 * `<details>`, cut short with a note before GitHub's size limit.
 */
export const githubSummary: Formatter = (result, { lang }) => {
  const v = buildView(result, lang);
  const w = sayIn(lang);
  const head: string[] = [`### rural-audit: ${totalsText(w, v)}`, '', `${w('report.files', { count: v.audited })} · ${md(v.tool)} · ${w('report.asOf', { date: v.asOf })}`, ''];
  if (v.rollup) head.push(...rollupTable(v, v.rollup), '');
  head.push(...areaTable(v), '', ...areaChart(v), '');
  if (v.inputErrors.length > 0) head.push(`**${w('report.notAudited')}**`, '', ...v.inputErrors.map((e) => `- ${md(e)}`), '');
  let text = head.join('\n');
  let bytes = utf8Bytes(text);
  let omitted = 0;
  for (const f of v.files) {
    const gaps = f.areas.reduce((n, a) => n + a.gaps.length, 0);
    if (!f.error && gaps === 0) continue;
    // Inside <details> the summary line is raw HTML: escaped as HTML, not as Markdown.
    const label = `${xml(oneLine(f.file))}${f.label ? ` — ${xml(oneLine(f.label))}` : ''} (${f.error ? xml(w('report.notAudited')) : gaps})`;
    const block = ['<details>', `<summary>${label}</summary>`, '', ...fileSection(v, f, 4).slice(2), '</details>', ''].join('\n');
    const size = utf8Bytes(block) + 1;
    if (bytes + size > LIMIT) omitted += gaps;
    else {
      text += `\n${block}`;
      bytes += size;
    }
  }
  if (omitted > 0) text += `\n${w('report.more', { count: omitted })}\n`;
  if (v.manual.length > 0) text += `\n<details>\n<summary>${xml(w('report.manual'))} (${v.manual.length})</summary>\n\n${checklist(v, 4).slice(2).join('\n')}\n</details>\n`;
  return `${text.replace(/\n+$/, '')}\n`;
};

const encoder = new TextEncoder();
const utf8Bytes = (s: string) => encoder.encode(s).length;
