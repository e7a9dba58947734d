import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MergeError, mergeReports } from '../../src/audit/merge.js';
import { parseShard, shardOf } from '../../src/audit/shard.js';
import type { JsonReport } from '../../src/report/json.js';
import type { PlanFile } from '../../src/plan/discover.js';
import { cli, ROOT } from '../helpers/cli.js';
import { withoutShards } from '../helpers/merge.js';
// @ts-expect-error the benchmark's generator is plain JavaScript
import { plan } from '../../bench/generate.mjs';

const files = (n: number): PlanFile[] => Array.from({ length: n }, (_, i) => ({ path: `/p/${i}.yaml`, display: `p/${String(i).padStart(3, '0')}.yaml` }));

describe('shards', () => {
  it('split a file list into disjoint shards that together hold every file once', () => {
    for (const [n, count] of [[0, 3], [1, 4], [10, 3], [97, 8], [5, 5]] as const) {
      const all = files(n);
      const shards = Array.from({ length: count }, (_, i) => shardOf(all, { index: i + 1, count }));
      const union = shards.flat().map((f) => f.display).sort();
      expect(union).toEqual(all.map((f) => f.display));
      expect(new Set(union).size).toBe(n);
      const sizes = shards.map((s) => s.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it('read i/n and refuse anything else', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/3', '4/3', '1/0', '2', 'a/b', '-1/2', '1/2/3']) expect(parseShard(bad), bad).toBeUndefined();
  });
});

describe('parallel, sharded and merged runs give the single run report', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ra-scale-'));
    mkdirSync(join(dir, 'plans', 'a'), { recursive: true });
    mkdirSync(join(dir, 'plans', 'b'), { recursive: true });
    for (let i = 0; i < 14; i++) {
      const code = `43${String(1000 + i)}`;
      writeFileSync(join(dir, 'plans', i % 2 ? 'a' : 'b', `${code}.yaml`), plan(900 + i, { name: `样例${i}县`, code, province: '湖南省' }, 20 + i * 7));
    }
    cpSync(join(ROOT, 'examples'), join(dir, 'plans', 'examples'), { recursive: true });
    writeFileSync(join(dir, 'plans', 'broken.yaml'), 'county: [unclosed\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (args: string[]) => cli(args, { cwd: dir });

  it('--jobs 1 and --jobs 2 give byte-identical reports and the same exit code', () => {
    for (const format of ['json', 'table']) {
      const one = run(['check', 'plans', '--format', format, '--jobs', '1']);
      const two = run(['check', 'plans', '--format', format, '--jobs', '2']);
      expect(one.code).toBe(2); // the broken file
      expect(two.code).toBe(one.code);
      expect(two.stdout).toBe(one.stdout);
      expect(two.stderr).toBe(one.stderr);
    }
    const report = JSON.parse(run(['check', 'plans', '--format', 'json', '--jobs', '2']).stdout);
    expect(report.files.length).toBe(19);
    expect(report.asOf).toBe('2024-06-01');
    expect(report.files.filter((f: { findings: unknown[] }) => f.findings.length > 0).length).toBeGreaterThan(10);
    expect(report.rules.length).toBeGreaterThan(10);
  });

  it('merging the JSON reports of three shards equals a single run, in JSON and as a table', () => {
    const single = run(['check', 'plans', '--format', 'json', '--jobs', '1']);
    const shardFiles: string[] = [];
    const counts: number[] = [];
    for (let i = 1; i <= 3; i++) {
      const out = join(dir, `shard-${i}.json`);
      run(['check', 'plans', '--shard', `${i}/3`, '--format', 'json', '--output', out]);
      counts.push(JSON.parse(readFileSync(out, 'utf8')).files.length);
      shardFiles.push(out);
    }
    expect(counts.reduce((a, b) => a + b)).toBe(19);
    expect(Math.min(...counts)).toBeGreaterThan(0);
    const merged = run(['merge', ...shardFiles.reverse(), '--format', 'json']);
    expect(withoutShards(merged.stdout)).toBe(single.stdout);
    const shards = JSON.parse(merged.stdout).shards;
    expect(shards.map((x: { report: string }) => x.report)).toEqual([...shardFiles].sort());
    expect(shards.map((x: { files: number }) => x.files)).toEqual(counts);
    expect(merged.code).toBe(single.code);
    const table = run(['check', 'plans', '--jobs', '1']);
    const mergedTable = run(['merge', ...shardFiles]);
    expect(mergedTable.stdout).toBe(table.stdout);
    expect(mergedTable.stderr).toBe(table.stderr);
  });

  it('refuses overlapping shards, another language and files that are not reports', () => {
    const a = join(dir, 'all.json');
    run(['check', 'plans', '--format', 'json', '--output', a]);
    const twice = run(['merge', a, a]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/shards must not overlap/);
    const lang = run(['merge', a, '--lang', 'en']);
    expect(lang.code).toBe(2);
    expect(lang.stderr).toMatch(/--lang zh/);
    const notReport = run(['merge', join(dir, 'plans', 'broken.yaml')]);
    expect(notReport.code).toBe(2);
    expect(notReport.stderr).toMatch(/^rural-audit: .*broken\.yaml: not a readable JSON report/);
  });

  it('keeps the audit date through --jobs, shards and merge, and refuses shards of different dates', () => {
    const when = ['--today', '2026-12-01'];
    const one = run(['check', 'plans', '--format', 'json', '--jobs', '1', ...when]);
    const two = run(['check', 'plans', '--format', 'json', '--jobs', '2', ...when]);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(one.stdout).asOf).toBe('2026-12-01');
    const shards = [1, 2].map((i) => {
      const out = join(dir, `dated-${i}.json`);
      run(['check', 'plans', '--shard', `${i}/2`, '--format', 'json', '--output', out, ...when]);
      return out;
    });
    expect(withoutShards(run(['merge', ...shards, '--format', 'json']).stdout)).toBe(one.stdout);
    expect(run(['merge', ...shards]).stdout).toContain('；审计日 2026-12-01');
    const other = join(dir, 'dated-other.json');
    run(['check', 'plans', '--shard', '2/2', '--format', 'json', '--output', other, '--today', '2026-11-30']);
    const mixed = run(['merge', shards[0]!, other]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('audited as of 2026-11-30, the others as of 2026-12-01; run every shard with the same --today');
    // Seven runs of the CLI over 19 plans on a machine shared with other work.
  }, 180_000);

  it('are merged by the library, which refuses shards that cannot make one result with its own error type', () => {
    const report = (asOf: string, file: string): JsonReport =>
      ({ reportVersion: 1, tool: { name: 'rural-audit', version: '1.0.0' }, asOf, lang: 'en', files: [{ file, findings: [] }], errors: [], rules: [] }) as unknown as JsonReport;
    expect(mergeReports([report('2026-12-01', 'a.yaml'), report('2026-12-01', 'b.yaml')], ['1.json', '2.json']).files.map((f) => f.file)).toEqual(['a.yaml', 'b.yaml']);
    expect(() => mergeReports([report('2026-12-01', 'a.yaml'), report('2026-11-30', 'b.yaml')], ['1.json', '2.json'])).toThrow(MergeError);
    expect(() => mergeReports([report('2026-12-01', 'a.yaml'), report('2026-12-01', 'a.yaml')], ['1.json', '2.json'])).toThrow(/a\.yaml is in both 1\.json and 2\.json/);
  });

  it('refuses a malformed --shard or --jobs with a usage error', () => {
    for (const args of [['--shard', '3/2'], ['--shard', 'x'], ['--jobs', '0'], ['--jobs', 'many']]) {
      const r = run(['check', 'plans', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^rural-audit: --(shard|jobs)/);
    }
  });
});
