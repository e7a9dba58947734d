import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from '../helpers/cli.js';

const BUILT = join(ROOT, 'dist/rural-audit.html');

describe('rural-audit web', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ra-webcmd-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the page the build made, under the name given', () => {
    const r = cli(['web', '-o', 'audit.html'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('已生成 audit.html：用浏览器打开即可离线审计规划 / wrote audit.html: open it in a browser to audit plans offline\n');
    expect(readFileSync(join(dir, 'audit.html'), 'utf8')).toBe(readFileSync(BUILT, 'utf8'));
  });

  it('writes rural-audit.html by default, replacing an older page whole', () => {
    writeFileSync(join(dir, 'rural-audit.html'), 'old');
    expect(cli(['web'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'rural-audit.html'), 'utf8')).toBe(readFileSync(BUILT, 'utf8'));
  });

  it('is one file under 2 MB, that allows no network access and loads nothing from outside', () => {
    const page = readFileSync(BUILT, 'utf8');
    expect(Buffer.byteLength(page)).toBeLessThan(2 * 1024 * 1024);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)![1]!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'none'");
    // Every schema the page validates with is precompiled: no code is made from strings.
    expect(csp).not.toContain('unsafe-eval');
    expect(page).not.toMatch(/<script[^>]+src=|<link |<img |<iframe|@import/i);
    expect(page.match(/<script/g)).toHaveLength(1);
  });

  it('names the output it cannot write, exit 2', () => {
    const r = cli(['web', '-o', join(dir, 'missing', 'x.html')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/x\.html: cannot write the report: ENOENT/);
  });
});
