#!/usr/bin/env node
/**
 * How long hostile and huge inputs take to be answered, and the memory it costs.
 * Run after `npm run build`: `node bench/hostile-input.mjs [MiB]` (default 5, the default
 * --max-file-size). Each case runs in a fresh process so that peak memory is its own.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CASES = {
  'alias bomb (billion laughs)': () => {
    let s = 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i < 10; i++) s += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
    return s;
  },
  'nesting 50,000 deep (flow)': () => `a: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`,
  'nesting 50,000 deep (block)': () => `${'- '.repeat(50_000)}x\n`,
  'one line of 10M characters': () => `a: ${'x'.repeat(10_000_000)}\n`,
  'alias reused 50,000 times': () => `o: &o {name: x, phone: y}\nl:\n${'  - *o\n'.repeat(50_000)}`,
  'plan at the size limit': (mib) => {
    const base = readFileSync(new URL('../examples/aligned.yaml', import.meta.url), 'utf8');
    const m = /^villages:\n([\s\S]*?)(?=^\S)/m.exec(base);
    let villages = m[1];
    let extra = '';
    while (extra.length < mib * 1024 * 1024 - base.length) extra += villages.replace(/'4399\d+'/g, () => `'${Math.floor(Math.random() * 1e12)}'`);
    return base.replace(m[0], `villages:\n${villages}${extra}`);
  },
};

const child = process.argv[2] === '--case';
if (child) {
  const { parseDocumentBytes } = await import('../dist/plan/load.js');
  const text = CASES[process.argv[3]](Number(process.argv[4]));
  const bytes = Buffer.from(text);
  const t0 = performance.now();
  const r = parseDocumentBytes(bytes, 'x.yaml');
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ bytes: bytes.length, ms: Math.round(ms), rssMB: Math.round(process.resourceUsage().maxRSS / 1024), answer: r.code ?? 'parsed' }));
} else {
  const mib = Number(process.argv[2] ?? 5);
  const self = fileURLToPath(import.meta.url);
  console.log(`| case | bytes | answer | parse ms | peak RSS MB |\n| --- | ---: | --- | ---: | ---: |`);
  for (const name of Object.keys(CASES)) {
    const r = spawnSync(process.execPath, [self, '--case', name, String(mib)], { encoding: 'utf8' });
    if (r.status !== 0) {
      console.log(`| ${name} | | CRASH: ${r.stderr.split('\n')[0]} | | |`);
      continue;
    }
    const x = JSON.parse(r.stdout);
    console.log(`| ${name} | ${x.bytes} | ${x.answer} | ${x.ms} | ${x.rssMB} |`);
  }
}
