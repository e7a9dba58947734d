import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cli } from '../helpers/cli.js';
import { planCopy } from '../report/helpers.js';

/** `check ARGS --watch` in `cwd`, its output as it comes, and a wait for what it prints. */
function watching(args: string[], cwd: string) {
  const child = spawn(process.execPath, [BIN, 'check', ...args, '--watch', '--lang', 'en', '-f', 'compact'], {
    cwd,
    // The pinned audit date (vitest.config.ts), as cli() passes it: on a later date the edited
    // kept_until would have lapsed too, and 77:17 would never leave the report.
    env: { PATH: process.env.PATH ?? '', RURAL_AUDIT_TODAY: process.env.RURAL_AUDIT_TODAY ?? '' },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return {
    out: () => out,
    err: () => err,
    /** Each report printed so far: every report after the first starts by clearing the screen. */
    reports: () => out.split('\u001b[2J\u001b[3J\u001b[H'),
    // Waits for output, not for a time: the deadline only stops a hung run.
    until: async (ok: () => boolean) => {
      for (let i = 0; i < 600 && !ok(); i++) await new Promise((r) => setTimeout(r, 50));
      expect(ok(), `stdout:\n${out}\nstderr:\n${err}`).toBe(true);
    },
    stop: () => child.kill('SIGINT'),
  };
}

/** The flags users of ESLint, Spectral and Checkov reach for, on the built CLI. */
describe('check flags', () => {
  it('--quiet reports errors only, in every format, and keeps the exit code', () => {
    const r = cli(['check', 'examples/misaligned.yaml', '--quiet', '-f', 'compact']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(5);
    for (const l of lines) expect(l).toMatch(/^examples\/misaligned\.yaml:\d+:\d+: error /);
    expect(cli(['check', 'examples/misaligned.yaml', '-f', 'compact']).stdout).toContain(': warning terrain-declared ');
  });

  it('--max-warnings N fails a run with more warnings than N, even under --quiet', () => {
    // Every rule a warning: partial.yaml then has 6 warnings and no error.
    const base = ['check', 'examples/partial.yaml', '--rule', '*=warning', '-f', 'compact'];
    expect(cli(base).code).toBe(0);
    expect(cli([...base, '--max-warnings', '6']).code).toBe(0);
    const over = cli([...base, '--max-warnings', '5', '--lang', 'en']);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('6 warning(s), more than --max-warnings 5\n');
    const quiet = cli([...base, '--max-warnings', '5', '--quiet']);
    expect(quiet).toMatchObject({ code: 1, stdout: '' });
    expect(cli([...base, '--max-warnings', 'many']).code).toBe(2);
  });

  it('-f compact prints file:line:col: severity rule message, one line per gap', () => {
    const r = cli(['check', 'examples/partial.yaml', '-f', 'compact', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')).toContain(
      'examples/partial.yaml:77:17: error no-removal-through-transition no_removals.supervision.kept_until is kept only until 2023-12-31, before 2025-12-31 (the later of the end of the transition period and of the plan period)',
    );
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(6);
  });

  it('--rule ID=LEVEL turns a rule off or changes its severity, over the config, and refuses unknown ids', () => {
    const off = cli(['check', 'examples/partial.yaml', '-f', 'compact', '--rule', 'village-plan-coverage=off']);
    expect(off.stdout).not.toContain('village-plan-coverage');
    expect(off.stdout.trimEnd().split('\n')).toHaveLength(5);
    const warn = cli(['check', 'examples/partial.yaml', '-f', 'compact', '--rule', 'area:no-removals=warning']);
    expect(warn.stdout).toContain('examples/partial.yaml:77:17: warning no-removal-through-transition ');
    const plan = planCopy('examples/partial.yaml', (t) => t);
    writeFileSync(join(plan.dir, 'rural-audit.config.yaml'), 'rules:\n  village-plan-coverage: off\n');
    const back = cli(['check', 'plan.yaml', '-f', 'compact', '--rule', 'village-plan-coverage=error'], { cwd: plan.dir });
    expect(back.stdout).toContain('plan.yaml:231:5: error village-plan-coverage ');
    const bad = cli(['check', 'examples/partial.yaml', '--rule', 'village-plan-coverag=off']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--rule village-plan-coverag=off: unknown rule id or area village-plan-coverag');
    expect(cli(['check', 'examples/partial.yaml', '--rule', 'village-plan-coverage=loud']).code).toBe(2);
  });

  it('--watch re-audits the plan that changed, clears the screen and prints the whole report again', async () => {
    const plan = planCopy('examples/partial.yaml', (t) => t);
    const run = watching(['plan.yaml'], plan.dir);
    try {
      await run.until(() => run.err().includes('watching: saving a plan audits it again'));
      expect(run.out()).toContain('plan.yaml:77:17: error no-removal-through-transition');
      const file = join(plan.dir, 'plan.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace("kept_until: '2023-12-31'", "kept_until: '2025-12-31'"));
      await run.until(() => run.reports().length > 1 && run.reports().at(-1)!.includes('plan.yaml:231:5:') && !run.reports().at(-1)!.includes(':77:17:'));
      expect(run.reports().at(-1)!.trimEnd().split('\n')).toHaveLength(4);
      expect(run.err()).toContain('re-audited plan.yaml');
    } finally {
      run.stop();
    }
  });

  it('--watch with a glob audits each new plan that matches it and re-audits the plans it matched', async () => {
    const plan = planCopy('examples/partial.yaml', (t) => t);
    mkdirSync(join(plan.dir, 'plans'));
    const run = watching(['plans/*.yaml'], plan.dir);
    try {
      await run.until(() => run.err().includes('watching: saving a plan audits it again'));
      expect(run.out()).toContain('plans/*.yaml:1:1: error no-match');
      const a = join(plan.dir, 'plans', 'a.yaml');
      renameSync(join(plan.dir, 'plan.yaml'), a);
      await run.until(() => run.err().includes('re-audited plans/a.yaml'));
      await run.until(() => run.reports().at(-1)!.includes('plans/a.yaml:77:17: error no-removal-through-transition'));
      // The glob matches a plan now: its "matches nothing" goes with the first one.
      expect(run.reports().at(-1)).not.toContain('no-match');
      writeFileSync(a, readFileSync(a, 'utf8').replace("kept_until: '2023-12-31'", "kept_until: '2025-12-31'"));
      await run.until(() => !run.reports().at(-1)!.includes('plans/a.yaml:77:17:'));
      // Not a plan the glob names: no audit.
      writeFileSync(join(plan.dir, 'plans', 'notes.txt'), 'x');
      copyFileSync(a, join(plan.dir, 'plans', 'b.yaml'));
      await run.until(() => run.err().includes('re-audited plans/b.yaml'));
      const last = run.reports().at(-1)!;
      expect(last).toContain('plans/a.yaml:231:5:');
      expect(last).toContain('plans/b.yaml:231:5:');
      expect(run.err()).not.toContain('notes.txt');
    } finally {
      run.stop();
    }
  });
});
