import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/audit/result.js';
import { escapeData, escapeProperty, github } from '../../src/report/github.js';
import { githubSummary } from '../../src/report/github-summary.js';
import { CONTROL, examples, hostile, waive } from './helpers.js';

describe('github', () => {
  let result: AuditResult;
  beforeAll(async () => {
    result = await examples();
  });

  it('escapes workflow-command data and properties as the runner expects', () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%d\ne')).toBe('a%3Ab%2Cc%25d%0Ae');
    expect(escapeData('\u001b[31mred')).toBe('\\x1b[31mred');
  });

  it('annotates every gap on its file and lines, with rule, clause and fix', () => {
    const lines = github(result, { lang: 'en', color: false }).trimEnd().split('\n');
    const all = result.files.flatMap((f) => f.findings);
    const commands = lines.filter((l) => l.startsWith('::'));
    expect(commands).toHaveLength(all.length);
    expect(commands).toContain(
      '::error file=examples/partial.yaml,line=77,col=17,endLine=77,endColumn=29,title=no-removal-through-transition [R2.2]::' +
        'no_removals.supervision.kept_until is kept only until 2023-12-31, before 2025-12-31 (the later of the end of the transition period and of the plan period)' +
        `%0Afix: ${escapeData(result.rules.find((r) => r.id === 'no-removal-through-transition')!.remediation.en)}`,
    );
    const warnings = all.filter((x) => x.severity === 'warning').length;
    expect(commands.filter((l) => l.startsWith('::warning ')).length).toBe(warnings);
    expect(lines.at(-1)).toMatch(/^rural-audit: 3 file\(s\) audited: \d+ error.*; audit date 2024-06-01$/);
  });

  it('puts every annotation inside its file, and a gap about a missing field on its parent key line only', () => {
    const lines = github(result, { lang: 'en', color: false }).split('\n').filter((l) => l.startsWith('::'));
    const all = result.files.flatMap((f) => f.findings);
    const props = lines.map((l) => Object.fromEntries(/^::\w+ ([^:]*)::/.exec(l)![1]!.split(',').map((p) => p.split('='))));
    const fileLines = (f: string) => readFileSync(f, 'utf8').replace(/\n$/, '').split('\n').length;
    props.forEach((p, i) => {
      const x = all[i]!;
      expect(Number(p.line)).toBe(x.line);
      if (!x.exact) expect(p, x.ruleId).not.toHaveProperty('endLine');
      const last = Number(p.endLine ?? p.line);
      expect(last).toBeGreaterThanOrEqual(x.line);
      expect(last, `${x.ruleId} ${x.file}`).toBeLessThanOrEqual(fileLines(x.file));
      if (p.endColumn !== undefined) expect(p.endLine).toBe(p.line);
    });
    // The missing infrastructure_utilisation section: on the parent key's line (the document, line 4).
    const missing = lines.find((l) => l.includes('title=infrastructure-utilisation'))!;
    expect(missing).toMatch(/^::warning file=examples\/misaligned\.yaml,line=4,col=1,title=/);
    expect(all.some((x) => !x.exact)).toBe(true);
  });

  it('turns a waived gap into a notice saying so', () => {
    const text = github(waive(result, 'village-plan-coverage', 'examples/partial.yaml'), { lang: 'zh', color: false });
    const line = text.split('\n').find((l) => l.includes('line=231'))!;
    expect(line).toMatch(/^::notice .*title=已豁免 village-plan-coverage \[R3\.1\]::/);
    expect(line).toContain('已豁免：省里已批准延期');
  });

  it('lets no plan text start a command or reach the log raw', () => {
    const text = github(hostile(result), { lang: 'zh', color: false });
    expect(text).not.toMatch(CONTROL);
    const lines = text.trimEnd().split('\n');
    const gaps = result.files.flatMap((f) => f.findings).length;
    expect(lines.filter((l) => l.startsWith('::'))).toHaveLength(gaps);
    for (const l of lines.filter((x) => x.startsWith('::'))) expect(l).toMatch(/^::(error|warning|notice) file=[^:]*,line=\d+,col=\d+(,endLine=\d+(,endColumn=\d+)?)?,title=[^:]*::[^\r\n]*$/);
  });

  it('writes a job-summary block with totals, roll-up, areas and folded gap tables', () => {
    const text = githubSummary(result, { lang: 'zh', color: false });
    expect(text).toMatch(/^### rural-audit: \d+ 个错误/);
    expect(text).toContain('| 县 |');
    expect(text).toContain('<summary>examples/partial.yaml — 梅岭县（439922） (4)</summary>'.replace('(4)', `(${result.files.find((f) => f.file === 'examples/partial.yaml')!.findings.length})`));
    expect(text).not.toContain('<summary>examples/aligned.yaml');
    expect(text.split('<details>').length).toBe(text.split('</details>').length);
    const bad = githubSummary(hostile(result), { lang: 'zh', color: false });
    expect(bad).not.toMatch(CONTROL);
    expect(bad).not.toContain('<script>');
    expect(bad).toMatch(/<summary>examples\/partial\.yaml — 芦苇\\x1b\[2J.*&lt;script&gt;/);
  });
});
