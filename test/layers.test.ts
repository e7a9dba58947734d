import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CONFIG = fileURLToPath(new URL('../.dependency-cruiser.cjs', import.meta.url));
const BIN = fileURLToPath(new URL('../node_modules/dependency-cruiser/bin/dependency-cruise.mjs', import.meta.url));

/** dependency-cruiser over `src` of `cwd` with the repository's layer rules. */
function cruise(cwd: string) {
  const r = spawnSync(process.execPath, [BIN, 'src', '--config', CONFIG, '--output-type', 'err'], { cwd, encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** The dependency direction CONTRIBUTING.md documents, enforced (.dependency-cruiser.cjs). */
describe('layers', () => {
  // A generous timeout: the cruise takes seconds, but the suite shares two cores with other work.
  it('src has no back-edge and no import cycle', { timeout: 180_000 }, () => {
    const r = cruise(ROOT);
    expect(r.out).toContain('no dependency violations found');
    expect(r.code).toBe(0);
  });

  it('fails on a back-edge and on a cycle (fixture)', { timeout: 180_000 }, () => {
    const r = cruise(fileURLToPath(new URL('./fixtures/layers/', import.meta.url)));
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/error cli-is-the-top: src\/engine\/reach\.ts → src\/cli\/entry\.ts/);
    expect(r.out).toMatch(/error no-cycles: src\/plan\/a\.ts → \s*src\/plan\/b\.ts/);
  });
});
