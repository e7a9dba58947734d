import { mkdtempSync, cpSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditPaths } from '../../src/audit/run.js';
import type { AuditResult } from '../../src/audit/result.js';
import { BUILTIN_RULES_DIR, CatalogError, loadCatalog } from '../../src/catalog/load.js';
import { remediation, remediationMarkdown, remediationRows } from '../../src/report/remediation.js';
import { examples, hostile, planCopy, waive } from './helpers.js';

/** RFC 4180 rows (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  return rows;
}

describe('remediation', () => {
  let result: AuditResult;
  beforeAll(async () => {
    result = await examples();
  });

  it('names, for each gap, the owner the plan itself names for that area', () => {
    const rows = remediationRows(result, { lang: 'zh' }).filter((r) => r.file === 'examples/partial.yaml');
    const by = (rule: string) => rows.find((r) => r.ruleId === rule)!;
    // partial.yaml: no_removals.supervision.owner is 县乡村振兴局; planning_support.unit is 县自然资源局; the county secretary is 县委书记.
    // No plan period: due 90 days (remediation_lead_days) after the audit date, 2024-06-01.
    expect(by('no-removal-through-transition')).toMatchObject({ owner: '县乡村振兴局', ownerField: 'no_removals.supervision.owner', due: '2024-08-30', dueBasis: '审计日后 90 天' });
    expect(by('village-plan-coverage')).toMatchObject({ owner: '县自然资源局', ownerField: 'planning.planning_support.unit' });
    expect(by('secretary-chain-five-levels')).toMatchObject({ owner: '县委书记', ownerField: 'leadership.county_secretary.name' });
    const mis = remediationRows(result, { lang: 'zh' }).filter((r) => r.file === 'examples/misaligned.yaml');
    expect(mis.find((r) => r.ruleId === 'no-removal-not-withdrawn')).toMatchObject({ owner: '县政府', ownerField: 'no_removals.policy.owner' });
  });

  it('falls back along the chain, and says so when the plan names nobody', async () => {
    const noSupervisionOwner = planCopy('examples/partial.yaml', (t) => t.replace('    owner: 县乡村振兴局\n', ''));
    const r1 = await auditPaths(['plan.yaml'], { cwd: noSupervisionOwner.dir });
    const gap1 = remediationRows(r1, { lang: 'zh' }).find((r) => r.ruleId === 'no-removal-through-transition')!;
    expect(gap1).toMatchObject({ owner: '县级领导', ownerField: 'leadership.responsibility_system.leaders.holders' });
    const nobody = planCopy('examples/partial.yaml', (t) => t.replace('    unit: 县自然资源局\n', '').replace(/    departments:\n      holders: \[[^\]]*\]\n/, '    departments:\n      holders: []\n'));
    const r2 = await auditPaths(['plan.yaml'], { cwd: nobody.dir });
    const gap2 = remediationRows(r2, { lang: 'en' }).find((r) => r.ruleId === 'village-plan-coverage')!;
    expect(gap2).toMatchObject({ owner: 'not named in the plan', ownerField: 'planning.planning_support.unit' });
  });

  it('dates each gap by the plan period’s end, else the audit date plus the lead time, by --due, or by its waiver’s expiry', async () => {
    const withPeriod = planCopy('examples/partial.yaml', (t) => `${t}\nplan_period: {start: '2026-01-01', end: '2030-12-31'}\n`);
    const r = await auditPaths(['plan.yaml'], { cwd: withPeriod.dir, today: '2026-12-01' });
    expect(new Set(remediationRows(r, { lang: 'zh' }).map((x) => `${x.due} ${x.dueBasis}`))).toEqual(new Set(['2030-12-31 规划期末']));
    expect(new Set(remediationRows(r, { lang: 'en', due: '2027-06-30' }).map((x) => `${x.due} ${x.dueBasis}`))).toEqual(new Set(['2027-06-30 set by --due']));
    // The config says lead_time: the audit date plus remediation_lead_days, whatever the plan period.
    const lead = await auditPaths(['plan.yaml'], { cwd: withPeriod.dir, today: '2026-12-01', parameters: { remediation_due: 'lead_time', remediation_lead_days: 30 } });
    expect(new Set(remediationRows(lead, { lang: 'en' }).map((x) => `${x.due} ${x.dueBasis}`))).toEqual(new Set(['2026-12-31 30 days after the audit date']));
    // A plan period already over is no due date: 2025-12-31 is past on 2026-12-01.
    const over = await auditPaths(['examples/aligned.yaml'], { today: '2026-12-01' });
    expect(new Set(remediationRows(over, { lang: 'zh' }).map((x) => `${x.due} ${x.dueBasis}`))).toEqual(new Set(['2027-03-01 审计日后 90 天']));
    const waived = remediationRows(waive(result, 'village-plan-coverage', 'examples/partial.yaml'), { lang: 'zh' }).find((x) => x.file === 'examples/partial.yaml' && x.ruleId === 'village-plan-coverage')!;
    expect(waived.due).toBe('2026-06-30');
    expect(waived.status).toMatch(/^已豁免：/);
  });

  it('writes CSV that spreadsheets read: BOM, CRLF, quoted cells, no formulas from plan text', () => {
    const text = remediation(hostile(result), { lang: 'zh', color: false });
    expect(text.startsWith('\ufeff县,文件,行,列,领域,级别,状态,规则,条款,问题,责任主体,责任主体所在字段,整改期限,期限依据,修改建议\r\n')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows.length).toBe(1 + result.files.reduce((n, f) => n + f.findings.length, 0));
    for (const row of rows) expect(row).toHaveLength(15);
    const formula = remediation({ ...result, files: result.files.map((f) => ({ ...f, county: { name: '=HYPERLINK("x")' } })) }, { lang: 'en', color: false });
    expect(parseCsv(formula.slice(1))[1]![0]).toBe(`'=HYPERLINK("x")`);
  });

  it('groups the Markdown view by plan and owner', () => {
    const text = remediationMarkdown(result, { lang: 'zh', color: false });
    const partial = text.slice(text.indexOf('## examples/partial.yaml — 梅岭县'));
    expect(partial).toContain('### 县乡村振兴局 <sub>(no\\_removals.supervision.owner)</sub>');
    expect(text).toContain('# 整改清单\n\n审计日 2024-06-01\n');
    expect(partial).toMatch(/\| 2024-08-30<br><sub>审计日后 90 天<\/sub> \| 77:17 \| 错误 \| 四不摘 \|/);
    expect(text).not.toContain('examples/aligned.yaml');
  });

  it('rejects an owners file that names an unknown area or an uncaptured placeholder, with its position', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-owners-'));
    cpSync(BUILTIN_RULES_DIR, dir, { recursive: true });
    const owners = join(dir, 'owners.yaml');
    const original = readFileSync(owners, 'utf8');
    writeFileSync(owners, `${original}\nnowhere:\n  - owner: [county.name]\n`);
    expect(() => loadCatalog(dir)).toThrow(CatalogError);
    expect(() => loadCatalog(dir)).toThrow(/owners\.yaml:\d+:\d+: invalid rule file: unknown area nowhere/);
    writeFileSync(owners, "talent:\n  - owner: ['talent.{x}.unit']\n");
    expect(() => loadCatalog(dir)).toThrow(/owners\.yaml:2:\d+: invalid rule file: \{x\} is not captured by at/);
    expect(loadCatalog().owners?.['no-removals']?.[0]?.at).toBe('no_removals.{item}');
  });
});
