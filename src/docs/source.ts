import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_RULES_DIR } from '../catalog/load.js';
import type { Catalog, Lang, ManualItem, OutsideSource, Rule } from '../catalog/types.js';
import { say } from '../plan/words.js';

export interface Clause {
  id: string;
  text: string;
  /** The heading the clause stands under, e.g. `R3 三、着眼长远,规划先行 — Plan first, for the long term`. */
  section: string;
}

/** The clauses of the source document (`rules/source.zh.md`), in document order. */
export function sourceClauses(dir: string = BUILTIN_RULES_DIR): Clause[] {
  const text = readFileSync(join(dir, 'source.zh.md'), 'utf8');
  const clauses: Clause[] = [];
  let section = '';
  for (const line of text.split(/\r?\n/)) {
    const heading = /^## (.*)$/.exec(line);
    if (heading) section = heading[1]!.trim();
    const m = /^- \*\*([PQR]\d+\.\d+)\*\* (.*)$/.exec(line);
    if (m) clauses.push({ id: m[1]!, text: m[2]!.trim(), section });
  }
  return clauses;
}

export interface ClauseCoverage extends Clause {
  rules: Rule[];
  manual: ManualItem[];
}

/** Each clause with the rules that cite it and the manual-review items that list it. */
export function clauseCoverage(catalog: Catalog, clauses: Clause[] = sourceClauses()): ClauseCoverage[] {
  const rulesBy = new Map<string, Rule[]>();
  const manualBy = new Map<string, ManualItem[]>();
  for (const r of catalog.rules) for (const c of r.source.clauses) rulesBy.set(c, [...(rulesBy.get(c) ?? []), r]);
  for (const m of catalog.manual) for (const c of m.clauses) manualBy.set(c, [...(manualBy.get(c) ?? []), m]);
  return clauses.map((c) => ({ ...c, rules: rulesBy.get(c.id) ?? [], manual: manualBy.get(c.id) ?? [] }));
}

/** Names of the parameters (`{$param: name}`) a rule's checks read, in order of first use. */
export function ruleParameters(rule: Rule): string[] {
  const names: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) {
      const o = v as Record<string, unknown>;
      if (typeof o.$param === 'string' && !names.includes(o.$param)) names.push(o.$param);
      Object.values(o).forEach(walk);
    }
  };
  walk(rule.then.map((c) => c.options));
  walk(rule.where);
  return names;
}

/**
 * The outside documents a rule rests on (`rules/sources.yaml`): those it cites itself and those
 * its parameters' defaults come from, in order of first mention.
 */
export function outsideSourcesOf(rule: Rule, catalog: Catalog): OutsideSource[] {
  const ids = [...(rule.source.cites ?? []), ...ruleParameters(rule).flatMap((p) => catalog.parameters[p]?.cites ?? [])];
  return [...new Set(ids)].flatMap((id) => (catalog.sources?.[id] ? [catalog.sources[id]] : []));
}

/** `中共中央、国务院《…》（2020-12-16）` — issuer, title and date on one line. */
export function outsideSourceLine(s: OutsideSource, lang: Lang): string {
  return say(lang, 'docs.outsideSource', { title: s.title[lang], issuer: s.issuer[lang], date: s.date });
}

export interface OutsideCoverage {
  source: OutsideSource;
  rules: Rule[];
  parameters: string[];
}

/** Each outside document with the rules and parameters that cite it. */
export function outsideCoverage(catalog: Catalog): OutsideCoverage[] {
  return Object.values(catalog.sources ?? {}).map((source) => ({
    source,
    rules: catalog.rules.filter((r) => outsideSourcesOf(r, catalog).includes(source)),
    parameters: Object.values(catalog.parameters)
      .filter((p) => p.cites?.includes(source.id))
      .map((p) => p.name),
  }));
}
