/** The file system as it comes: missing, linked, looping, unreadable, repeated, special. */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cli, ROOT } from '../helpers/cli.js';
import { scratch, STACK } from './helpers.js';

const ALIGNED = readFileSync('examples/aligned.yaml', 'utf8');

describe('file system problems: one line each, exit 2, the good plan still audited', () => {
  const dir = scratch({ 'good.yaml': ALIGNED, 'folder.yaml/inner.yaml': ALIGNED, 'sub/also.yml': ALIGNED });
  symlinkSync(join(dir, 'nowhere.yaml'), join(dir, 'dangling.yaml'));
  symlinkSync(join(dir, 'loop-b.yaml'), join(dir, 'loop-a.yaml'));
  symlinkSync(join(dir, 'loop-a.yaml'), join(dir, 'loop-b.yaml'));
  symlinkSync(dir, join(dir, 'sub', 'up')); // a folder loop: sub/up → the folder itself
  mkdirSync(join(dir, 'empty-folder'));
  const r = cli(['check', '.', 'missing.yaml', 'empty-folder', 'plans/**/*.yaml', 'good.yaml', './good.yaml', '--format', 'json', '--lang', 'en'], { cwd: dir });
  const report = JSON.parse(r.stdout);

  it('exits 2 without a stack trace', () => {
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('names each problem on its own line, sorted by file', () => {
    expect(r.stderr.trim().split('\n')).toEqual([
      'empty-folder: error: matches no YAML file',
      'plans/**/*.yaml: error: matches no YAML file',
      'dangling.yaml: error: symbolic link to a file that does not exist',
      'loop-a.yaml: error: symbolic links loop',
      'loop-b.yaml: error: symbolic links loop',
      'missing.yaml: error: no such file',
    ]);
  });

  it('audits each real plan once: a folder named x.yaml is searched, links to folders followed once, a path given twice read once', () => {
    const audited = report.files.filter((f: { error?: unknown }) => !f.error).map((f: { file: string }) => f.file);
    expect(audited).toEqual(['folder.yaml/inner.yaml', 'good.yaml', 'sub/also.yml']);
    for (const f of report.files.filter((x: { error?: unknown }) => !x.error)) expect(f.findings).toEqual([]);
  });
});

describe('order of the arguments', () => {
  it('changes neither the report nor the error lines', () => {
    const dir = scratch({ 'a.yaml': ALIGNED, 'b.yaml': 'a: "\n', 'c/d.yaml': ALIGNED });
    const args = ['a.yaml', 'b.yaml', 'missing.yaml', 'nothing/*.yaml', 'c'];
    const one = cli(['check', ...args, '--format', 'json'], { cwd: dir });
    const two = cli(['check', ...[...args].reverse(), '--format', 'json'], { cwd: dir });
    expect(one.code).toBe(2);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
    expect(one.stderr.trim().split('\n')).toHaveLength(3);
  });
});

describe('special files', () => {
  it('refuses a folder, a FIFO and a device given by name, without waiting on them', () => {
    const dir = scratch({ 'good.yaml': ALIGNED });
    mkdirSync(join(dir, 'plans.yaml'));
    spawnSync('mkfifo', [join(dir, 'pipe.yaml')]);
    const r = cli(['check', 'good.yaml', 'pipe.yaml', '/dev/zero', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('pipe.yaml: error: not a regular file (FIFO)\n');
    expect(r.stderr).toMatch(/dev\/zero: error: not a regular file \(device\)\n/);
    expect(r.stdout).toContain('1 file(s) audited');
  });
});

/**
 * chmod 000 does not stop root, and the suite may run as root (CI does): then the CLI runs as
 * `nobody`, for whom the file is unreadable. Skipped only where neither can be arranged.
 */
const asRoot = process.getuid?.() === 0;
const nobodyCanRun =
  !asRoot || spawnSync(process.execPath, [BIN, '--version'], { cwd: ROOT, uid: 65534, gid: 65534 }).status === 0;

describe.skipIf(!nobodyCanRun)('unreadable files', () => {
  it('reports a file without read permission, and audits the rest', () => {
    const dir = scratch({ 'good.yaml': ALIGNED, 'secret.yaml': ALIGNED });
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'good.yaml'), 0o644);
    chmodSync(join(dir, 'secret.yaml'), 0o000);
    const r = spawnSync(process.execPath, [BIN, 'check', 'good.yaml', 'secret.yaml', '--lang', 'en'], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('secret.yaml: error: cannot read the file (EACCES): check its permissions\n');
    expect(r.stdout).toContain('1 file(s) audited');
  });
});
