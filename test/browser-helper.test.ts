import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { browserRequired, findChromium } from './helpers/browser.js';
import { ROOT } from './helpers/cli.js';

// Only node on PATH: no chromium can be found there.
const bare = mkdtempSync(join(tmpdir(), 'ra-nobrowser-'));
symlinkSync(process.execPath, join(bare, 'node'));
afterAll(() => rmSync(bare, { recursive: true, force: true }));

/** The fixture test under a PATH holding only node, as on a machine without Chromium. */
function runFixture(env: Record<string, string>) {
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'test/fixtures/browser/vitest.config.ts', '--reporter', 'verbose'],
    { cwd: ROOT, encoding: 'utf8', env: { PATH: bare, HOME: process.env.HOME ?? bare, ...env } },
  );
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('browser test helper', () => {
  it('finds Chromium by $CHROMIUM before PATH, and nothing when $CHROMIUM points nowhere', () => {
    const fake = join(bare, 'chromium');
    symlinkSync(process.execPath, fake);
    try {
      expect(findChromium({ PATH: bare }).path).toBe(fake);
      expect(findChromium({ PATH: bare, CHROMIUM: '/nowhere/chromium' })).toEqual({ tried: ['/nowhere/chromium'] });
      expect(findChromium({ PATH: '/nowhere' }).path).toBeUndefined();
    } finally {
      rmSync(fake);
    }
  });

  it('treats CI=true and CI=1 as CI, and CI=false, 0 or unset as not', () => {
    expect([{ CI: 'true' }, { CI: '1' }, { CI: 'false' }, { CI: '0' }, {}].map((e) => browserRequired(e))).toEqual([true, true, false, false, false]);
  });

  it('skips with a loud notice and passes outside CI when no Chromium is found', () => {
    const r = runFixture({ CHROMIUM: '/nowhere/chromium' });
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('!! SKIPPED "a browser test": Chromium not found (looked for /nowhere/chromium)');
    expect(r.out).toMatch(/1 skipped/);
  });

  it('runs the tests with the browser found on PATH when CI is set', () => {
    const fake = join(bare, 'chromium');
    symlinkSync(process.execPath, fake);
    try {
      const r = runFixture({ CI: 'true' });
      expect(r.code, r.out).toBe(0);
      expect(r.out).toMatch(/1 passed/);
    } finally {
      rmSync(fake);
    }
  });

  it('fails when CI is set and no Chromium is found', () => {
    const r = runFixture({ CI: 'true' });
    expect(r.code).toBe(1);
    expect(r.out).toContain('Chromium not found (looked for chromium, chromium-browser); CI is set, so the browser tests are required');
    expect(r.out).toMatch(/1 failed/);
  });
});
