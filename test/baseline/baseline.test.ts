import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { identityPath } from '../../src/engine/audit.js';
import { auditText } from '../helpers/audit.js';
import { cli, ROOT } from '../helpers/cli.js';
import { checkIn } from '../helpers/settings.js';
import { tmpTree } from '../helpers/tmp.js';

const PARTIAL = readFileSync(join(ROOT, 'examples/partial.yaml'), 'utf8');

/** The same plan, reformatted (indent 4, no comments, flow lists) and reordered (keys and list items). */
function reshuffled(text: string): string {
  const data = parse(text) as Record<string, unknown>;
  const reversed: Record<string, unknown> = {};
  for (const key of Object.keys(data).reverse()) reversed[key] = data[key];
  (reversed.villages as unknown[]).reverse();
  (reversed.projects as unknown[]).reverse();
  return stringify(reversed, { indent: 4, collectionStyle: 'flow', lineWidth: 0 });
}

const run = (dir: string, args: string[]) => checkIn(dir, ['plan.yaml'], args);

describe('baselines', () => {
  it('--write-baseline records the current gaps (exit 0); --baseline then reports none of them', async () => {
    const dir = tmpTree({ 'plan.yaml': PARTIAL });
    const all = await run(dir, ['--no-config']);
    expect(all.code).toBe(1);
    const write = await run(dir, ['--write-baseline', 'baseline.json']);
    expect(write.code).toBe(0);
    expect(write.stderr).toContain(`baseline: ${all.findings.length} gap(s) recorded in baseline.json`);
    const baseline = JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8'));
    expect(baseline.baselineVersion).toBe(1);
    expect(baseline.gaps.map((g: { fingerprint: string }) => g.fingerprint).sort()).toEqual(all.findings.map((f) => f.fingerprint).sort());
    const again = await run(dir, ['--baseline', 'baseline.json']);
    expect(again.code).toBe(0);
    expect(again.findings).toEqual([]);
    expect(again.stderr).toBe(`baseline baseline.json: ${all.findings.length} known gap(s) not shown, 0 fixed since\n`);
  });

  it('survives reformatting and reordering of the plan', async () => {
    const dir = tmpTree({ 'plan.yaml': PARTIAL });
    await run(dir, ['--write-baseline', 'baseline.json']);
    const moved = tmpTree({ 'plan.yaml': reshuffled(PARTIAL), 'baseline.json': readFileSync(join(dir, 'baseline.json'), 'utf8') });
    const before = (await run(dir, [])).findings;
    const after = (await run(moved, [])).findings;
    // The gaps are the same ones, at other lines and (for villages) other indexes…
    expect(after.map((f) => f.ruleId).sort()).toEqual(before.map((f) => f.ruleId).sort());
    expect(after.map((f) => f.line)).not.toEqual(before.map((f) => f.line));
    expect(after.find((f) => f.ruleId === 'village-plan-coverage')!.path).not.toBe(before.find((f) => f.ruleId === 'village-plan-coverage')!.path);
    // …with the same fingerprints, so the baseline still knows every one of them.
    expect(after.map((f) => f.fingerprint).sort()).toEqual(before.map((f) => f.fingerprint).sort());
    const r = await run(moved, ['--baseline', 'baseline.json']);
    expect(r.code).toBe(0);
    expect(r.findings).toEqual([]);
  });

  it('fails only on new gaps, and counts the ones fixed since', async () => {
    const dir = tmpTree({ 'plan.yaml': PARTIAL });
    await run(dir, ['--write-baseline', 'baseline.json']);
    const changed = PARTIAL.replace(
      "  policy:\n    kept: true\n    kept_until: '2025-12-31'",
      "  policy:\n    kept: true\n    kept_until: '2024-06-30'",
    ).replace("  supervision:\n    kept: true\n    kept_until: '2023-12-31'", "  supervision:\n    kept: true\n    kept_until: '2025-12-31'");
    expect(changed).not.toBe(PARTIAL);
    const next = tmpTree({ 'plan.yaml': changed, 'baseline.json': readFileSync(join(dir, 'baseline.json'), 'utf8') });
    const r = await run(next, ['--baseline', 'baseline.json']);
    expect(r.code).toBe(1);
    expect(r.findings.map((f) => [f.ruleId, f.path])).toEqual([['no-removal-through-transition', 'no_removals.policy.kept_until']]);
    // Supervision kept only until 2023-12-31 was both short and lapsed on the audit date (2024-06-01): two gaps fixed.
    expect(r.stderr).toMatch(/known gap\(s\) not shown, 2 fixed since\n$/);
    expect(r.report.baseline).toEqual({ file: 'baseline.json', known: r.report.baseline.known, fixed: 2 });
    expect(r.report.baseline.known).toBeGreaterThan(0);
  });

  it('is not written when a plan cannot be read', async () => {
    const dir = tmpTree({ 'plan.yaml': PARTIAL, 'broken.yaml': 'x: [\n' });
    const r = await checkIn(dir, ['plan.yaml', 'broken.yaml'], ['--write-baseline', 'baseline.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('baseline: not written to baseline.json: 1 input error(s)');
    expect(existsSync(join(dir, 'baseline.json'))).toBe(false);
  });

  it('writes the same bytes for the same plans', async () => {
    const dir = tmpTree({ 'plan.yaml': PARTIAL });
    await run(dir, ['--write-baseline', 'a.json']);
    await run(dir, ['--write-baseline', 'b.json']);
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe(readFileSync(join(dir, 'b.json'), 'utf8'));
  });

  it('an unreadable or foreign baseline is an error, exit 2', () => {
    const dir = tmpTree({ 'plan.yaml': PARTIAL, 'bad.json': '{\n  "gaps": [,]\n}\n', 'other.json': '{"version": 3}\n' });
    const bad = cli(['check', 'plan.yaml', '--baseline', 'bad.json'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^bad\.json:2:\d+: error: invalid baseline file: not JSON/);
    const other = cli(['check', 'plan.yaml', '--baseline', 'other.json'], { cwd: dir });
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/^other\.json: error: invalid baseline file: not a rural-audit baseline of version 1/);
    expect(cli(['check', 'plan.yaml', '--baseline', 'missing.json'], { cwd: dir }).stderr).toBe('missing.json: error: no such file\n');
  });

  it('on the command line: --write-baseline exits 0 with gaps, --baseline then exits 0 with none', () => {
    const dir = tmpTree({ 'plan.yaml': PARTIAL });
    const write = cli(['check', 'plan.yaml', '--write-baseline', '.rural-audit-baseline.json', '--lang', 'en'], { cwd: dir });
    expect(write.code).toBe(0);
    expect(write.stderr).toMatch(/^baseline: \d+ gap\(s\) recorded in \.rural-audit-baseline\.json\n$/);
    const r = cli(['check', 'plan.yaml', '--baseline', '.rural-audit-baseline.json', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 file(s) audited: 0 error(s)');
  });
});

describe('fingerprints', () => {
  it('name list items by code or id, not by index', async () => {
    const plan = { villages: [{ code: '439921101201', plan: {} }, { name: 'x' }], projects: [{ id: 'TX-1' }] };
    expect(identityPath(plan, ['villages', 0, 'plan', 'status'])).toBe('villages[code=439921101201].plan.status');
    expect(identityPath(plan, ['villages', 1, 'plan'])).toBe('villages[1].plan');
    expect(identityPath(plan, ['projects', 0, 'linkage'])).toBe('projects[id=TX-1].linkage');
    expect(identityPath(plan, [])).toBe('$');
  });

  it('do not change when a village moves in the list', async () => {
    const village = (code: string, status: string) => `  - {name: 村${code.slice(-2)}, code: '${code}', plan: {kind: village_plan, status: ${status}}}\n`;
    const a = `villages:\n${village('439921101201', 'approved')}${village('439921101202', 'drafting')}`;
    const b = `villages:\n${village('439921101202', 'drafting')}${village('439921101201', 'approved')}`;
    const fa = auditText(a, ['village-plan-coverage']);
    const fb = auditText(b, ['village-plan-coverage']);
    expect(fa).toHaveLength(1);
    expect(fa[0]!.path).toBe('villages[1]');
    expect(fb[0]!.path).toBe('villages[0]');
    expect(fb[0]!.fingerprint).toBe(fa[0]!.fingerprint);
  });
});
