// Preloaded by bench/startup.mjs (`node -r`): when the process exits, write its CPU time (user +
// system, all threads, since the process started) to the file named by RA_CPU_AT_EXIT.
const { writeFileSync } = require('node:fs');

const out = process.env.RA_CPU_AT_EXIT;
if (out) {
  process.on('exit', () => {
    const r = process.resourceUsage();
    writeFileSync(out, JSON.stringify({ cpuMs: (r.userCPUTime + r.systemCPUTime) / 1000 }));
  });
}
