import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// The built module: worker threads load dist/audit/worker.js.
import * as api from '../../dist/index.js';
import { cli } from '../helpers/cli.js';
import { withoutShards } from '../helpers/merge.js';
import { tmpTree } from '../helpers/tmp.js';

const partial = readFileSync('examples/partial.yaml', 'utf8');
const ownWaiver = `waivers:\n  - rule: secretary-chain-five-levels\n    justification: 乡镇党委换届中\n    approved_by: 青岚市委农办\n    expires: '2027-03-31'\n`;

/**
 * A run with every kind of setting at once — a plan's own waiver, a waivers file, a per-file
 * override, a baseline — gives one report whether it is audited through the library alone or
 * through the CLI on one thread or two: the settings cross to the workers as data.
 */
describe('config, waivers and baseline in the library pipeline', () => {
  const dir = tmpTree({
    'plans/p1.yaml': `${partial}${ownWaiver}`,
    'plans/p2.yaml': partial,
    'plans/p3.yaml': partial,
    'plans/p4.yaml': partial,
    'plans/p5.yaml': partial,
    // More plans than one worker's batch (pool.ts), so that --jobs 2 starts two workers.
    ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`plans/q${String(i + 1).padStart(2, '0')}.yaml`, partial])),
    'rural-audit.config.yaml': 'waivers: [waivers.yaml]\noverrides:\n  - files: [plans/p3.yaml]\n    rules: {village-plan-coverage: off}\n',
    'waivers.yaml': `waivers:\n  - rule: no-removal-through-transition\n    files: [plans/p2.yaml]\n    justification: 省级复核中\n    approved_by: 省农业农村厅\n    expires: '2027-01-31'\n`,
  });
  const base = cli(['check', 'plans/p4.yaml', '--write-baseline', 'baseline.json', '--today', '2026-11-29'], { cwd: dir });

  it('gives identical reports through the API and the CLI with --jobs 1 and --jobs 2', async () => {
    expect(base.code).toBe(0);
    const settings = api.loadSettings({ cwd: dir, baseline: 'baseline.json', today: '2026-11-29' });
    const result = await api.audit('plans', settings);
    const viaApi = api.format(result, 'json');
    const args = ['check', 'plans', '-f', 'json', '--baseline', 'baseline.json', '--today', '2026-11-29'];
    const one = cli([...args, '--jobs', '1'], { cwd: dir });
    const two = cli([...args, '--jobs', '2'], { cwd: dir });
    expect(one.stdout).toBe(viaApi);
    expect(two.stdout).toBe(viaApi);
    expect(two.stderr).toBe(one.stderr);
    expect([one.code, two.code]).toEqual([1, 1]);

    const report = JSON.parse(two.stdout);
    const byFile = Object.fromEntries(report.files.map((f: { file: string; findings: Record<string, any>[] }) => [f.file, f.findings]));
    const waived = (file: string) => byFile[file].filter((x: { waiver?: unknown }) => x.waiver).map((x: { ruleId: string; waiver: { source: string } }) => [x.ruleId, x.waiver.source]);
    expect(waived('plans/p1.yaml')).toEqual([['secretary-chain-five-levels', expect.stringMatching(/^plans\/p1\.yaml:\d+:5$/)]]);
    expect(waived('plans/p2.yaml')).toEqual([['no-removal-through-transition', 'waivers.yaml:2:5']]);
    const rules = (file: string) => byFile[file].map((x: { ruleId: string }) => x.ruleId);
    expect(rules('plans/p3.yaml')).not.toContain('village-plan-coverage');
    expect(rules('plans/p5.yaml')).toContain('village-plan-coverage');
    expect(byFile['plans/p4.yaml']).toEqual([]);
    expect(report.baseline).toEqual({ file: 'baseline.json', known: 10, fixed: 0 });
    expect(one.stderr).toBe('基线 baseline.json：未显示 10 个已知差距，0 个已整改\n');
  });
});

describe('merge of shards that ran waiver rules and custom rules', () => {
  it('equals the single run, in JSON and as a table', () => {
    const linked = partial.replace('    linkage: [dividend, wage]\n', '    linkage: []\n');
    const expired = `waivers:\n  - rule: secretary-chain-five-levels\n    justification: 换届中\n    approved_by: 市委农办\n    expires: '2026-01-31'\n`;
    const dir = tmpTree({
      'local/industry-linkage.yaml': readFileSync('docs/examples/custom-rules/industry-linkage.yaml', 'utf8'),
      'rural-audit.config.yaml': 'custom_rules: [local]\nrules:\n  county-industry-project-linkage: error\n',
      'plans/p1.yaml': `${linked}${expired}`,
      'plans/p2.yaml': linked,
      'plans/p3.yaml': linked,
    });
    const today = ['--today', '2026-12-01'];
    const single = cli(['check', 'plans', '-f', 'json', ...today], { cwd: dir });
    const ruleIds = JSON.parse(single.stdout).files.flatMap((f: { findings: { ruleId: string }[] }) => f.findings.map((x) => x.ruleId));
    expect(ruleIds).toEqual(expect.arrayContaining(['waiver-expired', 'county-industry-project-linkage']));
    for (const i of [1, 2]) expect(cli(['check', 'plans', '--shard', `${i}/2`, '-f', 'json', '-o', `shard-${i}.json`, ...today], { cwd: dir }).code).toBe(1);
    const merged = cli(['merge', 'shard-2.json', 'shard-1.json', '-f', 'json'], { cwd: dir });
    expect(merged.stderr).toBe('');
    expect(withoutShards(merged.stdout)).toBe(single.stdout);
    expect(merged.code).toBe(single.code);
    // The merged report says what each shard ran: p1 (shard 1) has the expired waiver.
    const builtin = JSON.parse(single.stdout).rules.length - 2;
    expect(JSON.parse(merged.stdout).shards).toEqual([
      { report: 'shard-1.json', files: 2, catalog: api.VERSION, rules: { builtin, meta: ['waiver-expired'], custom: ['county-industry-project-linkage'] } },
      { report: 'shard-2.json', files: 1, catalog: api.VERSION, rules: { builtin, meta: [], custom: ['county-industry-project-linkage'] } },
    ]);
    const table = cli(['check', 'plans', ...today], { cwd: dir });
    expect(cli(['merge', 'shard-1.json', 'shard-2.json'], { cwd: dir }).stdout).toBe(table.stdout);
  });
});
