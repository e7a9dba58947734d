import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

/**
 * Waivers and owners are applied with the plan at hand; on worker threads (--jobs 2) a plan's own
 * waivers must still waive, and the report must be the one --jobs 1 gives.
 */
describe('--jobs with waivers and owners', () => {
  it('gives the single-thread report, waived gap and owners included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-jobs-waivers-'));
    const partial = readFileSync('examples/partial.yaml', 'utf8');
    // More plans than one batch (8, src/audit/pool.ts), so that the run goes to worker threads.
    for (let i = 1; i <= 9; i++) copyFileSync('examples/partial.yaml', join(dir, `p${i}.yaml`));
    writeFileSync(
      join(dir, 'p3.yaml'),
      `${partial}waivers:\n  - rule: secretary-chain-five-levels\n    justification: 乡镇党委换届中\n    approved_by: 青岚市委农办\n    expires: '2027-03-31'\n`,
    );
    const one = cli(['check', dir, '-f', 'json', '--jobs', '1', '--today', '2026-11-29']);
    const two = cli(['check', dir, '-f', 'json', '--jobs', '2', '--today', '2026-11-29']);
    expect(two.stdout).toBe(one.stdout);
    expect(two.code).toBe(one.code);
    const report = JSON.parse(two.stdout);
    const waived = report.files.flatMap((f: { findings: { waiver?: unknown }[] }) => f.findings.filter((x) => x.waiver));
    expect(waived).toHaveLength(1);
    expect(report.files[0].findings.every((x: { owner?: unknown }) => x.owner)).toBe(true);
  });
});

describe('progress on worker threads', () => {
  it('reports every file as the workers finish it, as the in-order path does', async () => {
    // The built module: worker threads load dist/audit/worker.js.
    const { auditPaths } = (await import(new URL('../../dist/audit/run.js', import.meta.url).href)) as typeof import('../../src/audit/run.js');
    const dir = mkdtempSync(join(tmpdir(), 'ra-jobs-progress-'));
    const names = Array.from({ length: 12 }, (_, i) => `p${String(i).padStart(2, '0')}.yaml`);
    names.forEach((name, i) => copyFileSync(i % 3 ? 'examples/partial.yaml' : 'examples/aligned.yaml', join(dir, name)));
    // Four plans stay on the calling thread; twelve are more than one batch and go to workers.
    for (const [count, jobs] of [[4, 1], [4, 2], [12, 1], [12, 2]] as const) {
      const seen: [number, number, string][] = [];
      await auditPaths(names.slice(0, count), { cwd: dir, jobs, onFile: (done, total, file) => seen.push([done, total, file]) });
      expect(seen.map(([done]) => done)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
      expect(seen.every(([, total]) => total === count)).toBe(true);
      expect(seen.map(([, , file]) => file).sort()).toEqual(names.slice(0, count));
    }
  });
});
