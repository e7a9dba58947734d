// The last step of `npm run build`: the compiled CLI and its worker thread, bundled with their
// dependencies into dist/bundle/ (two entries and the chunks they share or load on demand), so
// that starting the CLI reads a few files instead of some three hundred modules (docs/performance.md, "Start-up"). The library
// (dist/index.js) stays unbundled.
//
// Modules find their data next to themselves (the catalog snapshot, the precompiled validator,
// rules/, package.json) through import.meta.url; inside a bundle that would be the bundle's URL,
// so each module's import.meta.url is rewritten to its own file in dist/. The worker pool keeps
// the bundle's URL, so that the bundled CLI starts the bundled worker beside it.
import { readFile, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = join(ROOT, 'dist');
const OUT = join(DIST, 'bundle');
const POOL = join(DIST, 'audit', 'pool.js');

const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!args.path.startsWith(DIST + sep) || args.path === POOL || !text.includes('import.meta.url')) return undefined;
      const own = relative(OUT, args.path).split(sep).join('/');
      return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(own)}, import.meta.url).href`), loader: 'js' };
    });
  },
};

// Chunk names carry a hash: chunks of an earlier build would stay behind.
await rm(OUT, { recursive: true, force: true });
await build({
  entryPoints: { cli: join(DIST, 'cli', 'main.js'), worker: join(DIST, 'audit', 'worker.js') },
  outdir: OUT,
  bundle: true,
  // What a run does not need stays out of what it loads: a dynamic import() (a command other
  // than check, the xlsx and docx formats with exceljs and docx, reading villages from xlsx)
  // becomes a chunk of its own, read only when used. Chunks sit beside the entries, in dist/bundle/,
  // for the rewritten import.meta.url above is relative to that folder.
  splitting: true,
  chunkNames: '[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // CommonJS dependencies (ajv, cli-table3) call require(); an ES module has none of its own.
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  plugins: [ownImportMetaUrl],
  logLevel: 'warning',
  legalComments: 'none',
});
