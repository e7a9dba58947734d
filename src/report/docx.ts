import type { FileChild, ISectionOptions, Paragraph as ParagraphType, Table as TableType } from 'docx';
import type { Lang } from '../catalog/types.js';
import { stableZip } from './stableZip.js';
import { sanitize } from './text.js';
import type { Formatter } from './types.js';
import { buildView, type FileView, type ReportView } from './view.js';
import { say, sayIn, type Say } from '../plan/words.js';

/**
 * A Word document for reviewers (docs/formats.md): a review opinion (审查意见) per audited plan —
 * title, basis, overall verdict with the plan's scores, its gaps by area as tables with clause
 * and fix (on landscape pages), and the reviewer's checklist — page numbers in the footer,
 * restarting with each county. Fonts are those Chinese offices have: 黑体 for headings, 仿宋 for
 * body text, 宋体 in tables, Times New Roman for Latin text; Word substitutes its own when one is
 * missing. The `docx` library is loaded only when a document is asked for.
 */
export const docx: Formatter = async (result, { lang }) => {
  const d = await import('docx');
  const v = buildView(result, lang);
  const sections: ISectionOptions[] = [];
  const files = v.files.filter((f) => !f.error);
  for (const f of files) sections.push(...opinion(d, v, f));
  if (sections.length === 0) {
    sections.push({ children: [heading(d, say(lang, 'review.opinion'), 1), body(d, v.inputErrors.join('\n') || say(lang, 'report.noGaps'))] });
  }
  const doc = new d.Document({
    creator: result.tool.name,
    title: say(lang, 'review.opinion'),
    styles: {
      default: {
        document: { run: { font: FONT.body, size: 28 }, paragraph: { spacing: { line: 420 } } },
      },
    },
    sections,
  });
  return stableZip(await d.Packer.toBuffer(doc));
};

type Docx = typeof import('docx');

/** East Asian font for Chinese, a Latin one for the rest: what Word applies per script. */
const FONT = {
  heading: { eastAsia: '黑体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
  body: { eastAsia: '仿宋', ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
  table: { eastAsia: '宋体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
};

/** A4 in twips, and the margins of Chinese official documents (GB/T 9704: 37 mm top, 28 mm left, 26 mm right, 35 mm bottom). */
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 2098, bottom: 1984, left: 1588, right: 1474 };
const TEXT_WIDTH = { portrait: A4.width - MARGIN.left - MARGIN.right, landscape: A4.height - MARGIN.left - MARGIN.right };

/** Text for Word: control characters made visible, like every report does. */
const t = (s: string) => sanitize(s).replace(/\r?\n/g, ' ');

function heading(d: Docx, text: string, level: 1 | 2): ParagraphType {
  return new d.Paragraph({
    alignment: level === 1 ? d.AlignmentType.CENTER : d.AlignmentType.LEFT,
    spacing: { before: level === 1 ? 0 : 240, after: 120 },
    keepNext: true,
    children: [new d.TextRun({ text: t(text), font: FONT.heading, size: level === 1 ? 36 : 30, bold: level === 1 })],
  });
}

function body(d: Docx, text: string, options: { bold?: string } = {}): ParagraphType {
  return new d.Paragraph({
    indent: { firstLine: 560 },
    children: [...(options.bold ? [new d.TextRun({ text: t(options.bold), font: FONT.heading })] : []), new d.TextRun({ text: t(text), font: FONT.body })],
  });
}

/** A table across the page; a cell's text is one paragraph per line. Header rows repeat on every page, rows never split. */
function table(d: Docx, header: string[], rows: string[][], widths: number[], landscape = false): TableType {
  // Widths in twips of the text block: Word and LibreOffice both honour these, not every reader percentages.
  const twips = widths.map((pct) => Math.floor(((landscape ? TEXT_WIDTH.landscape : TEXT_WIDTH.portrait) * pct) / 100));
  const cell = (text: string, head: boolean, width: number) =>
    new d.TableCell({
      width: { size: width, type: d.WidthType.DXA },
      ...(head ? { shading: { type: d.ShadingType.CLEAR, fill: 'F0F0F0', color: 'auto' } } : {}),
      children: text.split('\n').map(
        (line) => new d.Paragraph({ spacing: { line: 300 }, children: [new d.TextRun({ text: t(line), font: head ? FONT.heading : FONT.table, size: head ? 21 : 20 })] }),
      ),
    });
  return new d.Table({
    width: { size: twips.reduce((a, b) => a + b, 0), type: d.WidthType.DXA },
    columnWidths: twips,
    layout: d.TableLayoutType.FIXED,
    rows: [
      new d.TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => cell(h, true, twips[i]!)) }),
      ...rows.map((r) => new d.TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, false, twips[i]!)) })),
    ],
  });
}

function footer(d: Docx, lang: Lang) {
  const run = new d.TextRun({ children: [say(lang, 'review.pageBefore'), d.PageNumber.CURRENT, say(lang, 'review.pageAfter')], font: FONT.body, size: 21 });
  return { default: new d.Footer({ children: [new d.Paragraph({ alignment: d.AlignmentType.CENTER, children: [run] })] }) };
}

/** The overall opinion: what the county must fix, may improve, or that it meets what a machine checks. */
function verdict(w: Say, score: number | undefined, errors: number, warnings: number): string {
  const values = { score: score ?? '—', errors, warnings };
  return w(errors > 0 ? 'review.verdictErrors' : warnings > 0 ? 'review.verdictWarnings' : 'review.verdictClean', values);
}

/** One county's opinion: the verdict on a portrait page, the gap tables landscape, the checklist portrait again. */
function opinion(d: Docx, v: ReportView, f: FileView): ISectionOptions[] {
  const w = sayIn(v.lang);
  const rw = w;
  const county = f.label ?? f.file;
  const open = (s: 'error' | 'warning' | 'info') => f.areas.reduce((n, a) => n + a.gaps.filter((g) => g.severity === s && !g.waived).length, 0);
  const gapsOf = (title: string) => f.areas.find((a) => a.title === title)?.gaps ?? [];
  const first: FileChild[] = [
    heading(d, rw('review.opinionTitle', { county }), 1),
    new d.Paragraph({ alignment: d.AlignmentType.CENTER, children: [new d.TextRun({ text: t(f.file), font: FONT.table, size: 21 })] }),
    heading(d, `${rw('review.section1')}${rw('review.basis')}`, 2),
    body(d, rw('review.basisText')),
    heading(d, `${rw('review.section2')}${rw('review.verdict')}`, 2),
    body(d, verdict(rw, f.score, open('error'), open('warning'))),
    table(
      d,
      [w('report.area'), w('report.score'), say(v.lang, 'severity.error'), say(v.lang, 'severity.warning'), say(v.lang, 'severity.info')],
      f.areaScores.map((a) => {
        const gaps = gapsOf(a.title).filter((g) => !g.waived);
        const n = (s: string) => String(gaps.filter((g) => g.severity === s).length);
        return [a.title, String(a.score ?? '—'), n('error'), n('warning'), n('info')];
      }),
      [40, 15, 15, 15, 15],
    ),
  ];
  const page = (landscape: boolean, start?: number) => ({
    page: {
      size: { ...A4, ...(landscape ? { orientation: d.PageOrientation.LANDSCAPE } : {}) },
      margin: MARGIN,
      ...(start ? { pageNumbers: { start } } : {}),
    },
    type: d.SectionType.NEXT_PAGE,
  });
  const sections: ISectionOptions[] = [{ properties: page(false, 1), footers: footer(d, v.lang), children: first }];
  if (f.areas.length > 0) {
    const gaps: FileChild[] = [heading(d, `${rw('review.section3')}${rw('review.gapsByArea')}`, 2)];
    for (const a of f.areas) {
      gaps.push(heading(d, a.title, 2));
      gaps.push(
        table(
          d,
          [w('report.where'), w('report.severity'), w('report.problem'), w('report.clauses'), w('report.fix'), w('report.owner')],
          a.gaps.map((g) => [
            `${g.line}:${g.column}`,
            say(v.lang, `severity.${g.severity}`) + (g.waived ? ` (${w('report.waived')})` : ''),
            `${g.message}\n${g.ruleId}${g.values ? ` · ${w('report.values')}: ${g.values}` : ''}${g.waived ? ` · ${g.waived}` : ''}`,
            g.clauses.join(', ') || '—',
            g.fix,
            g.owner ?? '',
          ]),
          [8, 8, 34, 8, 30, 12],
          true,
        ),
      );
    }
    if (f.quotes.length > 0) {
      gaps.push(heading(d, w('report.clauseQuotes'), 2));
      for (const q of f.quotes) gaps.push(body(d, q.quote, { bold: `${q.clauses.join(', ')} ` }));
    }
    sections.push({ properties: page(true), footers: footer(d, v.lang), children: gaps });
  }
  const last: FileChild[] = [];
  if (v.manual.length > 0) {
    last.push(heading(d, `${rw('review.section4')}${w('report.manual')}`, 2), body(d, w('report.manualIntro')));
    for (const m of v.manual) last.push(body(d, `☐ ${m.id}（${m.clauses.join(', ')}）：${m.check[v.lang]}`));
  }
  last.push(new d.Paragraph({ spacing: { before: 600 }, alignment: d.AlignmentType.RIGHT, children: [new d.TextRun({ text: `${rw('review.reviewer')}：＿＿＿＿＿＿　　${rw('review.reviewDate')}：＿＿＿＿＿＿`, font: FONT.body })] }));
  sections.push({ properties: page(false), footers: footer(d, v.lang), children: last });
  return sections;
}
