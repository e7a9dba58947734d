// The last step of `npm run build`: the compiled CLI and its worker thread, bundled with their
// dependencies into dist/bundle/, so that starting the CLI reads a few files instead of some three
// hundred modules (docs/performance.md, "Start-up"). The library (dist/index.js) stays unbundled.
//
// The CLI is one CommonJS script, cli.cjs, with a V8 code cache beside it, cli.cjs.cache, made
// here by running it once: bin/cli-script.js compiles the script with that cache, which spares V8
// parsing and compiling what a run uses (Node 20 has no module compile cache; a vm.Script takes
// cachedData only for a script, not an ES module). exceljs, docx and jszip (2.8 MB, for the xlsx
// and docx formats and villages read from xlsx) stay out of it, required from node_modules when
// used. The worker thread is a script of its own made the same way, worker.cjs with its cache,
// started by dist/bundle/worker.js, which loads it as bin/cli-script.js loads the CLI.
//
// Modules find their data next to themselves (the catalog snapshot, the precompiled validator,
// rules/, package.json) through import.meta.url; inside a bundle that would be the bundle's URL,
// so each module's import.meta.url is rewritten to its own file in dist/. The worker pool keeps
// the bundle's URL, so that the bundled CLI starts the bundled worker beside it.
import { readFile, rm } from 'node:fs/promises';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { CACHE, SCRIPT, WORKER_SCRIPT, WRAPPER, loadCli, loadScript } from '../bin/cli-script.js';
import { bundledRequire } from './bundled-require.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = join(ROOT, 'dist');
const OUT = join(DIST, 'bundle');
const POOL = join(DIST, 'audit', 'pool.js');

/** import.meta.url rewritten; `bundleUrl` is the expression for the bundle's own URL. */
const ownImportMetaUrl = (bundleUrl) => ({
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!args.path.startsWith(DIST + sep) || !text.includes('import.meta.url')) return undefined;
      if (args.path === POOL) return bundleUrl === 'import.meta.url' ? undefined : { contents: text.replaceAll('import.meta.url', bundleUrl), loader: 'js' };
      const own = relative(OUT, args.path).split(sep).join('/');
      return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(own)}, ${bundleUrl}).href`), loader: 'js' };
    });
  },
});

/**
 * Node modules a dependency requires when it loads but uses only on a rare path, required when
 * first used instead: commander's child_process (~3.5 ms with net and dgram, docs/performance.md)
 * serves only executable subcommands, which rural-audit has none of.
 */
const LAZY_BUILTINS = ['node:child_process'];
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/].*\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      let contents = text;
      for (const id of LAZY_BUILTINS)
        for (const q of ["'", '"']) contents = contents.replaceAll(`require(${q}${id}${q})`, `__lazyBuiltin(${JSON.stringify(id)})`);
      return contents === text ? undefined : { contents, loader: 'js' };
    });
  },
};
const LAZY_BUILTIN = 'const __lazyBuiltin = (id) => new Proxy({}, { get: (_, key) => require(id)[key] });';

/**
 * One CommonJS script for a vm.Script (bin/cli-script.js), written ASCII-only in its wrapper
 * (`asScript`). A dynamic import() becomes require(): a vm.Script would need a module loader of
 * its own for import().
 */
async function bundleScript(entry, outfile, external = []) {
  await build({
    bundle: true,
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    legalComments: 'none',
    entryPoints: [entry],
    outfile,
    format: 'cjs',
    supported: { 'dynamic-import': false },
    external,
    banner: { js: `const __bundleUrl = require('node:url').pathToFileURL(__filename).href; ${LAZY_BUILTIN}` },
    plugins: [ownImportMetaUrl('__bundleUrl'), bundledRequire({ uses: ['plan', 'condition', 'input'], fallback: true }), lazyBuiltins],
    minifyWhitespace: true,
  });
  asScript(outfile);
}

await rm(OUT, { recursive: true, force: true });
await bundleScript(join(DIST, 'cli', 'main.js'), SCRIPT, ['exceljs', 'docx', 'jszip']);
await bundleScript(join(DIST, 'audit', 'worker.js'), WORKER_SCRIPT);
writeFileSync(
  join(OUT, 'worker.js'),
  `// The audit pool's worker thread: the bundled script with its code cache (scripts/bundle-cli.mjs).\nimport { WORKER_SCRIPT, loadScript } from '../../bin/cli-script.js';\nloadScript(WORKER_SCRIPT);\n`,
);

// esbuild writes strings and identifiers as ASCII already; what non-ASCII is left sits in regular
// expressions and comments. A four-digit \u escape per UTF-16 unit means the same character in a
// regular expression with or without the u flag (and is harmless in a comment), so the script is
// read as latin1 into a one-byte string, ~20 ms sooner than decoding it as UTF-8
// (docs/performance.md); test/scaffold/villages-xlsx.test.ts reads 万元 through such a pattern.
function asScript(file) {
  const source = readFileSync(file, 'utf8');
  writeFileSync(file, `${WRAPPER[0]}${source.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}${WRAPPER[1]}`);
}

// The code cache holds what V8 compiled while the script ran: a help and one-plan checks of a plan
// without gaps and of one with many (the rules' failing paths and the table), the commands CI
// and editors run most, with their output thrown away.
const { script, exports: cli } = loadCli(null);
const write = process.stdout.write;
process.stdout.write = () => true;
try {
  await cli.main(['--help']);
  for (const plan of ['aligned-2026.yaml', 'partial.yaml']) await cli.main(['check', join(ROOT, 'examples', plan), '--today', '2026-12-01']);
} finally {
  process.stdout.write = write;
  process.exitCode = undefined;
}
writeFileSync(CACHE, script.createCachedData());

// The worker's cache holds what auditing the examples compiled, this thread standing in for a
// worker: a code cache is V8's compiled code for the script's text, whichever thread made it.
const worker = loadScript(WORKER_SCRIPT, null);
const { AuditContext, auditBatch } = worker.exports;
const { loadBuiltinCatalog } = await import(pathToFileURL(join(DIST, 'catalog', 'builtin.js')).href);
const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml')).sort();
const files = examples.map((f) => ({ path: join(ROOT, 'examples', f), display: `examples/${f}` }));
const context = new AuditContext({ catalog: loadBuiltinCatalog(), waivers: [], today: '2026-12-01', cwd: ROOT });
const { reply } = await auditBatch({ indexes: files.map((_, i) => i), files }, context);
if ('failure' in reply) throw new Error(`warming the worker's code cache: ${reply.failure}`);
writeFileSync(`${WORKER_SCRIPT}.cache`, worker.script.createCachedData());
