/**
 * Build step (`npm run build`, after tsc and precompile): the browser page dist/rural-audit.html
 * (`rural-audit web` copies it). One self-contained file: src/web bundled with the engine, the
 * built-in catalog and the profiles, under a Content-Security-Policy that allows no network.
 *
 * - The profiles are resolved here, in Node, by the command line's own config loader: the page
 *   applies exactly the catalog and parameters `check` would with a config extending each one.
 * - The bundle may reach no node: module but two: node:crypto, mapped to src/web/node/crypto.ts
 *   (sha256 for fingerprints), and node:module, whose createRequire here (scripts/bundled-require.mjs)
 *   hands engine/ajv.ts the build's precompiled validators (the plan schema, the rules' conditions
 *   under every profile), so that the page compiles no schema and its CSP needs no 'unsafe-eval',
 *   and plan/regex.ts its linear engine. Any other node: module fails the build, naming the importer. File I/O belongs outside the in-memory path
 *   (plan/document.ts, audit/sources.ts and audit/step.ts hold the in-memory path).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { parse } from 'yaml';
import { bundledRequire } from './bundled-require.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = join(ROOT, 'dist/rural-audit.html');
/** The bound (#17): a page government PCs open without waiting. */
const MAX_SIZE = 2 * 1024 * 1024;
const NODE_SHIMS = { 'node:crypto': 'src/web/node/crypto.ts' };

const { loadConfig, builtinProfiles, PROFILES_DIR } = await import('../dist/config/load.js');
const { effectiveSettings, tailoredCatalog } = await import('../dist/config/effective.js');
const { VERSION } = await import('../dist/version.js');

function profiles() {
  const dir = mkdtempSync(join(tmpdir(), 'rural-audit-web-'));
  try {
    return builtinProfiles().map((name) => {
      const file = join(dir, `${name}.yaml`);
      writeFileSync(file, `extends: ${name}\n`);
      const config = loadConfig({ config: file, cwd: ROOT });
      const { catalog, parameters } = tailoredCatalog(config.catalog, effectiveSettings(config));
      const own = parse(readFileSync(join(PROFILES_DIR, `${name}.yaml`), 'utf8'));
      return {
        name,
        title: own.title,
        description: own.description,
        example: own.example === true,
        catalog,
        parameters: { ...parameters },
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const builtIn = {
  name: 'rural-audit-web',
  setup(build) {
    build.onResolve({ filter: /^node:/ }, (args) => {
      const shim = NODE_SHIMS[args.path];
      if (shim) return { path: join(ROOT, shim) };
      return { errors: [{ text: `${args.importer.slice(ROOT.length)} imports ${args.path}: the browser page must reach no node: module; move the file I/O out of the in-memory path` }] };
    });
    build.onResolve({ filter: /(^|\/)(version|profiles)\.js$/ }, (args) => {
      const path = join(args.resolveDir, args.path).slice(ROOT.length);
      if (path === 'src/version.js' || path === 'src/web/profiles.js') return { path, namespace: 'rural-audit-web' };
      return undefined;
    });
    build.onLoad({ filter: /.*/, namespace: 'rural-audit-web' }, (args) => ({
      loader: 'js',
      resolveDir: ROOT,
      contents:
        args.path === 'src/version.js'
          ? `export const VERSION = ${JSON.stringify(VERSION)};\nexport const HOMEPAGE = undefined;\n`
          : `export const PROFILES = ${JSON.stringify(profiles())};\n`,
    }));
  },
};

const bundle = await esbuild.build({
  entryPoints: [join(ROOT, 'src/web/main.ts')],
  bundle: true,
  write: false,
  format: 'iife',
  platform: 'browser',
  target: ['es2020', 'chrome80', 'firefox78'],
  minify: true,
  legalComments: 'eof',
  // The validators of the plan schema and the rules' conditions: the page reads no config or rule file.
  plugins: [bundledRequire({ uses: ['plan', 'condition'], fallback: false }), builtIn],
  // A debugging switch of the fast parser (plan/parseFast.ts): the page has no environment.
  define: { 'process.env.RURAL_AUDIT_DEBUG_FAST': 'undefined' },
  // engine/ajv.ts passes import.meta.url to createRequire, which the page's ignores.
  logOverride: { 'empty-import-meta': 'silent' },
  logLevel: 'warning',
});
// Node's globals do not exist in a browser: a use of one left in the bundle would fail only at run time.
const nodeGlobal = /(?<![\w.$])(process\.(env|cwd|stdout|stderr|argv|platform)|Buffer\.(from|alloc|concat))\b/.exec(bundle.outputFiles[0].text);
if (nodeGlobal) throw new Error(`the browser page's bundle uses ${nodeGlobal[0]}, which browsers lack`);
// The script sits inside <script>: no `</script` or `<!--` may end it early.
const script = bundle.outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
const hash = createHash('sha256').update(script).digest('base64');
const csp = [
  "default-src 'none'",
  // No 'unsafe-eval': every JSON Schema the page validates with is precompiled (scripts/bundled-require.mjs).
  `script-src 'sha256-${hash}'`,
  'worker-src blob:',
  "style-src 'unsafe-inline'",
  "img-src 'none'",
  "connect-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
].join('; ');
const shell = readFileSync(join(ROOT, 'src/web/shell.html'), 'utf8');
const page = shell
  .replace('{{CSP}}', () => csp)
  .replaceAll('{{VERSION}}', () => VERSION)
  .replace('{{SCRIPT}}', () => script);
const size = Buffer.byteLength(page);
if (size > MAX_SIZE) throw new Error(`dist/rural-audit.html is ${size} bytes, over the ${MAX_SIZE} the page may weigh`);
writeFileSync(OUT, page);
