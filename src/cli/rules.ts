import type { Command } from 'commander';
import { Option } from 'commander';
import Table from 'cli-table3';
import { loadCatalog } from '../catalog/load.js';
import { LANGS, type Lang } from '../catalog/types.js';
import { SEVERITY_LABEL } from '../report/text.js';
import { registerRulesTest } from './rulesTest.js';

const EXAMPLES = `
Examples:
  $ rural-audit rules                 the catalog as a table, in Chinese
  $ rural-audit rules --lang en
  $ rural-audit rules --format json   id, area, severity, clauses and titles of every rule`;

export function registerRules(program: Command): void {
  program
    .command('rules')
    .description('list the rules catalog with the clause each rule enforces / 列出规则目录')
    .addOption(new Option('--lang <lang>', 'language').choices([...LANGS]).default('zh'))
    .addOption(new Option('-f, --format <name>', 'output format').choices(['table', 'json']).default('table'))
    .addHelpText('after', EXAMPLES)
    .action((opts: { lang: Lang; format: string }) => {
      process.stdout.write(listRules(opts.lang, opts.format));
    });
  registerRulesTest(program.commands.find((c) => c.name() === 'rules')!);
}

export function listRules(lang: Lang, format: string): string {
  const catalog = loadCatalog();
  if (format === 'json') {
    const rows = catalog.rules.map((r) => ({
      id: r.id,
      area: r.area,
      severity: r.severity,
      clauses: r.source.clauses,
      quote: r.source.quote,
      title: r.title,
    }));
    return `${JSON.stringify(rows, null, 2)}\n`;
  }
  const areaTitle = new Map(catalog.areas.map((a) => [a.id, a.title[lang]]));
  const head = lang === 'zh' ? ['规则', '级别', '领域', '条款', '标题'] : ['Rule', 'Severity', 'Area', 'Clauses', 'Title'];
  const t = new Table({ head, style: { head: [], border: [] }, wordWrap: true, colWidths: [34, 10, 14, 14, 44] });
  for (const r of catalog.rules) {
    t.push([r.id, SEVERITY_LABEL[r.severity][lang], areaTitle.get(r.area) ?? r.area, r.source.clauses.join(', ') || '—', r.title[lang]]);
  }
  return `${t.toString()}\n${lang === 'zh' ? `共 ${catalog.rules.length} 条规则` : `${catalog.rules.length} rules`}\n`;
}
