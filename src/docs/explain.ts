import type { Catalog, Lang, Rule } from '../catalog/types.js';
import { auditDocument, compileCatalog } from '../engine/audit.js';
import { ANY_DAY, resolveRefs } from '../engine/refs.js';
import { interpolate } from '../plan/interpolate.js';
import { isInputError, parseDocumentBytes } from '../plan/load.js';
import { otherLang, say, sayIn } from '../plan/words.js';
import { outsideSourceLine, outsideSourcesOf, ruleParameters, sourceClauses, type Clause } from './source.js';

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
  const t = sayIn(lang);
  const area = catalog.areas.find((a) => a.id === rule.area);
  const other = otherLang(lang);
  const out: string[] = [];
  out.push(`${rule.id}  ${rule.title[lang]}`);
  out.push(`    ${rule.title[other]}`);
  out.push('');
  out.push(`${t('explain.severity')}: ${say(lang, `severity.${rule.severity}`)}${say(lang, 'docs.severityCode', { severity: rule.severity })}`);
  out.push(`${t('explain.area')}: ${area ? area.title[lang] : rule.area} (${rule.area})`);
  out.push(`${t('explain.clauses')}: ${rule.source.clauses.join(', ') || t('explain.none')}`);
  out.push(`${t('explain.quote')}: “${rule.source.quote}”`);
  for (const id of rule.source.clauses) {
    const c = clauses.find((x) => x.id === id);
    if (c) out.push(indent(`${id} ${c.text}`, '    '));
  }
  const cited = outsideSourcesOf(rule, catalog);
  if (cited.length) {
    out.push('', `${t('explain.outsideSources')}:`);
    for (const s of cited) out.push(`    ${outsideSourceLine(s, lang)}`, indent(s.facts[lang], '        '));
  }
  if (rule.rationale) out.push('', `${t('explain.rationale')}:`, indent(rule.rationale[lang]));
  if (rule.window) {
    const w = rule.window;
    out.push('', `${t('explain.window')}:`, indent(windowNote(rule, catalog, lang)));
    if (w.through !== undefined) out.push(`    ${t('explain.through')} ${JSON.stringify(w.through)}`);
    if (w.after !== undefined) out.push(`    ${t('explain.after')} ${JSON.stringify(w.after)}`);
    out.push(`    ${t('explain.outside')}: ${w.outside === 'off' ? t('explain.off') : `${say(lang, `severity.${w.outside}`)} (${w.outside})`}`);
  }
  out.push('', `${t('explain.check')}:`);
  out.push(`    given ${rule.given.join(', ')}${rule.where ? `  where ${JSON.stringify(rule.where)}` : ''}`);
  for (const c of rule.then) out.push(`    ${c.field ? `${c.field} → ` : ''}${c.function}${c.options ? ` ${JSON.stringify(c.options)}` : ''}`);
  const params = ruleParameters(rule);
  out.push('', `${t('explain.parameters')}:${params.length ? '' : ` ${t('explain.none')}`}`);
  for (const name of params) {
    const p = catalog.parameters[name];
    out.push(`    ${name} = ${JSON.stringify(p?.default)}  (${t('explain.default')})`);
    if (p) out.push(indent(p.description[lang], '        '));
  }
  if (rule.examples?.pass) out.push('', `${t('explain.pass')}:`, indent(rule.examples.pass));
  if (rule.examples?.fail) {
    out.push('', `${t('explain.fail')}${rule.examples.today ? ` (${t('explain.asOf')} ${rule.examples.today})` : ''}:`, indent(rule.examples.fail));
    const gaps = failingMessages(rule, catalog);
    if (gaps.length) out.push(`  ${t('explain.gap')}:`, ...gaps.map((g) => `    ${g[lang]}`));
  }
  out.push('', `${t('explain.remediation')}:`, indent(rule.remediation[lang]));
  out.push('', `${t('explain.definedIn')}: ${rule.definedIn.replace(/\\/g, '/').replace(/^.*?(rules\/)/, '$1')}`);
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
  return interpolate(w.note[lang], (k) => (k === 'today' ? '…' : k === 'through' || k === 'after' ? windowBound(w[k], catalog) : undefined));
}
