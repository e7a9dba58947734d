import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditText, lineOf } from '../helpers/audit.js';
import { cli, ROOT } from '../helpers/cli.js';
import { tmpTree } from '../helpers/tmp.js';

const ALIGNED = readFileSync(join(ROOT, 'examples/aligned.yaml'), 'utf8');

describe('audit in time (--today)', () => {
  it('a 2021–2025 plan is aligned within the transition period and lapsed after it', () => {
    expect(cli(['check', 'examples/aligned.yaml', '--today', '2024-06-01']).code).toBe(0);
    const after = cli(['check', 'examples/aligned.yaml', '--today', '2026-12-01', '--format', 'json']);
    expect(after.code).toBe(1);
    const report = JSON.parse(after.stdout);
    expect(report.asOf).toBe('2026-12-01');
    const lapsed = report.files[0].findings.filter((f: { ruleId: string }) => f.ruleId === 'no-removal-not-lapsed');
    expect(lapsed.map((f: { path: string; line: number }) => [f.path, f.line])).toEqual([
      ['no_removals.responsibility.kept_until', lineOf(ALIGNED, "kept_until: '2025-12-31'")],
      ['no_removals.policy.kept_until', lineOf(ALIGNED, "kept_until: '2025-12-31'", ALIGNED.indexOf('  policy:'))],
      ['no_removals.assistance.kept_until', lineOf(ALIGNED, "kept_until: '2025-12-31'", ALIGNED.indexOf('  assistance:'))],
      ['no_removals.supervision.kept_until', lineOf(ALIGNED, "kept_until: '2025-12-31'", ALIGNED.indexOf('  supervision:'))],
    ]);
    expect(lapsed[0].message).toBe('no_removals.responsibility.kept_until 为 2025-12-31，至审计日 2026-12-01 已到期，该项“不摘”已经失效');
    expect(lapsed[0]).toMatchObject({ actual: '2025-12-31', expected: '2026-12-01', severity: 'error' });
  });

  it('the 2026–2030 example is aligned on 2026-12-01', () => {
    const r = cli(['check', 'examples/aligned-2026.yaml', '--today', '2026-12-01', '--fail-on', 'info']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('共审计 1 个文件：0 个错误，0 个警告，0 个提示；审计日 2026-12-01');
  });

  it('says when a plan cuts its transition period short', () => {
    const short = ALIGNED.replace("transition_period:\n  start: '2021-01-01'\n  end: '2025-12-31'", "transition_period:\n  start: '2021-01-01'\n  end: '2022-12-31'").replaceAll(
      "kept_until: '2025-12-31'",
      "kept_until: '2022-12-31'",
    );
    const gaps = auditText(short, ['transition-period-not-shortened'], undefined, '2022-06-01');
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ path: 'transition_period.end', line: lineOf(short, "end: '2022-12-31'"), actual: '2022-12-31', expected: '2025-12-31' });
    expect(gaps[0]!.message.zh).toContain('过渡期被提前结束：transition_period.end 为 2022-12-31，不得早于 2025-12-31');
    // The no-removals kept "through" the shortened period still fall short of the real one.
    expect(auditText(short, ['no-removal-through-transition'], undefined, '2022-06-01')).toHaveLength(4);
  });

  it('measures the transition period from the county’s exit from poverty when that ends later', () => {
    const late = ALIGNED.replace("exited_poverty_on: '2019-04-30'", "exited_poverty_on: '2021-06-30'");
    const [gap] = auditText(late, ['transition-period-not-shortened'], undefined, '2024-06-01');
    expect(gap).toMatchObject({ actual: '2025-12-31', expected: '2026-06-30' });
  });

  it('warns of a monitoring threshold four years old, naming the field and its age', () => {
    const gaps = auditText(ALIGNED, ['monitoring-threshold-current'], undefined, '2026-12-01');
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ severity: 'warning', path: 'monitoring.threshold_year', line: lineOf(ALIGNED, 'threshold_year: 2022'), actual: 2022, expected: 2 });
    expect(gaps[0]!.message.zh).toBe('防返贫监测收入标准为 2022 年的标准（monitoring.threshold_year），审计日 2026-12-01 时已有 4 年，超过 2 年：监测标准由各省逐年确定，应采用当年标准');
    expect(auditText(ALIGNED, ['monitoring-threshold-current'], { stale_data_years: 4 }, '2026-12-01')).toEqual([]);
  });

  it('warns of evaluations made before the plan period began', () => {
    const plan = ALIGNED.replace("plan_period:\n  start: '2021-01-01'\n  end: '2025-12-31'", "plan_period:\n  start: '2026-01-01'\n  end: '2030-12-31'");
    const gaps = auditText(plan, ['existing-industry-evaluation-current', 'policy-conflicts-review-current'], undefined, '2026-12-01');
    expect(gaps.map((g) => g.path)).toEqual(['policy_linkage.conflicts_review.reviewed_on', 'existing_industries[0].evaluated_on', 'existing_industries[1].evaluated_on', 'existing_industries[2].evaluated_on']);
    expect(gaps[1]!.message.zh).toBe('油茶种植基地评估于 2021-10-15（existing_industries[0].evaluated_on，距审计日 5 年），早于规划期开始日 2026-01-01，应在本规划期内重新评估');
  });

  it('requires the poverty campaign’s chain only through the transition period', () => {
    const noPoverty = ALIGNED.replace(/ {4}poverty_alleviation:\n( {6}.*\n){5}/, '');
    expect(noPoverty).not.toContain('poverty_alleviation');
    const rules = ['secretary-chains-both-campaigns', 'secretary-chain-revitalization'];
    expect(auditText(noPoverty, rules, undefined, '2025-06-01').map((g) => g.ruleId)).toEqual(['secretary-chains-both-campaigns']);
    expect(auditText(noPoverty, rules, undefined, '2026-01-01')).toEqual([]);
    const noRevitalization = ALIGNED.replace(/ {4}revitalization:\n( {6}.*\n){5}/, '');
    expect(auditText(noRevitalization, rules, undefined, '2026-01-01').map((g) => [g.ruleId, g.severity])).toEqual([['secretary-chain-revitalization', 'error']]);
    const shown = cli(['rules', 'show', 'secretary-chains-both-campaigns', '--lang', 'en']).stdout;
    expect(shown).toContain('When it applies:\n    applies through the transition period (until 2025-12-31)');
    expect(shown).toContain('outside the window: not checked');
  });

  it('asks a version-1 plan for its period and rejects an inverted one', () => {
    const none = ALIGNED.replace("plan_period:\n  start: '2021-01-01'\n  end: '2025-12-31'\n", '');
    expect(auditText(none, ['plan-period-stated']).map((g) => g.severity)).toEqual(['warning']);
    const inverted = ALIGNED.replace("plan_period:\n  start: '2021-01-01'\n  end: '2025-12-31'", "plan_period:\n  start: '2025-12-31'\n  end: '2021-01-01'");
    const [gap] = auditText(inverted, ['plan-period-ordered']);
    expect(gap!.message.zh).toBe('规划期颠倒：plan_period.end 为 2021-01-01，早于规划期开始日 2025-12-31');
    const v2 = none.replace('format_version: 1', 'format_version: 2');
    const v2gaps = auditText(v2, ['plan-schema', 'plan-period-stated']);
    expect(v2gaps.map((g) => [g.ruleId, g.severity, g.path])).toEqual([['plan-schema', 'error', '$']]);
    expect(v2gaps[0]!.message.zh).toContain('缺少必填字段「规划期」');
  });

  it('never dates a remediation before the audit date, and says which date it is', () => {
    const r = cli(['check', 'examples', '--format', 'remediation', '--today', '2026-12-01']);
    const rows = r.stdout.slice(1).trim().split('\r\n').slice(1);
    expect(rows.length).toBeGreaterThan(10);
    const dues = r.stdout.match(/,(\d{4}-\d{2}-\d{2}),(审计日后 90 天|规划期末|豁免到期日),/g)!;
    expect(dues.length).toBe(rows.length);
    for (const d of dues) expect(d.slice(1, 11) >= '2026-12-01').toBe(true);
    const early = cli(['check', 'examples/aligned.yaml', '--today', '2026-12-01', '--due', '2025-12-31']);
    expect(early.code).toBe(2);
    expect(early.stderr).toBe('rural-audit: --due 2025-12-31 is before the audit date 2026-12-01; give a later date\n');
  });

  it('states the audit date in every report format', () => {
    const dir = tmpTree({ 'plan.yaml': ALIGNED });
    for (const format of ['table', 'json', 'sarif', 'junit', 'github', 'github-summary', 'markdown', 'html', 'remediation-md']) {
      const r = cli(['check', 'plan.yaml', '--today', '2026-12-01', '--format', format], { cwd: dir });
      expect(r.stdout, format).toContain('2026-12-01');
    }
    // Nine runs of the CLI on a machine shared with other work.
  }, 120_000);
});
