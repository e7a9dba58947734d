// Side by side with Stoplight Spectral: ten of the catalog's checks written as a Spectral ruleset
// (bench/spectral-ruleset.yaml), run on the same files. Spectral is installed into a temporary
// folder, never as a dependency of rural-audit.
//   node bench/spectral.mjs DIR   → prints one JSON line {ms, findings, maxRssKB, invocations}
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SPECTRAL_VERSION = '6.16.3';
const HOME = join(tmpdir(), `rural-audit-bench-spectral-${SPECTRAL_VERSION}`);
const BIN = join(HOME, 'node_modules', '@stoplight', 'spectral-cli', 'dist', 'index.js');
const RULESET = fileURLToPath(new URL('./spectral-ruleset.yaml', import.meta.url));

export function installSpectral() {
  if (existsSync(BIN)) return BIN;
  mkdirSync(HOME, { recursive: true });
  writeFileSync(join(HOME, 'package.json'), '{"private": true}\n');
  process.stderr.write(`installing @stoplight/spectral-cli@${SPECTRAL_VERSION} into ${HOME} …\n`);
  execFileSync('npm', ['install', `@stoplight/spectral-cli@${SPECTRAL_VERSION}`, '--no-audit', '--no-fund', '--no-save', '--loglevel=error'], {
    cwd: HOME,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return BIN;
}

/**
 * Spectral lints the corpus one province folder at a time: in one invocation over all 2,844
 * files it exhausted its 4 GB default heap after more than three minutes on this machine.
 * Times add up; peak RSS is the largest of the runs.
 */
export function runSpectral(dir) {
  const bin = installSpectral();
  const out = join(HOME, 'report.json');
  const probe = join(HOME, 'probe.json');
  const folders = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => join(dir, e.name)).sort();
  let ms = 0;
  let findings = 0;
  let maxRssKB = 0;
  for (const folder of folders.length ? folders : [dir]) {
    const t = process.hrtime.bigint();
    const r = spawnSync(
      process.execPath,
      [fileURLToPath(new URL('./probe.mjs', import.meta.url)), probe, bin, 'lint', `${folder}/*.yaml`, '-r', RULESET, '-f', 'json', '-o', out, '--quiet'],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    ms += Number(process.hrtime.bigint() - t) / 1e6;
    if (r.status !== 0 && r.status !== 1) throw new Error(`spectral exited with ${r.status ?? r.signal} on ${folder}`);
    findings += JSON.parse(readFileSync(out, 'utf8')).length;
    maxRssKB = Math.max(maxRssKB, JSON.parse(readFileSync(probe, 'utf8')).maxRssKB);
  }
  return { ms, findings, maxRssKB, invocations: folders.length || 1 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(runSpectral(process.argv[2] ?? '.bench/corpus')));
}
