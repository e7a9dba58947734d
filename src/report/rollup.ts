import type { AuditResult, FileResult } from '../audit/result.js';
import type { Area, Lang, Rule } from '../catalog/types.js';
import { score } from './score.js';
import { zero, type Counts } from './summary.js';
import { say } from '../plan/words.js';

export interface RollupCell {
  score: number | undefined;
  counts: Counts;
}

export interface RollupRow {
  /** County name (and code) from the plan, or the file name when the plan names no county. */
  label: string;
  file: string;
  cells: RollupCell[];
  /** Over all rules. */
  score: number | undefined;
  counts: Counts;
}

export interface Rollup {
  /** Columns: the areas that have rules, in catalog order. */
  areas: Area[];
  rows: RollupRow[];
  /** Per area: the mean score over the counties and the summed gap counts. */
  totals: RollupCell[];
  score: number | undefined;
  counts: Counts;
  /** Areas whose mean score is lowest (below 100), weakest first: what a reviewer reads first. */
  weakest: { area: Area; score: number }[];
}

/**
 * Counties × areas, for a run over several plans. Undefined when fewer than `minPlans` (two)
 * plans were audited: one plan's report already is its own summary (a workbook's summary sheet
 * asks for one).
 */
export function rollup(result: AuditResult, lang: Lang, weakestCount = 3, minPlans = 2): Rollup | undefined {
  const audited = result.files.filter((f) => !f.error);
  if (audited.length < minPlans || audited.length === 0) return undefined;
  const rulesOf = new Map<string, Rule[]>();
  for (const r of result.rules) rulesOf.set(r.area, [...(rulesOf.get(r.area) ?? []), r]);
  const areas = result.areas.filter((a) => rulesOf.has(a.id));
  const labels = audited.map((f) => labelOf(f, lang));
  const uses = new Map<string, number>();
  for (const l of labels) uses.set(l, (uses.get(l) ?? 0) + 1);
  const rows = audited.map((f, i): RollupRow => {
    const label = uses.get(labels[i]!) === 1 ? labels[i]! : `${labels[i]} (${f.file})`;
    // Read once: a run's results give their findings afresh on every read (src/audit/packed.ts).
    const read = { findings: f.findings };
    const cells = areas.map((a) => ({ score: score(read, rulesOf.get(a.id)!), counts: countsOf(read, a.id) }));
    return { label, file: f.file, cells, score: score(read, result.rules), counts: countsOf(read) };
  });
  const totals = areas.map((_, k) => ({
    score: mean(rows.map((r) => r.cells[k]!.score)),
    counts: sum(rows.map((r) => r.cells[k]!.counts)),
  }));
  const weakest = areas
    .map((area, k) => ({ area, score: totals[k]!.score!, k }))
    .filter((a) => a.score < 100)
    .sort((a, b) => a.score - b.score || a.k - b.k)
    .slice(0, weakestCount)
    .map(({ area, score }) => ({ area, score }));
  return { areas, rows, totals, score: mean(rows.map((r) => r.score)), counts: sum(rows.map((r) => r.counts)), weakest };
}

function labelOf(f: FileResult, lang: Lang): string {
  const name = f.county?.name;
  const code = f.county?.code;
  if (name && code) return say(lang, 'withNote', { text: name, note: code });
  return name ?? code ?? f.file;
}

function countsOf(f: Pick<FileResult, 'findings'>, area?: string): Counts {
  const c = zero();
  for (const x of f.findings) if (!x.waiver && (area === undefined || x.area === area)) c[x.severity]++;
  return c;
}

function sum(all: Counts[]): Counts {
  const c = zero();
  for (const x of all) for (const s of ['error', 'warning', 'info'] as const) c[s] += x[s];
  return c;
}

/** Mean of the defined scores, rounded down like the scores themselves. */
function mean(values: (number | undefined)[]): number | undefined {
  const v = values.filter((x): x is number => x !== undefined);
  return v.length === 0 ? undefined : Math.floor(v.reduce((a, b) => a + b, 0) / v.length);
}
