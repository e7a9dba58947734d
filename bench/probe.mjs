// Run a script in this process and record its peak resident memory (worker threads included):
//   node bench/probe.mjs OUT.json SCRIPT [ARGS...]
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [out, script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], resolve(script), ...args];
process.on('exit', () => writeFileSync(out, JSON.stringify({ maxRssKB: process.resourceUsage().maxRSS })));
await import(pathToFileURL(resolve(script)).href);
