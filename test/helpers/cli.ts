import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/rural-audit.js', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the built CLI as a user would, without a terminal and without colour. */
export function cli(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    input: options.input,
    // The audit date is pinned (vitest.config.ts), so that verdicts do not change with the calendar.
    env: { PATH: process.env.PATH ?? '', RURAL_AUDIT_TODAY: process.env.RURAL_AUDIT_TODAY ?? '', ...options.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
