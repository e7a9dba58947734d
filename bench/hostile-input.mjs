#!/usr/bin/env node
/**
 * How long hostile and huge inputs take to be answered, and the memory it costs.
 * Run after `npm run build`: `node bench/hostile-input.mjs [MiB]` (default 5, the default
 * --max-file-size). Each case runs in a fresh process so that peak memory is its own.
 * The parse cases time the loader alone; the repository cases run the whole `check` command
 * on a generated hostile repository (plans, config, custom rules) and count no temporary file.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

const ALIGNED = () => readFileSync(new URL('../examples/aligned.yaml', import.meta.url), 'utf8');
/** `mib` MiB of unknown keys after a real plan, as the probe of issue 18 sent. */
const unknownKeys = (mib) => {
  const parts = [ALIGNED()];
  let size = Buffer.byteLength(parts[0]);
  for (let i = 0; size < mib * 1024 * 1024 - 64; i++) {
    const line = `zz${i}: 1\n`;
    parts.push(line);
    size += line.length;
  }
  return parts.join('');
};
/**
 * `mib` MiB of unknown keys spread over village mappings, each just under the parser's limit of
 * keys per mapping (MAX_KEYS_PER_MAPPING): what is left when one mapping cannot hold them all.
 */
const unknownKeysSpread = (mib, perMapping = 9_900) => {
  const base = ALIGNED();
  const village = /^  - name: [\s\S]*?(?=^  - )/m.exec(base)[0];
  const keys = Array.from({ length: perMapping }, (_, i) => `    zz${i}: 1\n`).join('');
  const parts = [];
  let size = Buffer.byteLength(base);
  while (size < mib * 1024 * 1024 - Buffer.byteLength(village) - keys.length) {
    parts.push(village, keys);
    size += Buffer.byteLength(village) + keys.length;
  }
  return base.replace(/^villages:\n/m, `villages:\n${parts.join('')}`);
};
const customRule = (match) => `- id: hostile
  area: format
  severity: error
  title: {zh: 敌意规则, en: Hostile rule}
  message: {zh: '{{path}} 不匹配', en: '{{path}} does not match'}
  source: {clauses: [R3.1], quote: 推动村庄规划管理全覆盖}
  remediation: {zh: 修改, en: Fix}
  given: $.items[*]
  then: {function: pattern, options: {match: '${match}'}}
`;

/** Whole repositories: files to write, and the arguments of `check`. */
const REPOSITORIES = {
  'three plans of unknown keys, one run': (mib) => {
    const plan = unknownKeys(mib);
    return { files: { 'a.yaml': plan, 'b.yaml': plan, 'c.yaml': plan }, args: ['check', '.', '--format', 'json', '--output', 'report.json'] };
  },
  'one plan of unknown keys': (mib) => ({ files: { 'a.yaml': unknownKeys(mib) }, args: ['check', 'a.yaml', '--jobs', '1', '--format', 'json', '--output', 'report.json'] }),
  'unknown keys in many mappings, each under the limit': (mib) => ({
    files: { 'a.yaml': unknownKeysSpread(mib) },
    args: ['check', 'a.yaml', '--jobs', '1', '--format', 'json', '--output', 'report.json'],
  }),
  'catastrophic custom pattern': () => ({
    files: {
      'plan.yaml': `items:\n${`  - '${'a'.repeat(100_000)}!'\n`.repeat(10)}`,
      'rural-audit.config.yaml': "rules:\n  '*': off\n  hostile: on\ncustom_rules: [./rules]\n",
      'rules/hostile.yaml': customRule('^(a+)+$'),
    },
    args: ['check', 'plan.yaml', '--format', 'json', '--output', 'report.json'],
  }),
  'finding amplification (20,000 items × 1 rule)': () => ({
    files: {
      'plan.yaml': `items:\n${Array.from({ length: 20_000 }, (_, i) => `  - ${i}\n`).join('')}`,
      'rural-audit.config.yaml': "rules:\n  '*': off\n  hostile: on\ncustom_rules: [./rules]\n",
      'rules/hostile.yaml': customRule('^x$'),
    },
    args: ['check', 'plan.yaml', '--format', 'json', '--output', 'report.json'],
  }),
  "glob '/**'": () => ({ files: {}, args: ['check', '/**/*.no-plan.yaml'] }),
};

const child = process.argv[2] === '--case';
if (process.argv[2] === '--repository') {
  const { files, args } = REPOSITORIES[process.argv[3]](Number(process.argv[4]));
  const dir = mkdtempSync(join(tmpdir(), 'ra-hostile-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  process.chdir(dir);
  const { main } = await import('../dist/cli/main.js');
  // The report goes nowhere (stdout carries this case's figures); stderr's first line is the answer.
  const [stdout, stderr] = [process.stdout.write.bind(process.stdout), process.stderr.write.bind(process.stderr)];
  let firstLine;
  process.stdout.write = () => true;
  process.stderr.write = (s) => ((firstLine ??= String(s).split('\n')[0]), true);
  const t0 = performance.now();
  const code = await main(args);
  const ms = performance.now() - t0;
  [process.stdout.write, process.stderr.write] = [stdout, stderr];
  const temporary = readdirSync(dir).filter((f) => f.endsWith('.tmp')).length;
  const bytes = Object.values(files).reduce((n, t) => n + Buffer.byteLength(t), 0);
  console.log(JSON.stringify({ bytes, ms: Math.round(ms), rssMB: Math.round(process.resourceUsage().maxRSS / 1024), answer: `exit ${code}${firstLine ? `: ${firstLine.slice(0, 60)}` : ''}; ${temporary} tmp` }));
  process.exit(0);
} else if (child) {
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
  /** One table: each case in a fresh process (`flag` picks the kind), its figures as a row. */
  const table = (heading, flag, names) => {
    console.log(`| ${heading} | bytes | answer | ms | peak RSS MB |\n| --- | ---: | --- | ---: | ---: |`);
    for (const name of names) {
      const r = spawnSync(process.execPath, [self, flag, name, String(mib)], { encoding: 'utf8' });
      if (r.status !== 0) {
        console.log(`| ${name} | | CRASH: ${r.stderr.split('\n')[0]} | | |`);
        continue;
      }
      const x = JSON.parse(r.stdout);
      console.log(`| ${name} | ${x.bytes} | ${x.answer.replace(/\|/g, '\\|')} | ${x.ms} | ${x.rssMB} |`);
    }
  };
  table('parse case', '--case', Object.keys(CASES));
  console.log('');
  table('repository (whole check)', '--repository', Object.keys(REPOSITORIES));
}
