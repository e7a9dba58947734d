// Start-up of short commands as whole processes: `node -e 0`, `--version`, `--help` and a one-plan
// `check`, each run many times, interleaved so that a change in the machine's load touches all
// alike. Wall time is the median; CPU time (user + system of the whole process, all threads) the
// least of the runs, which other work on a shared machine disturbs far less (docs/performance.md).
//
//   node bench/startup.mjs [--runs N] [--cli DIR ...]
//
// Each --cli names a package folder holding bin/rural-audit.js (default: this one), so that two
// builds can be measured side by side in the same run (a copy of the build before a change, and
// after it). bench/run.mjs uses startup() for its start-up figures.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** Preloaded into every measured process: writes its CPU time when it exits. */
const CPU_AT_EXIT = join(ROOT, 'bench', 'cpu-at-exit.cjs');

/**
 * Run each command `runs` times, interleaved; per command the median wall time and the least CPU
 * time, in ms. A command is [label, argv, cwd?].
 */
export function startup(commands, runs = 31) {
  const dir = mkdtempSync(join(tmpdir(), 'ra-startup-'));
  const wall = commands.map(() => []);
  const cpu = commands.map(() => []);
  try {
    for (let i = 0; i < runs; i++) {
      commands.forEach(([, argv, cwd], k) => {
        const out = join(dir, `${k}-${i}.json`);
        const t = process.hrtime.bigint();
        spawnSync(process.execPath, ['-r', CPU_AT_EXIT, ...argv], { cwd: cwd ?? ROOT, stdio: 'ignore', env: { ...process.env, RA_CPU_AT_EXIT: out } });
        wall[k].push(Number(process.hrtime.bigint() - t) / 1e6);
        cpu[k].push(JSON.parse(readFileSync(out, 'utf8')).cpuMs);
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return commands.map(([label], k) => ({ label, wallMs: median(wall[k]), cpuMs: Math.min(...cpu[k]) }));
}

/**
 * The start-up commands of one package folder. The plans are this checkout's, by absolute path:
 * a package folder (a copy of an earlier build) need not hold examples/, and a check of a file
 * that is not there would measure an error instead of an audit.
 */
export function commandsOf(pkg, tag = '') {
  const cli = join(pkg, 'bin', 'rural-audit.js');
  const plan = (name) => join(ROOT, 'examples', name);
  return [
    [`${tag}rural-audit --version`, [cli, '--version'], pkg],
    [`${tag}rural-audit --help`, [cli, '--help'], pkg],
    [`${tag}check examples/aligned.yaml`, [cli, 'check', plan('aligned.yaml'), '--today', '2026-12-01'], pkg],
    [`${tag}check examples/partial.yaml`, [cli, 'check', plan('partial.yaml'), '--today', '2026-12-01'], pkg],
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 31;
  const pkgs = args.flatMap((a, i) => (args[i - 1] === '--cli' ? [resolve(a)] : []));
  const folders = pkgs.length ? pkgs : [ROOT];
  const load = () => loadavg().map((x) => x.toFixed(2)).join(', ');
  const loadStart = load();
  const results = startup([['node -e 0', ['-e', '0']], ...folders.flatMap((p, i) => commandsOf(p, folders.length > 1 ? `[${i + 1}] ` : ''))], runs);
  const node = results[0];
  console.log(`${'command'.padEnd(44)}${'wall (median)'.padStart(15)}${'CPU (least)'.padStart(13)}${'wall / node'.padStart(13)}${'CPU / node'.padStart(12)}`);
  for (const r of results) {
    console.log(
      `${r.label.padEnd(44)}${`${r.wallMs.toFixed(0)} ms`.padStart(15)}${`${r.cpuMs.toFixed(0)} ms`.padStart(13)}${(r.wallMs / node.wallMs).toFixed(2).padStart(13)}${(r.cpuMs / node.cpuMs).toFixed(2).padStart(12)}`,
    );
  }
  if (folders.length > 1) folders.forEach((p, i) => console.log(`[${i + 1}] ${p}`));
  console.log(`${runs} runs each, interleaved; load average (1, 5, 15 min) at the start and at the end: ${loadStart} / ${load()}`);
}
