import { spawnSync } from 'node:child_process';

/**
 * The system's Chromium (Debian's, which .ci/run installs), or undefined. `$CHROMIUM` names
 * another. Never downloads one.
 */
export function findChromium(): string | undefined {
  for (const name of [process.env.CHROMIUM, 'chromium', 'chromium-browser'].filter(Boolean) as string[]) {
    const found = spawnSync('sh', ['-c', `command -v "${name}"`], { encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  return undefined;
}

/**
 * Chromium for a browser test. Without one the test skips with a loud notice on a developer's
 * machine, and fails in CI (`CI` set), where a skipped browser test would hide a broken page.
 */
export function chromiumOrSkip(): string | undefined {
  const found = findChromium();
  if (found) return found;
  if (process.env.CI) throw new Error('chromium not found: install it (apt-get install -y chromium), as .ci/run does');
  process.stderr.write('\n*** SKIPPED browser tests: chromium not found (apt-get install -y chromium, or set $CHROMIUM) ***\n\n');
  return undefined;
}

/** Flags for a headless run that fetches nothing and leaves no trace outside `profile`. */
export const headlessFlags = (profile: string): string[] => [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  `--user-data-dir=${profile}`,
];
