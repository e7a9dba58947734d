import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { describe, it } from 'vitest';

/** Names Debian and other distributions give the Chromium binary, looked up on PATH. */
const NAMES = ['chromium', 'chromium-browser'];

export interface BrowserLookup {
  /** Absolute path of the browser, when one was found. */
  path?: string;
  /** What was looked for, for the notice when nothing was found. */
  tried: string[];
}

/**
 * Chromium for the browser tests: `$CHROMIUM` when set (a path or a name on PATH; when it is set
 * and points nowhere nothing else is tried, so a wrong setting is never hidden by another
 * browser), else `chromium` or `chromium-browser` on PATH.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): BrowserLookup {
  const wanted = env.CHROMIUM ? [env.CHROMIUM] : NAMES;
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of wanted) {
    const candidates = isAbsolute(name) || name.includes('/') ? [name] : dirs.map((d) => join(d, name));
    for (const c of candidates) {
      try {
        accessSync(c, constants.X_OK);
        return { path: c, tried: wanted };
      } catch {
        // not this one
      }
    }
  }
  return { tried: wanted };
}

/** CI runs must run every browser test: `.ci/run` sets CI=true, as GitHub, GitLab and Jenkins do. */
export function browserRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

const INSTALL = 'install it (apt-get install -y chromium) or point CHROMIUM at it';

/**
 * A describe block that needs Chromium. With a browser, `body` gets its path. Without one, the
 * block is skipped with a loud notice on stderr — unless CI is set, where it fails instead: a CI
 * machine without the browser is a broken CI machine, not a reason to pass.
 */
export function describeWithChromium(name: string, body: (chromium: string) => void): void {
  const found = findChromium();
  if (found.path) {
    describe(name, () => body(found.path!));
    return;
  }
  const what = `Chromium not found (looked for ${found.tried.join(', ')})`;
  if (browserRequired()) {
    describe(name, () => {
      it('has Chromium, which CI requires', () => {
        throw new Error(`${what}; CI is set, so the browser tests are required: ${INSTALL}`);
      });
    });
    return;
  }
  process.stderr.write(
    `\n${'!'.repeat(72)}\n!! SKIPPED "${name}": ${what}.\n!! ${INSTALL}; CI=true makes these tests required.\n${'!'.repeat(72)}\n\n`,
  );
  describe.skip(name, () => body(''));
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
