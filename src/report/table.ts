import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { Severity } from '../catalog/types.js';
import { summariseByArea } from './summary.js';
import { inputErrorExcerpt, inputErrorLine, sanitize, sanitizeLine, SEVERITY_LABEL } from './text.js';
import type { Formatter } from './types.js';

const WORDS = {
  zh: {
    area: '领域',
    total: '合计',
    fix: '修改建议',
    clause: '条款',
    summary: (files: number, e: number, w: number, i: number) => `共审计 ${files} 个文件：${e} 个错误，${w} 个警告，${i} 个提示`,
    clean: '未发现差距',
    notAudited: '未能审计',
  },
  en: {
    area: 'Area',
    total: 'Total',
    fix: 'fix',
    clause: 'clause',
    summary: (files: number, e: number, w: number, i: number) =>
      `${files} file(s) audited: ${e} error(s), ${w} warning(s), ${i} info`,
    clean: 'no gaps found',
    notAudited: 'not audited',
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
      out.push(c.underline(sanitizeLine(f.file)), `  ${c.red(inputErrorLine(f.error, lang))}`);
      out.push(...inputErrorExcerpt(f.error).map((l) => `    ${c.dim(l)}`), '');
      continue;
    }
    if (f.findings.length === 0) continue;
    out.push(c.underline(sanitizeLine(f.file)));
    for (const x of f.findings) {
      const rule = rules.get(x.ruleId);
      const where = `${x.line}:${x.column}`.padEnd(8);
      const sev = paint[x.severity](SEVERITY_LABEL[x.severity][lang].padEnd(lang === 'zh' ? 3 : 8));
      out.push(`  ${c.dim(where)}${sev} ${sanitize(x.message[lang])}  ${c.dim(`${x.ruleId} [${x.clauses.join(', ') || '—'}]`)}`);
      if (rule) out.push(`  ${' '.repeat(8)}${c.dim(`${words.fix}: ${sanitize(rule.remediation[lang])}`)}`);
    }
    out.push('');
  }
  const { areas, total } = summariseByArea(result);
  const head = [words.area, ...(['error', 'warning', 'info'] as const).map((s) => SEVERITY_LABEL[s][lang])];
  const t = new Table({ head, chars: COMPACT, style: { head: [], border: [] }, colAligns: ['left', 'right', 'right', 'right'] });
  for (const a of areas) {
    const area = result.areas.find((x) => x.id === a.area);
    t.push([area ? area.title[lang] : a.area, a.counts.error, a.counts.warning, a.counts.info]);
  }
  t.push([words.total, total.error, total.warning, total.info]);
  out.push(t.toString());
  const audited = result.files.filter((f) => !f.error).length;
  out.push(words.summary(audited, total.error, total.warning, total.info));
  const failed = result.files.filter((f) => f.error).length + result.errors.length;
  if (failed > 0) out.push(c.red(`${words.notAudited}: ${failed}`));
  return `${out.join('\n')}\n`;
};
