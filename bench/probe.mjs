// Run a script in this process and record its peak resident memory and CPU time (all threads of
// the process: workers, GC and I/O helpers included):
//   node bench/probe.mjs OUT.json SCRIPT [ARGS...]
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [out, script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], resolve(script), ...args];
process.on('exit', () => {
  const r = process.resourceUsage();
  writeFileSync(out, JSON.stringify({ maxRssKB: r.maxRSS, cpuMs: (r.userCPUTime + r.systemCPUTime) / 1000 }));
});
await import(pathToFileURL(resolve(script)).href);
