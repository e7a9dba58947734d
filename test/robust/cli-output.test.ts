/** Reports are written whole or not at all, never over an input, and end quietly when cut short. */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cli } from '../helpers/cli.js';
import { scratch, STACK } from './helpers.js';

const MISALIGNED = readFileSync('examples/misaligned.yaml', 'utf8');

/** Enough plans that the run lasts long enough to be interrupted at several points. */
function manyPlans(n: number): string {
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) files[`plans/p${String(i).padStart(3, '0')}.yaml`] = MISALIGNED;
  return scratch(files);
}

describe('output', () => {
  it('refuses to write the report over a plan reached through a hard link, and leaves the plan alone', () => {
    const dir = scratch({ 'plan.yaml': MISALIGNED });
    linkSync(join(dir, 'plan.yaml'), join(dir, 'report.json'));
    const r = cli(['check', 'plan.yaml', '--format', 'json', '--output', 'report.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('rural-audit: report.json: refusing to write a report over an input file\n');
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toBe(MISALIGNED);
  });

  it('leaves no temporary file when the report cannot be put in place', () => {
    const dir = scratch({ 'plan.yaml': MISALIGNED });
    mkdirSync(join(dir, 'report.json'));
    copyFileSync(join(dir, 'plan.yaml'), join(dir, 'report.json', 'keep'));
    const r = cli(['check', 'plan.yaml', '--output', 'report.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^rural-audit: report\.json: cannot write the report: E[A-Z]+\n$/);
    expect(r.stderr).not.toMatch(STACK);
    expect(readdirSync(dir).sort()).toEqual(['plan.yaml', 'report.json']);
  });

  it('ends quietly when the reader goes away (`| head`)', () => {
    const dir = manyPlans(30);
    const r = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${BIN}" check plans --format json | head -c 100 >/dev/null`], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1); // the audit's own verdict (gaps found), not a crash
  });

  it('leaves no half-written report and no temporary file when interrupted (Ctrl-C) at any point', async () => {
    const dir = manyPlans(120);
    // Interrupt at points spread over a whole run, as long as it takes on this machine today.
    const t0 = performance.now();
    spawnSync(process.execPath, [BIN, 'check', 'plans', '--format', 'json', '--output', 'whole.json'], { cwd: dir });
    const whole = performance.now() - t0;
    const delays = [0.35, 0.5, 0.65, 0.8, 0.9, 0.97].map((f) => Math.round(f * whole));
    const runs = delays.map(
      (delay, i) =>
        new Promise<{ code: number | null; signal: string | null; stderr: string; out: string }>((done) => {
          const out = `report-${i}.json`;
          const child = spawn(process.execPath, [BIN, 'check', 'plans', '--format', 'json', '--output', out], { cwd: dir });
          let stderr = '';
          child.stderr.on('data', (d) => (stderr += d));
          setTimeout(() => child.kill('SIGINT'), delay);
          child.on('close', (code, signal) => done({ code, signal, stderr, out }));
        }),
    );
    const results = await Promise.all(runs);
    for (const r of results) {
      expect(r.stderr).not.toMatch(STACK);
      const path = join(dir, r.out);
      if (existsSync(path)) expect(JSON.parse(readFileSync(path, 'utf8')).files).toHaveLength(120);
      // Interrupted: no report at all, not half of one. During the audit Ctrl-C keeps its default
      // action (ended by the signal); once reports are being written, exit code 130.
      else expect(r.code === 130 || (r.code === null && r.signal === 'SIGINT')).toBe(true);
    }
    expect(results.some((r) => r.code === 130 || r.signal === 'SIGINT')).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
