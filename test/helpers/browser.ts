/**
 * Chromium for the browser tests: the system's (Debian's /usr/bin/chromium, which .ci/run
 * installs), driven by playwright-core; a browser is never downloaded. Without one the tests are
 * skipped with a loud notice on a developer's machine, and fail in CI (CI set), where it must be.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The flags every browser test starts Chromium with: headless, and nothing that reaches the network. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

function find(): string | undefined {
  const named = process.env.CHROMIUM;
  if (named && existsSync(named)) return named;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(candidate)) return candidate;
  for (const name of ['chromium', 'chromium-browser']) {
    const found = spawnSync('sh', ['-c', `command -v "${name}"`], { encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  return undefined;
}

/** The Chromium executable, or undefined (after a notice) when the browser tests must be skipped. */
export function chromiumPath(): string | undefined {
  const path = find();
  if (path) return path;
  const message = 'Chromium not found (apt-get install -y chromium, as .ci/run does, or set CHROMIUM=/path)';
  if (process.env.CI) throw new Error(`${message}: the browser tests cannot be skipped in CI`);
  process.stderr.write(`\n!!! ${message}: SKIPPING the browser tests !!!\n\n`);
  return undefined;
}
