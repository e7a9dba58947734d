// Compare the fast parse path with the yaml path on files: same data, same position for every
// node and for a missing child of every collection. Usage: node bench/equivalence.mjs FILE...
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { parseYaml } from '../dist/plan/parse.js';
import { parseYamlFast } from '../dist/plan/parseFast.js';

export function paths(data, prefix = [], out = []) {
  out.push(prefix);
  if (Array.isArray(data)) {
    data.forEach((v, i) => paths(v, [...prefix, i], out));
    out.push([...prefix, data.length], [...prefix, 'missing']);
  } else if (data && typeof data === 'object') {
    for (const k of Object.keys(data)) paths(data[k], [...prefix, k], out);
    out.push([...prefix, 'missing_key'], [...prefix, 0]);
  } else out.push([...prefix, 'below_scalar']);
  return out;
}

let fast = 0, slow = 0, bad = 0;
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  const a = parseYaml(text);
  const b = parseYamlFast(text);
  if (!b) { slow++; continue; }
  fast++;
  if (!a.ok) { bad++; console.log(`${file}: fast path accepted a file yaml rejects`); continue; }
  if (!isDeepStrictEqual(a.data, b.data)) { bad++; console.log(`${file}: data differ`); continue; }
  for (const p of paths(a.data)) {
    const x = a.locator.locate(p), y = b.locator.locate(p);
    if (!isDeepStrictEqual(x, y)) { bad++; console.log(`${file}: ${JSON.stringify(p)} yaml ${JSON.stringify(x)} fast ${JSON.stringify(y)}`); break; }
  }
}
console.log(`fast ${fast}, fell back ${slow}, differences ${bad}`);
