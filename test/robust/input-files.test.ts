import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { tmpTree } from '../helpers/tmp.js';

/**
 * Every input file besides plans — config, profile, custom rule file, waivers file, baseline —
 * goes through the plans' bounded loader: a FIFO, a device or an oversize file is one error
 * line and exit 2, never a read (a FIFO would block the run forever, /dev/zero fill memory).
 */
function check(dir: string, args: string[]) {
  // The timeout only keeps a regression from hanging the suite; a killed run fails on its code.
  const r = spawnSync(process.execPath, [BIN, 'check', 'plan.yaml', '--lang', 'en', '--today', '2026-12-01', ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 20_000,
    env: { PATH: process.env.PATH ?? '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function repo(files: Record<string, string> = {}): string {
  const dir = tmpTree(files);
  copyFileSync('examples/aligned.yaml', join(dir, 'plan.yaml'));
  spawnSync('mkfifo', [join(dir, 'fifo.yaml')]);
  return dir;
}

describe('input files other than plans', () => {
  it('a config that extends a FIFO or /dev/zero: one error line, exit 2', () => {
    const fifo = check(repo({ 'rural-audit.config.yaml': 'extends: ./fifo.yaml\n' }), []);
    expect([fifo.code, fifo.stderr]).toEqual([2, 'fifo.yaml: error: not a regular file (FIFO)\n']);
    const zero = check(repo({ 'rural-audit.config.yaml': 'extends: /dev/zero\n' }), []);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toMatch(/^[./]*dev\/zero: error: not a regular file \(device\)\n$/);
  });

  it('--config naming a FIFO: one error line, exit 2', () => {
    const r = check(repo(), ['--config', 'fifo.yaml']);
    expect([r.code, r.stderr]).toEqual([2, 'fifo.yaml: error: not a regular file (FIFO)\n']);
  });

  it('a config whose waivers: names /dev/zero or a FIFO: that error, and the plan still audited', () => {
    for (const target of ['/dev/zero', 'fifo.yaml']) {
      const r = check(repo({ 'rural-audit.config.yaml': `waivers: [${target}]\n` }), ['-f', 'json']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^[./]*(dev\/zero|fifo\.yaml): error: not a regular file \((device|FIFO)\)\n$/);
      expect(JSON.parse(r.stdout).files.map((f: { file: string }) => f.file)).toEqual(['plan.yaml']);
    }
  });

  it('--waivers and --baseline on a FIFO: one error line each, exit 2', () => {
    const waivers = check(repo(), ['--waivers', 'fifo.yaml', '-f', 'json']);
    expect([waivers.code, waivers.stderr]).toEqual([2, 'fifo.yaml: error: not a regular file (FIFO)\n']);
    const baseline = check(repo(), ['--baseline', 'fifo.yaml']);
    expect([baseline.code, baseline.stderr, baseline.stdout]).toEqual([2, 'fifo.yaml: error: not a regular file (FIFO)\n', '']);
  });

  it('a custom rule file that is a link to /dev/zero: one error line, exit 2', () => {
    const dir = repo({ 'rural-audit.config.yaml': 'custom_rules: [local]\n' });
    mkdirSync(join(dir, 'local'));
    symlinkSync('/dev/zero', join(dir, 'local', 'zero.yaml'));
    const r = check(dir, []);
    expect([r.code, r.stderr]).toEqual([2, 'local/zero.yaml: error: not a regular file (device)\n']);
  });

  it('an oversize config, profile or baseline: refused by its size before it is read, with the fixed limit', () => {
    const big = `# ${'x'.repeat(1024 * 1024)}\n`;
    const config = check(repo({ 'rural-audit.config.yaml': big }), []);
    expect(config.code).toBe(2);
    expect(config.stderr).toBe(
      `rural-audit.config.yaml: error: the file is ${big.length} bytes, over the limit of 1048576 bytes (the fixed limit for config, rule, waiver and baseline files)\n`,
    );
    const profile = check(repo({ 'rural-audit.config.yaml': 'extends: ./big.yaml\n', 'big.yaml': big }), []);
    expect(profile.stderr).toMatch(/^big\.yaml: error: the file is \d+ bytes, over the limit of 1048576 bytes/);
    const dir = repo();
    writeFileSync(join(dir, 'baseline.json'), Buffer.alloc(64 * 1024 * 1024 + 1, 0x20));
    const baseline = check(dir, ['--baseline', 'baseline.json']);
    expect([baseline.code, baseline.stderr]).toEqual([
      2,
      'baseline.json: error: the file is 67108865 bytes, over the limit of 67108864 bytes (the fixed limit for config, rule, waiver and baseline files)\n',
    ]);
  });

  it('a config with an alias bomb or nesting past the plans\' limit: the plans\' error codes', () => {
    const deep = `rules: ${'['.repeat(150)}${']'.repeat(150)}\n`;
    const r = check(repo({ 'rural-audit.config.yaml': deep }), []);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('rural-audit.config.yaml:1:107: error: nested more than 100 levels deep\n');
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    const bomb = names.map((n, i) => `${n}: &${n} [${Array(10).fill(i === 0 ? 'x' : `*${names[i - 1]}`).join(', ')}]`).join('\n');
    const aliases = check(repo({ 'rural-audit.config.yaml': `${bomb}\n` }), []);
    expect(aliases.code).toBe(2);
    expect(aliases.stderr).toMatch(/^rural-audit\.config\.yaml:\d+:\d+: error: aliases expand to more than 100000 nodes: possibly an alias bomb\n$/);
  });
});
