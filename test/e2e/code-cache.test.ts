import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT, cli } from '../helpers/cli.js';

const LOADER = pathToFileURL(`${ROOT}bin/cli-script.js`).href;

/**
 * The CLI compiled in a fresh node with the cache given by `cache` (an expression: readCache(),
 * null, a Buffer), running `args`: whether V8 took the cache, then the run's stdout.
 */
function runWith(cache: string, args: string[]): { rejected: string; stdout: string; code: number | null } {
  const code = `const { loadCli, readCache } = await import(${JSON.stringify(LOADER)});
const { exports: cli, script } = loadCli(${cache});
process.stderr.write(String(script.cachedDataRejected));
process.exitCode = await cli.main(${JSON.stringify(args)});`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', RURAL_AUDIT_TODAY: process.env.RURAL_AUDIT_TODAY ?? '' },
  });
  return { rejected: r.stderr, stdout: r.stdout, code: r.status };
}

/** The build's V8 code cache for the bundled CLI (scripts/bundle-cli.mjs, bin/cli-script.js). */
describe('code cache of the bundled CLI', () => {
  const args = ['check', 'examples/partial.yaml'];
  const expected = cli(args);

  it('is made by the build and taken by the node that built it', () => {
    expect(runWith('readCache()', args)).toEqual({ rejected: 'false', stdout: expected.stdout, code: expected.code });
  });

  it('rejected (another V8 or other flags) or absent, the CLI runs the same without it', () => {
    expect(runWith("Buffer.from('not a code cache')", args)).toEqual({ rejected: 'true', stdout: expected.stdout, code: expected.code });
    expect(runWith('null', args)).toEqual({ rejected: 'undefined', stdout: expected.stdout, code: expected.code });
    expect(expected.stdout).toContain('partial.yaml');
  });
});
