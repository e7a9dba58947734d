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

/**
 * The worker thread's script and cache (dist/bundle/worker.cjs), started as the pool starts it:
 * whether V8 took the cache in a worker, and the audit of one batch.
 */
function workerWith(cache: string): { rejected: string; reply: string } {
  const code = `import { Worker } from 'node:worker_threads';
const { loadBuiltinCatalog } = await import(${JSON.stringify(pathToFileURL(`${ROOT}dist/catalog/builtin.js`).href)});
const setup = { catalog: loadBuiltinCatalog(), waivers: [], today: '2026-12-01', cwd: ${JSON.stringify(ROOT)} };
const body = \`import { WORKER_SCRIPT, loadScript, readCache } from ${JSON.stringify(LOADER)};
import { parentPort } from 'node:worker_threads';
parentPort.postMessage(String(loadScript(WORKER_SCRIPT, ${cache}).script.cachedDataRejected));\`;
const worker = new Worker(body, { eval: true, workerData: setup, resourceLimits: { maxOldGenerationSizeMb: 1024 } });
const rejected = await new Promise((resolve) => worker.once('message', resolve));
worker.postMessage({ indexes: [0], files: [{ path: ${JSON.stringify(`${ROOT}examples/partial.yaml`)}, display: 'examples/partial.yaml' }] });
const reply = await new Promise((resolve) => worker.once('message', resolve));
await worker.terminate();
process.stdout.write(JSON.stringify({ rejected, reply: JSON.stringify({ ...reply, results: reply.results.map((r) => ({ ...r.audit, counts: r.findings?.counts })) }) }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as { rejected: string; reply: string };
}

describe('code cache of the bundled worker thread', () => {
  it('is made by the build and taken in a worker, which audits as without it', () => {
    const cached = workerWith('readCache(WORKER_SCRIPT)');
    const uncached = workerWith('null');
    expect(cached.rejected).toBe('false');
    expect(uncached.rejected).toBe('undefined');
    expect(cached.reply).toBe(uncached.reply);
    expect(JSON.parse(cached.reply).results[0].counts.open.error).toBeGreaterThan(0);
  });
});
