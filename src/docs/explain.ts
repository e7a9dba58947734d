import type { Catalog, Lang, Rule } from '../catalog/types.js';
import { auditDocument, compileCatalog } from '../engine/audit.js';
import { ANY_DAY, resolveRefs } from '../engine/refs.js';
import { isInputError, parseDocumentBytes } from '../plan/load.js';
import { otherLang, say } from '../plan/words.js';
import { SEVERITY_LABEL } from '../report/text.js';
import { outsideSourceLine, outsideSourcesOf, ruleParameters, sourceClauses, type Clause } from './source.js';

const L = {
  zh: {
    severity: '级别',
    area: '领域',
    clauses: '条款',
    quote: '引文',
    rationale: '理由',
    parameters: '参数',
    default: '默认值',
    none: '无',
    pass: '通过的示例',
    fail: '不通过的示例',
    gap: '审计结果',
    remediation: '如何修改',
    definedIn: '定义于',
    check: '检查',
    window: '适用期',
    through: '适用至',
    after: '适用于此日之后',
    outside: '适用期外',
    off: '不检查',
    outsideSources: '外部来源（非来源文件条款）',
    asOf: '按审计日',
  },
  en: {
    severity: 'Severity',
    area: 'Area',
    clauses: 'Clauses',
    quote: 'Quote',
    rationale: 'Rationale',
    parameters: 'Parameters',
    default: 'default',
    none: 'none',
    pass: 'Passing example',
    fail: 'Failing example',
    gap: 'Audit says',
    remediation: 'Remediation',
    definedIn: 'Defined in',
    check: 'Check',
    window: 'When it applies',
    through: 'applies through',
    after: 'applies after',
    outside: 'outside the window',
    off: 'not checked',
    outsideSources: 'Outside sources (not clauses of the source document)',
    asOf: 'audited as of',
  },
} as const;

/** What the failing fixture yields when audited: the message a planner would see, in both languages. */
export function failingMessages(rule: Rule, catalog: Catalog): { zh: string; en: string }[] {
  if (!rule.examples?.fail) return [];
  const doc = parseDocumentBytes(Buffer.from(rule.examples.fail, 'utf8'), 'example.yaml');
  if (isInputError(doc)) return [];
  return auditDocument(doc, compileCatalog({ ...catalog, rules: [rule] }, {}, rule.examples.today)).map((f) => ({
    zh: `${f.line}:${f.column} ${f.message.zh}`,
    en: `${f.line}:${f.column} ${f.message.en}`,
  }));
}

const indent = (text: string, by = '    '): string =>
  text
    .replace(/\n+$/, '')
    .split('\n')
    .map((l) => (l ? by + l : l))
    .join('\n');

/** `rural-audit rules show ID`: everything a planner or reviewer needs to understand one rule. */
export function explainRule(rule: Rule, catalog: Catalog, lang: Lang, clauses: Clause[] = sourceClauses()): string {
  const t = L[lang];
  const area = catalog.areas.find((a) => a.id === rule.area);
  const other = otherLang(lang);
  const out: string[] = [];
  out.push(`${rule.id}  ${rule.title[lang]}`);
  out.push(`    ${rule.title[other]}`);
  out.push('');
  out.push(`${t.severity}: ${SEVERITY_LABEL[rule.severity][lang]}${say(lang, 'docs.severityCode', { severity: rule.severity })}`);
  out.push(`${t.area}: ${area ? area.title[lang] : rule.area} (${rule.area})`);
  out.push(`${t.clauses}: ${rule.source.clauses.join(', ') || t.none}`);
  out.push(`${t.quote}: “${rule.source.quote}”`);
  for (const id of rule.source.clauses) {
    const c = clauses.find((x) => x.id === id);
    if (c) out.push(indent(`${id} ${c.text}`, '    '));
  }
  const cited = outsideSourcesOf(rule, catalog);
  if (cited.length) {
    out.push('', `${t.outsideSources}:`);
    for (const s of cited) out.push(`    ${outsideSourceLine(s, lang)}`, indent(s.facts[lang], '        '));
  }
  if (rule.rationale) out.push('', `${t.rationale}:`, indent(rule.rationale[lang]));
  if (rule.window) {
    const w = rule.window;
    out.push('', `${t.window}:`, indent(windowNote(rule, catalog, lang)));
    if (w.through !== undefined) out.push(`    ${t.through} ${JSON.stringify(w.through)}`);
    if (w.after !== undefined) out.push(`    ${t.after} ${JSON.stringify(w.after)}`);
    out.push(`    ${t.outside}: ${w.outside === 'off' ? t.off : `${SEVERITY_LABEL[w.outside][lang]} (${w.outside})`}`);
  }
  out.push('', `${t.check}:`);
  out.push(`    given ${rule.given.join(', ')}${rule.where ? `  where ${JSON.stringify(rule.where)}` : ''}`);
  for (const c of rule.then) out.push(`    ${c.field ? `${c.field} → ` : ''}${c.function}${c.options ? ` ${JSON.stringify(c.options)}` : ''}`);
  const params = ruleParameters(rule);
  out.push('', `${t.parameters}:${params.length ? '' : ` ${t.none}`}`);
  for (const name of params) {
    const p = catalog.parameters[name];
    out.push(`    ${name} = ${JSON.stringify(p?.default)}  (${t.default})`);
    if (p) out.push(indent(p.description[lang], '        '));
  }
  if (rule.examples?.pass) out.push('', `${t.pass}:`, indent(rule.examples.pass));
  if (rule.examples?.fail) {
    out.push('', `${t.fail}${rule.examples.today ? ` (${t.asOf} ${rule.examples.today})` : ''}:`, indent(rule.examples.fail));
    const gaps = failingMessages(rule, catalog);
    if (gaps.length) out.push(`  ${t.gap}:`, ...gaps.map((g) => `    ${g[lang]}`));
  }
  out.push('', `${t.remediation}:`, indent(rule.remediation[lang]));
  out.push('', `${t.definedIn}: ${rule.definedIn.replace(/\\/g, '/').replace(/^.*?(rules\/)/, '$1')}`);
  return `${out.join('\n')}\n`;
}

/** A window bound as a reader sees it by default: the date the references give with the plan silent. */
export function windowBound(bound: unknown, catalog: Catalog): string {
  const value = resolveRefs(bound, { param: (name) => catalog.parameters[name]?.default, today: ANY_DAY, plan: 'fallback' });
  return typeof value === 'string' ? value : JSON.stringify(bound);
}

/** A rule's window in words, its bounds as they are by default. */
export function windowNote(rule: Rule, catalog: Catalog, lang: Lang): string {
  const w = rule.window!;
  return w.note[lang].replace(/\{\{\s*(through|after|today)\s*\}\}/g, (_, k: 'through' | 'after' | 'today') => (k === 'today' ? '…' : windowBound(w[k], catalog)));
}
