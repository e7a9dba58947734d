import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveToday, stateOf } from '../../src/waivers/waiver.js';
import { parsePath, targetExists } from '../../src/waivers/apply.js';
import { cli, ROOT } from '../helpers/cli.js';
import { checkIn } from '../helpers/settings.js';
import { tmpTree } from '../helpers/tmp.js';

/** The 2026–2030 plan: the waivers below are checked on dates of 2026 and 2027. */
const ALIGNED = readFileSync(join(ROOT, 'examples/aligned-2026.yaml'), 'utf8');
/** The aligned example with exactly one gap: supervision kept only until 2028, before the plan period ends. */
const ONE_GAP = ALIGNED.replace(
  "  supervision:\n    kept: true\n    kept_until: '2030-12-31'",
  "  supervision:\n    kept: true\n    kept_until: '2028-12-31'",
);

const waiver = (fields: Record<string, string>) =>
  `\nwaivers:\n  - ${Object.entries(fields)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join('\n    ')}\n`;

const FULL = {
  rule: 'no-removal-through-transition',
  target: 'no_removals.supervision',
  justification: '省政府批准监督机制分步延续（示例）',
  approved_by: '县乡村振兴局',
  expires: '2027-06-30',
};

function check(files: Record<string, string>, args: string[] = []) {
  return checkIn(tmpTree(files), ['plan.yaml'], args);
}

describe('waivers in the plan', () => {
  it('the fixture has exactly the one gap the waivers are about', async () => {
    expect(ONE_GAP).not.toBe(ALIGNED);
    const r = await check({ 'plan.yaml': ONE_GAP }, ['--today', '2026-11-29']);
    expect(r.code).toBe(1);
    expect(r.findings.map((f) => f.ruleId)).toEqual(['no-removal-through-transition']);
  });

  it('an active waiver keeps the gap visible as waived, with its justification, and the run passes', async () => {
    const plan = ONE_GAP + waiver(FULL);
    const r = await check({ 'plan.yaml': plan }, ['--today', '2026-11-29']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({
      ruleId: 'no-removal-through-transition',
      waiver: { justification: FULL.justification, approvedBy: FULL.approved_by, expires: '2027-06-30', source: `plan.yaml:${plan.split('\n').findIndex((l) => l.startsWith('  - rule:')) + 1}:5` },
    });
  });

  it('the expiry day itself is still covered; the day after, the gap fails again and the expired waiver is reported', async () => {
    const plan = ONE_GAP + waiver(FULL);
    expect((await check({ 'plan.yaml': plan }, ['--today', '2027-06-30'])).code).toBe(0);
    const r = await check({ 'plan.yaml': plan }, ['--today', '2027-07-01']);
    expect(r.code).toBe(1);
    const gap = r.findings.find((f) => f.ruleId === 'no-removal-through-transition')!;
    expect(gap.waiver).toBeUndefined();
    const expired = r.findings.find((f) => f.ruleId === 'waiver-expired')!;
    const waiverLine = plan.split('\n').findIndex((l) => l.startsWith('  - rule:')) + 1;
    expect(expired).toMatchObject({ severity: 'warning', line: waiverLine, column: 5, path: 'waivers[0]', expected: '2027-06-30' });
    expect(expired.message).toContain('expired on 2027-06-30');
  });

  it('takes "today" from RURAL_AUDIT_TODAY when --today is not given', async () => {
    const dir = tmpTree({ 'plan.yaml': ONE_GAP + waiver(FULL) });
    expect(cli(['check', 'plan.yaml'], { cwd: dir, env: { RURAL_AUDIT_TODAY: '2027-07-01' } }).code).toBe(1);
    const waived = cli(['check', 'plan.yaml'], { cwd: dir, env: { RURAL_AUDIT_TODAY: '2026-01-01' } });
    expect(waived.code).toBe(0);
    // The table shows the waived gap, and why it is waived, under it.
    expect(waived.stdout).toMatch(/no_removals\.supervision\.kept_until[^\n]*no-removal-through-transition[\s\S]*\n {10}已豁免：省政府批准监督机制分步延续（示例）（批准：县乡村振兴局，有效期至 2027-06-30）\n/);
    const bad = cli(['check', 'plan.yaml', '--today', '2026-02-30'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('rural-audit: --today must be a real date YYYY-MM-DD, not 2026-02-30\n');
  });

  it('a waiver that matches no gap is reported as unused (info), and fails nothing', async () => {
    const r = await check({ 'plan.yaml': ALIGNED + waiver({ ...FULL, target: 'no_removals.policy' }) }, ['--today', '2026-11-29']);
    expect(r.code).toBe(0);
    expect(r.findings.map((f) => [f.ruleId, f.severity])).toEqual([['waiver-unused', 'info']]);
  });

  it.each([
    ['justification', /a waiver must give its justification/],
    ['approved_by', /a waiver must say who approved it \(approved_by\)/],
    ['expires', /a waiver must have an expiry date \(expires\)/],
  ])('a waiver without %s is an error at its position and waives nothing (exit 2)', async (missing, message) => {
    const fields: Record<string, string> = { ...FULL };
    delete fields[missing];
    const plan = ONE_GAP + waiver(fields);
    const r = await check({ 'plan.yaml': plan }, ['--today', '2026-11-29']);
    expect(r.code).toBe(2);
    const line = plan.split('\n').findIndex((l) => l.startsWith('  - rule:')) + 1;
    expect(r.stderr).toMatch(new RegExp(`^plan\\.yaml:${line}:5: error: invalid waiver: `));
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.findings.find((f) => f.ruleId === 'no-removal-through-transition')!.waiver).toBeUndefined();
  });

  it.each([
    ['an unknown rule', { rule: 'no-removal-thru-transition' }, 'rule', /unknown rule no-removal-thru-transition/],
    ['a target that does not exist', { target: '439921999999' }, 'target', /the plan has no target 439921999999/],
    ['an expiry that is no real day', { expires: '2027-02-29' }, 'expires', /expires 2027-02-29 is not a real date/],
  ])('%s is an error at its position (exit 2)', async (_what, change, key, message) => {
    const plan = ONE_GAP + waiver({ ...FULL, ...change });
    const r = await check({ 'plan.yaml': plan }, ['--today', '2026-11-29']);
    expect(r.code).toBe(2);
    const line = plan.split('\n').findIndex((l) => l.replace(/^[\s-]+/, '').startsWith(`${key}:`) && l.includes(Object.values(change)[0]!)) + 1;
    expect(r.stderr).toMatch(new RegExp(`^plan\\.yaml:${line}:\\d+: error: invalid waiver: `));
    expect(r.stderr).toMatch(message);
  });

  it('targets a village by its code: only gaps inside that village are waived', async () => {
    const text = readFileSync(join(ROOT, 'examples/partial.yaml'), 'utf8');
    const plan = text + waiver({ ...FULL, rule: 'village-plan-coverage', target: '439922103203' });
    const r = await check({ 'plan.yaml': plan }, ['--today', '2026-11-29']);
    expect(r.findings.find((f) => f.ruleId === 'village-plan-coverage')!.waiver).toBeDefined();
    const other = await check({ 'plan.yaml': text + waiver({ ...FULL, rule: 'village-plan-coverage', target: '439922101201' }) }, ['--today', '2026-11-29']);
    expect(other.findings.find((f) => f.ruleId === 'village-plan-coverage')!.waiver).toBeUndefined();
    expect(other.findings.map((f) => f.ruleId)).toContain('waiver-unused');
  });
});

describe('waivers files', () => {
  const file = (extra: string) =>
    `waivers:\n  - rule: no-removal-through-transition\n    ${extra}justification: 示例理由\n    approved_by: 市乡村振兴局\n    expires: '2027-06-30'\n`;

  it('applies to the plans of its county only, and is named in the waived gap', async () => {
    const files = { 'plan.yaml': ONE_GAP, 'waivers.yaml': file("county: '439921'\n    ") };
    const r = await check(files, ['--today', '2026-11-29', '--waivers', 'waivers.yaml']);
    expect(r.code).toBe(0);
    expect(r.findings[0]!.waiver.source).toBe('waivers.yaml:2:5');
    const elsewhere = await check({ 'plan.yaml': ONE_GAP, 'waivers.yaml': file("county: '110101'\n    ") }, ['--today', '2026-11-29', '--waivers', 'waivers.yaml']);
    expect(elsewhere.code).toBe(1);
  });

  it('is read from the config, and never audited as a plan itself', async () => {
    const files = { 'plan.yaml': ONE_GAP, 'waivers.yaml': file("files: ['plan.yaml']\n    "), 'rural-audit.config.yaml': 'waivers: [waivers.yaml]\n' };
    const r = await checkIn(tmpTree(files), ['.'], ['--today', '2026-11-29']);
    expect(r.code).toBe(0);
    expect(r.report.files.map((f: { file: string }) => f.file)).toEqual(['plan.yaml']);
  });

  it('reports a missing approver and an unknown key at their positions', async () => {
    const bad = "waivers:\n  - rule: no-removal-through-transition\n    justification: x\n    approver: 某人\n    expires: '2027-06-30'\n";
    const r = await check({ 'plan.yaml': ONE_GAP, 'waivers.yaml': bad }, ['--today', '2026-11-29', '--waivers', 'waivers.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('waivers.yaml:4:15: error: invalid waiver: unknown key approver');
    expect(r.stderr).toContain('waivers.yaml:2:5: error: invalid waiver: a waiver must say who approved it (approved_by)');
  });
});

describe('rural-audit waivers', () => {
  const plan = (expires: string[]) =>
    ONE_GAP +
    '\nwaivers:\n' +
    expires.map((e, i) => `  - {rule: terrain-declared, justification: 理由${i}, approved_by: 县政府, expires: '${e}'}\n`).join('');

  it('lists every waiver with its state as of --today, soonest expiry first', async () => {
    const dir = tmpTree({ 'plan.yaml': plan(['2027-03-01', '2026-12-20', '2026-11-28', '2026-12-29', '2026-12-30']) });
    const r = cli(['waivers', 'plan.yaml', '--today', '2026-11-29', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.today).toBe('2026-11-29');
    expect(out.waivers.map((w: { expires: string; state: string; daysLeft: number }) => [w.expires, w.state, w.daysLeft])).toEqual([
      ['2026-11-28', 'expired', -1],
      ['2026-12-20', 'expiring', 21],
      ['2026-12-29', 'expiring', 30],
      ['2026-12-30', 'active', 31],
      ['2027-03-01', 'active', 92],
    ]);
    expect(out.waivers[0].source).toMatch(/^plan\.yaml:\d+:5$/);
    const table = cli(['waivers', 'plan.yaml', '--today', '2026-11-29', '--lang', 'en'], { cwd: dir });
    expect(table.stdout).toContain('as of 2026-11-29: 5 waiver(s), 2 active, 2 expiring within 30 days, 1 expired');
    expect(cli(['waivers', 'plan.yaml', '--today', '2026-11-29', '--fail-on', 'expired'], { cwd: dir }).code).toBe(1);
  });

  it('--fail-on expiring fails when one expires within 30 days; an invalid waiver exits 2', async () => {
    const dir = tmpTree({ 'plan.yaml': plan(['2026-12-20']), 'bad.yaml': plan(['someday']) });
    expect(cli(['waivers', 'plan.yaml', '--today', '2026-11-29', '--fail-on', 'expired'], { cwd: dir }).code).toBe(0);
    expect(cli(['waivers', 'plan.yaml', '--today', '2026-11-29', '--fail-on', 'expiring'], { cwd: dir }).code).toBe(1);
    const bad = cli(['waivers', 'bad.yaml', '--today', '2026-11-29'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^bad\.yaml:\d+:\d+: 错误: 豁免无效：到期日 someday 不是有效日期/);
  });

  it('reports a waiver whose target the plan lacks in the words and at the position check uses, and lists it not', async () => {
    const text = ONE_GAP + waiver({ ...FULL, target: '439921999999' });
    const dir = tmpTree({ 'plan.yaml': text });
    const listed = cli(['waivers', 'plan.yaml', '--today', '2026-11-29', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(listed.code).toBe(2);
    expect(JSON.parse(listed.stdout).waivers).toEqual([]);
    const line = text.split('\n').findIndex((l) => l.includes('target: "439921999999"')) + 1;
    expect(listed.stderr).toMatch(new RegExp(`^plan\\.yaml:${line}:\\d+: error: invalid waiver: the plan has no target 439921999999 \\(a village code, a project id or a path\\)\n$`));
    const checked = await check({ 'plan.yaml': text }, ['--today', '2026-11-29']);
    expect(checked.stderr).toContain(listed.stderr.trimEnd());
  });
});

describe('waiver helpers', () => {
  it('computes states around the 30-day window', async () => {
    expect(stateOf('2026-11-29', '2026-11-29')).toBe('expiring');
    expect(stateOf('2026-11-28', '2026-11-29')).toBe('expired');
    expect(stateOf('2026-12-29', '2026-11-29')).toBe('expiring');
    expect(stateOf('2026-12-30', '2026-11-29')).toBe('active');
  });

  it('resolves today from the option, then the environment, then the clock', async () => {
    expect(resolveToday('2026-01-02', { RURAL_AUDIT_TODAY: '2025-01-01' })).toBe('2026-01-02');
    expect(resolveToday(undefined, { RURAL_AUDIT_TODAY: '2025-01-01' })).toBe('2025-01-01');
    expect(resolveToday(undefined, {}, new Date(2026, 0, 5, 12))).toBe('2026-01-05');
    expect(resolveToday('tomorrow', {})).toEqual({ error: '--today must be a real date YYYY-MM-DD, not tomorrow' });
  });

  it('finds targets by code, id or path, never through the prototype', async () => {
    const plan = { villages: [{ code: '439921101201' }], projects: [{ id: 'TX-1' }], no_removals: { policy: {} } };
    expect(targetExists(plan, '439921101201')).toBe(true);
    expect(targetExists(plan, 'TX-1')).toBe(true);
    expect(targetExists(plan, 'no_removals.policy')).toBe(true);
    expect(targetExists(plan, 'no_removals.constructor')).toBe(false);
    expect(targetExists(plan, '__proto__')).toBe(false);
    expect(parsePath('villages[3].plan')).toEqual(['villages', 3, 'plan']);
    expect(parsePath('not a path')).toBeUndefined();
  });
});
