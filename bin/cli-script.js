// The bundled CLI (dist/bundle/cli.cjs, scripts/bundle-cli.mjs) and its worker thread, compiled
// with the V8 code caches the build made for them. V8 rejects a cache made by another V8 version
// or under other flags, and then compiles the script as if there were none: the cache only ever
// saves time. Nothing here
// writes a cache: an install may be read-only, and a cache is made once, by the build.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

export const SCRIPT = fileURLToPath(new URL('../dist/bundle/cli.cjs', import.meta.url));
export const CACHE = `${SCRIPT}.cache`;
/** The worker thread of the audit pool, bundled and cached the same way; dist/bundle/worker.js loads it. */
export const WORKER_SCRIPT = fileURLToPath(new URL('../dist/bundle/worker.cjs', import.meta.url));
/**
 * The script is a CommonJS module's body in the function Node would wrap it in, written into the
 * file by the build: V8 compiles the text as read rather than a copy of it joined to a wrapper.
 */
export const WRAPPER = ['(function (exports, require, module, __filename, __dirname) {', '\n})'];

/** The cache the build wrote beside `script`, or undefined when there is none. */
export function readCache(script = SCRIPT) {
  try {
    return readFileSync(`${script}.cache`);
  } catch {
    return undefined;
  }
}

/**
 * Compile and run a bundled script (`file`) as CommonJS would; `cachedData` undefined or null
 * compiles without a cache. Returns the script's exports and the vm.Script (cachedDataRejected
 * tells whether V8 took the cache).
 */
export function loadScript(file, cachedData = readCache(file)) {
  // ASCII by construction (scripts/bundle-cli.mjs): latin1 reads it without decoding UTF-8.
  const script = new vm.Script(readFileSync(file, 'latin1'), {
    filename: file,
    cachedData: cachedData ?? undefined,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return { exports: module.exports, script };
}

/** The CLI's script: `loadScript` of dist/bundle/cli.cjs. */
export const loadCli = (cachedData = readCache(SCRIPT)) => loadScript(SCRIPT, cachedData);
