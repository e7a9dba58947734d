import { xml as h } from './escape.js';
import type { Counts } from './summary.js';

/**
 * Charts as inline SVG: no script, no font or image to fetch, legible when printed in grey (every
 * colour step is also a step in lightness, every cell carries its number, hatching tells the
 * severities apart). They take plain data, not the audit result, so that any page can draw them
 * (the HTML report, an offline viewer). Every text is escaped.
 */

/** Score bands, lightest for a full score, darkest for the weakest: ColorBrewer OrRd, one step per band. */
const BANDS: readonly { min: number; fill: string; ink: string }[] = [
  { min: 100, fill: '#f4f9f1', ink: '#111' },
  { min: 90, fill: '#fef0d9', ink: '#111' },
  { min: 75, fill: '#fdcc8a', ink: '#111' },
  { min: 60, fill: '#fc8d59', ink: '#111' },
  { min: 40, fill: '#e34a33', ink: '#fff' },
  { min: 0, fill: '#b30000', ink: '#fff' },
];
const NO_SCORE = { fill: '#e8e8e8', ink: '#555' };

export function scoreColour(score: number | undefined): { fill: string; ink: string } {
  if (score === undefined) return NO_SCORE;
  return BANDS.find((b) => score >= b.min) ?? BANDS[BANDS.length - 1]!;
}

/** Width of a text in em: CJK and full-width characters take one, others about half. */
export function textWidthEm(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 1 : 0.56;
  return w;
}

const FONT = 11;
const px = (em: number) => Math.ceil(em * FONT);
const svgOpen = (width: number, height: number, label: string, cls: string) =>
  `<svg class="${cls}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${h(label)}" font-size="${FONT}">`;

export interface HeatMapRow {
  /** Shown in full, on one line. */
  label: string;
  scores: (number | undefined)[];
  overall: number | undefined;
}

export interface HeatMapData {
  /** Column titles: the areas. */
  areas: string[];
  overallTitle: string;
  rows: HeatMapRow[];
}

export interface HeatMapWords {
  title: string;
  sortBy: string;
  /** Name of the default order (as listed). */
  listed: string;
  legend: string;
}

const CELL_W = 40;
const ROW_H = 18;

/**
 * Counties × areas, a coloured cell with its score each. Sortable in the browser without a
 * script: radio buttons before the chart, and CSS that moves each row to its rank in the chosen
 * column (ranks are computed here; weakest first). `id` keeps the controls of two charts on
 * one page apart.
 */
export function heatMap(data: HeatMapData, words: HeatMapWords, id = 'heat'): string {
  const columns = [...data.areas, data.overallTitle];
  const labelW = px(Math.max(4, ...data.rows.map((r) => textWidthEm(r.label)))) + 12;
  const headH = Math.min(160, px(Math.max(...columns.map(textWidthEm))) * 0.72 + 14);
  const gridW = columns.length * CELL_W + 6;
  const width = labelW + gridW;
  const height = headH + data.rows.length * ROW_H + 4;
  const values = data.rows.map((r) => [...r.scores, r.overall]);
  // rank[k][i]: where row i goes when sorted by column k, weakest first; no score last; ties keep the listed order.
  const ranks = columns.map((_, k) => rankBy(values.map((v) => v[k])));
  const head = columns
    .map((title, k) => {
      const x = labelW + k * CELL_W + (k === columns.length - 1 ? 6 : 0) + CELL_W / 2;
      return `<text transform="translate(${x + 4},${headH - 6}) rotate(-45)" class="col">${h(title)}</text>`;
    })
    .join('');
  const rows = data.rows
    .map((r, i) => {
      const vars = ranks.map((rank, k) => `--r${k}:${rank[i]}`).join(';');
      const cells = values[i]!.map((s, k) => {
        const x = labelW + k * CELL_W + (k === columns.length - 1 ? 6 : 0);
        const c = scoreColour(s);
        return `<rect x="${x}" y="0" width="${CELL_W - 2}" height="${ROW_H - 2}" fill="${c.fill}" stroke="#999" stroke-width="0.5"><title>${h(`${r.label} · ${columns[k]}: ${s ?? '—'}`)}</title></rect><text x="${x + (CELL_W - 2) / 2}" y="${ROW_H - 5}" text-anchor="middle" fill="${c.ink}"${k === columns.length - 1 ? ' font-weight="700"' : ''}>${s ?? '—'}</text>`;
      }).join('');
      return `<g class="row" style="--i:${i};${vars}" transform="translate(0,${headH + i * ROW_H})"><text x="${labelW - 8}" y="${ROW_H - 5}" text-anchor="end">${h(r.label)}</text>${cells}</g>`;
    })
    .join('');
  const sortCss = columns
    .map((_, k) => `#${id}-${k}:checked~svg g.row{transform:translateY(calc(${headH}px + var(--r${k}) * ${ROW_H}px))}`)
    .join('');
  const controls = [
    `<input type="radio" name="${id}" id="${id}-listed" checked><label for="${id}-listed">${h(words.listed)}</label>`,
    ...columns.map((title, k) => `<input type="radio" name="${id}" id="${id}-${k}"><label for="${id}-${k}">${h(title)}</label>`),
  ].join('');
  return (
    `<figure class="chart heat-map"><figcaption>${h(words.title)}</figcaption>` +
    `<style>.heat-map g.row{transform:translateY(calc(${headH}px + var(--i) * ${ROW_H}px));transition:transform .2s}${sortCss}</style>` +
    `<div class="sort" role="group" aria-label="${h(words.sortBy)}"><span>${h(words.sortBy)}:</span>${controls}` +
    svgOpen(width, height, words.title, 'heat') +
    `<g class="head">${head}</g>${rows}</svg></div>` +
    `${scoreLegend(words.legend)}</figure>`
  );
}

function rankBy(values: (number | undefined)[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => (a.v ?? Infinity) - (b.v ?? Infinity) || a.i - b.i);
  const rank: number[] = [];
  order.forEach((o, r) => (rank[o.i] = r));
  return rank;
}

/** The bands as a row of swatches with their lower bounds. */
export function scoreLegend(caption: string): string {
  const sw = 34;
  const items = [...BANDS].reverse();
  const body = items
    .map((b, k) => `<rect x="${k * sw}" y="0" width="${sw - 2}" height="12" fill="${b.fill}" stroke="#999" stroke-width="0.5"/><text x="${k * sw + (sw - 2) / 2}" y="24" text-anchor="middle" font-size="9">${b.min === 100 ? '100' : `≥${b.min}`}</text>`)
    .join('');
  const width = items.length * sw + 8 + px(textWidthEm(caption) * 0.82);
  return `${svgOpen(width, 28, caption, 'legend')}${body}<text x="${items.length * sw + 6}" y="10" font-size="9">${h(caption)}</text></svg>`;
}

export interface GapBarsRow {
  title: string;
  counts: Counts;
}

export interface GapBarsWords {
  title: string;
  severities: Record<keyof Counts, string>;
}

const SEVERITY_STYLE: Record<keyof Counts, string> = {
  error: 'fill="#b3261e"',
  warning: 'fill="url(#gap-hatch)"',
  info: 'fill="#dbe7f5" stroke="#1f5fa8" stroke-width="0.6"',
};

/** Per area, a bar of its open gaps split by severity: solid for errors, hatched for warnings, pale for info. */
export function gapBars(rows: GapBarsRow[], words: GapBarsWords): string {
  const labelW = px(Math.max(4, ...rows.map((r) => textWidthEm(r.title)))) + 10;
  const max = Math.max(1, ...rows.map((r) => r.counts.error + r.counts.warning + r.counts.info));
  const barW = 360;
  const unit = barW / max;
  const width = labelW + barW + 40;
  const legendY = rows.length * ROW_H + 8;
  const bars = rows
    .map((r, i) => {
      let x = labelW;
      const y = i * ROW_H;
      const segs = (['error', 'warning', 'info'] as const)
        .filter((s) => r.counts[s] > 0)
        .map((s) => {
          const w = r.counts[s] * unit;
          const seg = `<rect x="${x.toFixed(1)}" y="${y + 2}" width="${w.toFixed(1)}" height="${ROW_H - 5}" ${SEVERITY_STYLE[s]}><title>${h(`${r.title} · ${words.severities[s]}: ${r.counts[s]}`)}</title></rect>`;
          x += w;
          return seg;
        })
        .join('');
      const total = r.counts.error + r.counts.warning + r.counts.info;
      return `<text x="${labelW - 6}" y="${y + ROW_H - 5}" text-anchor="end">${h(r.title)}</text>${segs}<text x="${(x + 4).toFixed(1)}" y="${y + ROW_H - 5}">${total}</text>`;
    })
    .join('');
  const legend = (['error', 'warning', 'info'] as const)
    .map((s, k) => `<rect x="${labelW + k * 90}" y="${legendY}" width="12" height="12" ${SEVERITY_STYLE[s]}/><text x="${labelW + k * 90 + 16}" y="${legendY + 10}">${h(words.severities[s])}</text>`)
    .join('');
  return (
    `<figure class="chart gap-bars"><figcaption>${h(words.title)}</figcaption>${svgOpen(width, legendY + 16, words.title, 'bars')}` +
    `<defs><pattern id="gap-hatch" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="5" height="5" fill="#f3e2bf"/><rect width="2" height="5" fill="#8a5a00"/></pattern></defs>` +
    `${bars}${legend}</svg></figure>`
  );
}

/** One plan's score in each area, as short bars on a 0–100 scale. */
export function areaProfile(areas: { title: string; score: number | undefined }[], caption: string): string {
  const labelW = px(Math.max(4, ...areas.map((a) => textWidthEm(a.title)))) + 10;
  const barW = 200;
  const width = labelW + barW + 34;
  const rows = areas
    .map((a, i) => {
      const y = i * 15;
      const c = scoreColour(a.score);
      const w = ((a.score ?? 0) * barW) / 100;
      return `<text x="${labelW - 6}" y="${y + 11}" text-anchor="end" font-size="10">${h(a.title)}</text><rect x="${labelW}" y="${y + 2}" width="${barW}" height="11" fill="none" stroke="#bbb" stroke-width="0.5"/><rect x="${labelW}" y="${y + 2}" width="${w.toFixed(1)}" height="11" fill="${c.fill}" stroke="#777" stroke-width="0.5"/><text x="${labelW + barW + 4}" y="${y + 11}" font-size="10">${a.score ?? '—'}</text>`;
    })
    .join('');
  return `<figure class="chart profile"><figcaption>${h(caption)}</figcaption>${svgOpen(width, areas.length * 15 + 4, caption, 'profile')}${rows}</svg></figure>`;
}

/**
 * The gap bars for Markdown: open gaps per area (Mermaid cannot stack severities) as a Mermaid bar chart, which GitHub draws in comments and job summaries
 * (other renderers show its source, a readable list of numbers). Titles come from the catalog;
 * quotes and brackets are dropped all the same so that they cannot end the chart's syntax.
 */
export function gapBarsMermaid(rows: GapBarsRow[], words: { title: string; axis: string }): string[] {
  const clean = (s: string) => s.replace(/["[\]\r\n`]/g, '');
  const totals = rows.map((r) => r.counts.error + r.counts.warning + r.counts.info);
  return [
    '```mermaid',
    'xychart-beta horizontal',
    `  title "${clean(words.title)}"`,
    `  x-axis [${rows.map((r) => `"${clean(r.title)}"`).join(', ')}]`,
    `  y-axis "${clean(words.axis)}" 0 --> ${Math.max(1, ...totals)}`,
    `  bar [${totals.join(', ')}]`,
    '```',
  ];
}
