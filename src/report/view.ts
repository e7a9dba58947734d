import type { AuditResult, FileResult } from '../audit/result.js';
import type { Bilingual, Lang, ManualItem, Rule, Severity } from '../catalog/types.js';
import type { Finding } from '../engine/finding.js';
import { rollup, type Rollup } from './rollup.js';
import { score } from './score.js';
import { summariseByArea, type Counts } from './summary.js';
import { inputErrorLine } from './text.js';
import { say, sayIn, type Say } from '../plan/words.js';

/** One gap as the printed reports show it; plain text, escaped by each format. */
export interface GapView {
  line: number;
  column: number;
  exact: boolean;
  severity: Severity;
  /** The waiver's words when an active waiver covers the gap. */
  waived?: string;
  ruleId: string;
  title: string;
  message: string;
  clauses: string[];
  /** `actual → expected`, when the check measured something. */
  values?: string;
  fix: string;
  owner?: string;
}

export interface FileView {
  file: string;
  label?: string;
  score?: number;
  error?: string;
  areas: { title: string; gaps: GapView[] }[];
  /** The clauses the file's gaps cite, with the source's words: one entry per clause, its fragments merged. */
  quotes: { clauses: string[]; quote: string }[];
  /** The plan's score in each area that has rules, in catalog order. */
  areaScores: { title: string; score: number | undefined }[];
}

/** What the Markdown and HTML reports show, in the order they show it. */
export interface ReportView {
  lang: Lang;
  tool: string;
  /** The audit date the report is true for. */
  asOf: string;
  audited: number;
  total: Counts;
  waived: number;
  byArea: { title: string; clauses: string[]; counts: Counts; waived: number }[];
  rollup?: Rollup;
  files: FileView[];
  manual: ManualItem[];
  inputErrors: string[];
  areaTitle: (id: string) => string;
}

export function buildView(result: AuditResult, lang: Lang): ReportView {
  const titles = new Map(result.areas.map((a) => [a.id, a.title[lang]]));
  const areaTitle = (id: string) => titles.get(id) ?? id;
  const rules = new Map(result.rules.map((r) => [r.id, r]));
  const order = result.areas.map((a) => a.id);
  const { areas, total, waived } = summariseByArea(result);
  const rulesOf = new Map<string, Rule[]>();
  for (const r of result.rules) rulesOf.set(r.area, [...(rulesOf.get(r.area) ?? []), r]);
  return {
    lang,
    tool: `${result.tool.name} ${result.tool.version}`,
    asOf: result.asOf,
    audited: result.files.filter((f) => !f.error).length,
    total,
    waived,
    byArea: areas.map((a) => ({
      title: areaTitle(a.area),
      clauses: result.areas.find((x) => x.id === a.area)?.clauses ?? [],
      counts: a.counts,
      waived: a.waived,
    })),
    rollup: rollup(result, lang),
    files: result.files.map((f) => fileView(f, { lang, rules, order, areaTitle, allRules: result.rules, rulesOf, terms: result.terms })),
    manual: result.manual,
    inputErrors: result.errors.map((e) => inputErrorLine(e, lang)),
    areaTitle,
  };
}

interface Context {
  lang: Lang;
  rules: Map<string, Rule>;
  allRules: Rule[];
  /** Area ids in catalog order. */
  order: string[];
  areaTitle: (id: string) => string;
  rulesOf: Map<string, Rule[]>;
  terms: Record<string, Bilingual>;
}

function fileView(f: FileResult, cx: Context): FileView {
  const { lang } = cx;
  const label = f.county?.name ? (f.county.code ? say(lang, 'withNote', { text: f.county.name, note: f.county.code }) : f.county.name) : undefined;
  if (f.error) return { file: f.file, label, error: inputErrorLine(f.error, lang), areas: [], quotes: [], areaScores: [] };
  // Read once: a run's results give their findings afresh on every read (src/audit/packed.ts).
  const read = { findings: f.findings };
  const byArea = new Map<string, GapView[]>();
  for (const x of read.findings) {
    const list = byArea.get(x.area) ?? [];
    list.push(gapView(x, cx.rules.get(x.ruleId), lang, cx.terms));
    byArea.set(x.area, list);
  }
  const areaIds = [...byArea.keys()].sort((a, b) => rank(cx.order, a) - rank(cx.order, b));
  return {
    file: f.file,
    label,
    score: score(read, cx.allRules),
    areas: areaIds.map((id) => ({ title: cx.areaTitle(id), gaps: byArea.get(id)! })),
    // Only clauses are quoted: a rule of the plan format cites none (its quote says so).
    quotes: mergeQuotes(read.findings.flatMap((x) => (cx.rules.get(x.ruleId)?.source.clauses.length ? [cx.rules.get(x.ruleId)!.source] : []))),
    areaScores: cx.order.filter((id) => cx.rulesOf.has(id)).map((id) => ({ title: cx.areaTitle(id), score: score(read, cx.rulesOf.get(id)!) })),
  };
}

/**
 * One quote per clause (or group of clauses a rule cites together): rules quote overlapping
 * fragments of the same clause, so a fragment inside another is dropped and the rest are joined
 * by an ellipsis, in the order first cited.
 */
export function mergeQuotes(sources: { clauses: string[]; quote: string }[]): { clauses: string[]; quote: string }[] {
  const byClause = new Map<string, { clauses: string[]; fragments: string[] }>();
  for (const s of sources) {
    const key = s.clauses.join(',');
    const entry = byClause.get(key) ?? { clauses: s.clauses, fragments: [] };
    byClause.set(key, entry);
    if (entry.fragments.some((f) => f.includes(s.quote))) continue;
    entry.fragments = [...entry.fragments.filter((f) => !s.quote.includes(f)), s.quote];
  }
  return [...byClause.values()]
    .map((e) => ({ clauses: e.clauses, quote: e.fragments.join('……') }))
    .sort((a, b) => clauseOrder(a.clauses[0], b.clauses[0]));
}

function gapView(x: Finding, rule: Rule | undefined, lang: Lang, terms: Record<string, Bilingual>): GapView {
  const w = sayIn(lang);
  const values = x.actual !== undefined || x.expected !== undefined ? `${shownValue(x.actual, lang, terms)} → ${shownValue(x.expected, lang, terms)}` : undefined;
  return {
    line: x.line,
    column: x.column,
    exact: x.exact,
    severity: x.severity,
    ...(x.waiver ? { waived: w('waivedBy', x.waiver) } : {}),
    ruleId: x.ruleId,
    title: rule ? rule.title[lang] : x.ruleId,
    message: x.message[lang],
    clauses: x.clauses,
    ...(values ? { values } : {}),
    fix: rule ? rule.remediation[lang] : '',
    ...(x.owner ? { owner: x.owner.names.length ? x.owner.names.join('、') : `${w('report.noOwner')} (${x.owner.field})` } : {}),
  };
}

const rank = (order: string[], id: string) => (order.includes(id) ? order.indexOf(id) : order.length);

/** `4 个错误，0 个警告，1 个提示，2 个已豁免`: the counts of a report's headline. */
export function totalsText(w: Say, v: Pick<ReportView, 'total' | 'waived'>): string {
  const totals = w('report.totals', { errors: v.total.error, warnings: v.total.warning, info: v.total.info });
  return v.waived ? `${totals}${w('report.totalsWaived', { waived: v.waived })}` : totals;
}

/** `R2.10` after `R2.9`: clause ids in the document's order. */
function clauseOrder(a = '', b = ''): number {
  const parse = (s: string) => s.split(/(\d+)/).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const pa = parse(a);
  const pb = parse(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}

/**
 * A measured or expected value in the report's language: the words of rules/terms.yaml for the
 * words checks report (`missing` → 缺失, `true` → 是), and a code of the plan format with its
 * label (`upgrade` → 集聚提升类（upgrade）) so the planner still sees what to write.
 */
export function shownValue(v: unknown, lang: Lang, terms: Record<string, Bilingual>): string {
  if (v === undefined) return '—';
  if (Array.isArray(v)) return v.map((x) => shownValue(x, lang, terms)).join(say(lang, 'list.separator'));
  if (typeof v === 'boolean') return shownValue(String(v), lang, terms);
  if (typeof v !== 'string') return JSON.stringify(v);
  const term = Object.hasOwn(terms, v) ? terms[v]![lang] : undefined;
  if (term === undefined || term === v) return v;
  return WORDS_ONLY.has(v) ? term : say(lang, 'withNote', { text: term, note: v });
}

/** Words a check reports about a value, not values a plan writes: shown by their label alone. */
const WORDS_ONLY = new Set(['missing', 'present', 'filled', 'true', 'false', 'list', 'mapping', 'document', 'string', 'number', 'integer', 'boolean', 'array', 'object', 'null']);

