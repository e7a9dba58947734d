import type { Command } from 'commander';
import { Option } from 'commander';
import Table from 'cli-table3';
import { loadCatalog } from '../catalog/load.js';
import { LANGS, type Catalog, type Lang } from '../catalog/types.js';
import { explainRule } from '../docs/explain.js';
import { clauseCoverage, outsideCoverage, outsideSourcesOf, ruleParameters } from '../docs/source.js';
import { coverageText } from '../docs/traceability.js';
import { displayWidth } from '../report/text.js';
import { registerRulesTest } from './rulesTest.js';
import { UsageError } from './usage.js';
import { say } from '../plan/words.js';

const EXAMPLES = `
Examples:
  $ rural-audit rules                          the catalog as a table, in Chinese
  $ rural-audit rules --lang en
  $ rural-audit rules --format json            id, area, severity, clauses and titles of every rule
  $ rural-audit rules --coverage               every clause of the source document and the rules or manual checks behind it
  $ rural-audit rules show village-plan-coverage --lang en   one rule explained`;

export function registerRules(program: Command): void {
  const rules = program
    .command('rules')
    .description('list the rules catalog with the clause each rule enforces / 列出规则目录')
    .addOption(new Option('--lang <lang>', 'language').choices([...LANGS]).default('zh'))
    .addOption(new Option('-f, --format <name>', 'output format').choices(['table', 'json']).default('table'))
    .option('--coverage', 'show every clause of the source document with the rules and manual-review items that cover it')
    .addHelpText('after', EXAMPLES)
    // Options after `show` belong to `show`: `rules show ID --format json` is show's format.
    .enablePositionalOptions()
    .action((opts: { lang: Lang; format: string; coverage?: boolean }) => {
      process.stdout.write(opts.coverage ? coverage(opts.lang, opts.format) : listRules(opts.lang, opts.format));
    });
  rules
    .command('show <id>')
    .description('explain one rule: clause and quote, parameters, passing and failing examples, remediation / 说明一条规则')
    .addOption(new Option('--lang <lang>', 'language').choices([...LANGS]))
    .addOption(new Option('-f, --format <name>', 'output format').choices(['text', 'json']))
    .addHelpText(
      'after',
      `
Examples:
  $ rural-audit rules show no-removals-all-four             the rule in Chinese
  $ rural-audit rules show village-plan-coverage --lang en  in English
  $ rural-audit rules show resources-tilt-to-poor-villages -f json`,
    )
    .action((id: string, opts: { lang?: Lang; format?: string }) => {
      // `rules --lang en show ID` and `rules show ID --lang en` both work; so does `rules --format json show ID`.
      const parent = rules.opts() as { lang: Lang; format: string };
      const format = opts.format ?? (rules.getOptionValueSource('format') === 'cli' && parent.format === 'json' ? 'json' : 'text');
      process.stdout.write(showRule(id, opts.lang ?? parent.lang, format));
    });
  registerRulesTest(program.commands.find((c) => c.name() === 'rules')!);
}

export function listRules(lang: Lang, format: string): string {
  const catalog = loadCatalog();
  // In the order of the source document's areas (rules/areas.yaml), as reviewers read it.
  const areaOrder = new Map(catalog.areas.map((a, i) => [a.id, i]));
  const rules = [...catalog.rules].sort((a, b) => (areaOrder.get(a.area) ?? 0) - (areaOrder.get(b.area) ?? 0));
  if (format === 'json') {
    const rows = rules.map((r) => ({
      id: r.id,
      area: r.area,
      severity: r.severity,
      clauses: r.source.clauses,
      quote: r.source.quote,
      title: r.title,
      parameters: ruleParameters(r),
    }));
    return `${JSON.stringify(rows, null, 2)}\n`;
  }
  const areaTitle = new Map(catalog.areas.map((a) => [a.id, a.title[lang]]));
  const head = (['rules.headRule', 'rules.headSeverity', 'rules.headArea', 'rules.headClauses', 'rules.headTitle'] as const).map((k) => say(lang, k));
  // The id column fits the longest id: ids are what users copy into `rules show` and waivers.
  const idWidth = Math.max(...rules.map((r) => r.id.length)) + 2;
  // Chinese area names cannot wrap at a space: the column fits the widest one.
  const areaWidth = Math.max(...catalog.areas.map((a) => displayWidth(a.title[lang]))) + 2;
  const t = new Table({ head, style: { head: [], border: [] }, wordWrap: true, colWidths: [idWidth, 10, areaWidth, 14, 44] });
  for (const r of rules) {
    t.push([r.id, say(lang, `severity.${r.severity}`), areaTitle.get(r.area) ?? r.area, r.source.clauses.join(', ') || '—', r.title[lang]]);
  }
  return `${t.toString()}\n${say(lang, 'rulesCount', { count: rules.length })}\n`;
}

export function coverage(lang: Lang, format: string, catalog: Catalog = loadCatalog()): string {
  const rows = clauseCoverage(catalog);
  if (format === 'json') {
    const out = rows.map((r) => ({ clause: r.id, text: r.text, rules: r.rules.map((x) => x.id), manual: r.manual.map((m) => m.id) }));
    // Outside sources are not clauses: apart, so that a tool counting clauses is not misled.
    const outside = outsideCoverage(catalog).map((o) => ({ ...o.source, rules: o.rules.map((x) => x.id), parameters: o.parameters }));
    return `${JSON.stringify({ clauses: out, outsideSources: outside }, null, 2)}\n`;
  }
  return coverageText(catalog, lang, rows);
}

export function showRule(id: string, lang: Lang, format: string, catalog: Catalog = loadCatalog()): string {
  const rule = catalog.rules.find((r) => r.id === id);
  if (!rule) {
    const near = catalog.rules.map((r) => r.id).filter((r) => r.includes(id) || id.includes(r) || sharedWords(r, id) >= 2);
    throw new UsageError(`unknown rule ${id}${near.length ? `; did you mean ${near.slice(0, 5).join(', ')}?` : ''} (rural-audit rules lists them all)`);
  }
  if (format === 'json') {
    const parameters = Object.fromEntries(ruleParameters(rule).map((p) => [p, catalog.parameters[p]]));
    const { definedIn: _, ...data } = rule;
    return `${JSON.stringify({ ...data, parameters, outsideSources: outsideSourcesOf(rule, catalog) }, null, 2)}\n`;
  }
  return explainRule(rule, catalog, lang);
}

function sharedWords(a: string, b: string): number {
  const words = new Set(a.split('-'));
  return b.split('-').filter((w) => words.has(w)).length;
}
