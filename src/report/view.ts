import type { AuditResult, FileResult } from '../audit/result.js';
import type { Lang, ManualItem, Rule, Severity } from '../catalog/types.js';
import type { Finding } from '../engine/finding.js';
import { rollup, type Rollup } from './rollup.js';
import { score } from './score.js';
import { summariseByArea, type Counts } from './summary.js';
import { inputErrorLine } from './text.js';
import { WORDS } from './words.js';

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
  /** The clauses the file's gaps cite, with the source's words. */
  quotes: { clauses: string[]; quote: string }[];
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
    files: result.files.map((f) => fileView(f, { lang, rules, order, areaTitle, allRules: result.rules })),
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
}

function fileView(f: FileResult, cx: Context): FileView {
  const { lang } = cx;
  const label = f.county?.name ? `${f.county.name}${f.county.code ? (lang === 'zh' ? `（${f.county.code}）` : ` (${f.county.code})`) : ''}` : undefined;
  if (f.error) return { file: f.file, label, error: inputErrorLine(f.error, lang), areas: [], quotes: [] };
  const byArea = new Map<string, GapView[]>();
  for (const x of f.findings) {
    const list = byArea.get(x.area) ?? [];
    list.push(gapView(x, cx.rules.get(x.ruleId), lang));
    byArea.set(x.area, list);
  }
  const areaIds = [...byArea.keys()].sort((a, b) => rank(cx.order, a) - rank(cx.order, b));
  const cited = new Map<string, { clauses: string[]; quote: string }>();
  for (const x of f.findings) {
    const rule = cx.rules.get(x.ruleId);
    if (rule && !cited.has(rule.source.quote)) cited.set(rule.source.quote, { clauses: rule.source.clauses, quote: rule.source.quote });
  }
  return {
    file: f.file,
    label,
    score: score(f, cx.allRules),
    areas: areaIds.map((id) => ({ title: cx.areaTitle(id), gaps: byArea.get(id)! })),
    quotes: [...cited.values()].sort((a, b) => clauseOrder(a.clauses[0], b.clauses[0])),
  };
}

function gapView(x: Finding, rule: Rule | undefined, lang: Lang): GapView {
  const w = WORDS[lang];
  const values = x.actual !== undefined || x.expected !== undefined ? `${show(x.actual)} → ${show(x.expected)}` : undefined;
  return {
    line: x.line,
    column: x.column,
    exact: x.exact,
    severity: x.severity,
    ...(x.waiver ? { waived: w.waivedBy(x.waiver.justification, x.waiver.approvedBy, x.waiver.expires) } : {}),
    ruleId: x.ruleId,
    title: rule ? rule.title[lang] : x.ruleId,
    message: x.message[lang],
    clauses: x.clauses,
    ...(values ? { values } : {}),
    fix: rule ? rule.remediation[lang] : '',
    ...(x.owner ? { owner: x.owner.names.length ? x.owner.names.join('、') : `${w.noOwner} (${x.owner.field})` } : {}),
  };
}

const rank = (order: string[], id: string) => (order.includes(id) ? order.indexOf(id) : order.length);

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

const show = (v: unknown): string => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

