import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { Severity } from '../catalog/types.js';
import { oneLine } from './escape.js';
import { chunkedTable } from './chunkedTable.js';
import { rollup } from './rollup.js';
import { summariseByArea } from './summary.js';
import { inputErrorExcerpt, inputErrorLine, SEVERITY_LABEL } from './text.js';
import type { Formatter } from './types.js';

const WORDS = {
  zh: {
    area: '领域',
    total: '合计',
    fix: '修改建议',
    clause: '条款',
    summary: (files: number, e: number, w: number, i: number) => `共审计 ${files} 个文件：${e} 个错误，${w} 个警告，${i} 个提示`,
    asOf: (d: string) => `；审计日 ${d}`,
    clean: '未发现差距',
    notAudited: '未能审计',
    waived: '已豁免',
    waiver: (j: string, by: string, until: string) => `已豁免：${j}（批准：${by}，有效期至 ${until}）`,
    county: '县',
    overall: '总分',
    mean: '平均',
    weakest: '最薄弱领域',
    legend: '得分 0–100（见 docs/score.md）',
  },
  en: {
    area: 'Area',
    total: 'Total',
    fix: 'fix',
    clause: 'clause',
    summary: (files: number, e: number, w: number, i: number) =>
      `${files} file(s) audited: ${e} error(s), ${w} warning(s), ${i} info`,
    asOf: (d: string) => `; audit date ${d}`,
    clean: 'no gaps found',
    notAudited: 'not audited',
    waived: 'waived',
    waiver: (j: string, by: string, until: string) => `waived: ${j} (approved by ${by}, expires ${until})`,
    county: 'County',
    overall: 'Overall',
    mean: 'Mean',
    weakest: 'Weakest areas',
    legend: 'scores 0–100 (see docs/score.md)',
  },
};

/** Box drawing without a rule between every row: a summary of ten areas fits on a screen. */
export const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

/** The default report for people at a terminal: gaps by file, then a per-area summary table. */
export const table: Formatter = (result, { lang, color }) => {
  const c = new Chalk({ level: color ? 1 : 0 });
  const words = WORDS[lang];
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  const rules = new Map(result.rules.map((r) => [r.id, r]));
  const out: string[] = [];
  for (const f of result.files) {
    if (f.error) {
      out.push(c.underline(oneLine(f.file)), `  ${c.red(inputErrorLine(f.error, lang))}`);
      out.push(...inputErrorExcerpt(f.error).map((l) => `    ${c.dim(l)}`), '');
      continue;
    }
    if (f.findings.length === 0) continue;
    out.push(c.underline(oneLine(f.file)));
    for (const x of f.findings) {
      const rule = rules.get(x.ruleId);
      const where = `${x.line}:${x.column}`.padEnd(8);
      const label = x.waiver ? words.waived : SEVERITY_LABEL[x.severity][lang];
      const sev = (x.waiver ? c.dim : paint[x.severity])(label.padEnd(lang === 'zh' ? 3 : 8));
      const text = x.waiver ? c.dim(oneLine(x.message[lang])) : oneLine(x.message[lang]);
      out.push(`  ${c.dim(where)}${sev} ${text}  ${c.dim(`${x.ruleId} [${x.clauses.join(', ') || '—'}]`)}`);
      if (x.waiver) out.push(`  ${' '.repeat(8)}${c.dim(oneLine(words.waiver(x.waiver.justification, x.waiver.approvedBy, x.waiver.expires)))}`);
      else if (rule) out.push(`  ${' '.repeat(8)}${c.dim(`${words.fix}: ${oneLine(rule.remediation[lang])}`)}`);
    }
    out.push('');
  }
  const { areas, total, waived } = summariseByArea(result);
  const head = [words.area, ...(['error', 'warning', 'info'] as const).map((s) => SEVERITY_LABEL[s][lang]), ...(waived ? [words.waived] : [])];
  const t = new Table({ head, chars: COMPACT, style: { head: [], border: [] }, colAligns: ['left', 'right', 'right', 'right', 'right'] });
  for (const a of areas) {
    const area = result.areas.find((x) => x.id === a.area);
    t.push([area ? area.title[lang] : a.area, a.counts.error, a.counts.warning, a.counts.info, ...(waived ? [a.waived] : [])]);
  }
  t.push([words.total, total.error, total.warning, total.info, ...(waived ? [waived] : [])]);
  out.push(t.toString());
  const r = rollup(result, lang);
  if (r) {
    // Counties × areas: what a province reviewer compares first.
    const band = (n: number | undefined) => (n === undefined ? '—' : n >= 90 ? c.green(String(n)) : n >= 60 ? c.yellow(String(n)) : c.red(String(n)));
    const sevs = (['error', 'warning', 'info'] as const).map((s) => SEVERITY_LABEL[s][lang]);
    const rows = r.rows.map((row) => [
      oneLine(row.label),
      ...row.cells.map((x) => band(x.score)),
      band(row.score),
      row.counts.error,
      row.counts.warning,
      row.counts.info,
    ]);
    rows.push([words.mean, ...r.totals.map((x) => band(x.score)), band(r.score), r.counts.error, r.counts.warning, r.counts.info]);
    const rollupTable = chunkedTable(
      {
        head: [words.county, ...r.areas.map((a) => twoLines(a.title[lang])), words.overall, ...sevs],
        chars: COMPACT,
        style: { head: [], border: [] },
        colAligns: ['left', ...r.areas.map(() => 'right' as const), 'right', 'right', 'right', 'right'],
      },
      rows,
    );
    out.push(rollupTable, c.dim(words.legend));
    if (r.weakest.length > 0) {
      out.push(`${words.weakest}: ${r.weakest.map((x) => `${x.area.title[lang]} (${x.score})`).join(lang === 'zh' ? '、' : ', ')}`);
    }
  }
  const audited = result.files.filter((f) => !f.error).length;
  out.push(`${words.summary(audited, total.error, total.warning, total.info)}${words.asOf(result.asOf)}`);
  const failed = result.files.filter((f) => f.error).length + result.errors.length;
  if (failed > 0) out.push(c.red(`${words.notAudited}: ${failed}`));
  return `${out.join('\n')}\n`;
};

/**
 * A long column title on two balanced lines, so that a roll-up of ten areas still fits a wide
 * terminal: Chinese split in the middle, other text at the space nearest the middle.
 */
export function twoLines(title: string): string {
  const chars = [...title];
  if (/\p{Script=Han}/u.test(title)) {
    if (chars.length <= 4) return title;
    const half = Math.ceil(chars.length / 2);
    return `${chars.slice(0, half).join('')}\n${chars.slice(half).join('')}`;
  }
  if (title.length <= 10) return title;
  const spaces = [...title.matchAll(/ /g)].map((m) => m.index!);
  if (spaces.length === 0) return title;
  const mid = spaces.reduce((best, i) => (Math.abs(i - title.length / 2) < Math.abs(best - title.length / 2) ? i : best));
  return `${title.slice(0, mid)}\n${title.slice(mid + 1)}`;
}
