// The parse floor: read every plan and parse it with positions, the fastest correct way the
// tool has (the fast path; the yaml path where it declines). Nothing else.
//   node bench/parse-floor.mjs DIR
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml } from '../dist/plan/parse.js';
import { parseYamlFast } from '../dist/plan/parseFast.js';

function* walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.isDirectory()) yield* walk(join(dir, e.name));
    else if (/\.ya?ml$/.test(e.name)) yield join(dir, e.name);
  }
}
let files = 0;
let declined = 0;
let bytes = 0;
for (const file of walk(process.argv[2])) {
  const buf = readFileSync(file);
  bytes += buf.length;
  const text = buf.toString('utf8');
  const parsed = parseYamlFast(text) ?? (declined++, parseYaml(text));
  // Ask for one position, as a finding would: the locator's lazy work is part of the floor.
  if (parsed.ok) parsed.locator.locate(['villages', 0, 'plan']);
  files++;
}
console.log(JSON.stringify({ files, bytes, declined }));
