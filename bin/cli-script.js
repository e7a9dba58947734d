// The bundled CLI (dist/bundle/cli.cjs, scripts/bundle-cli.mjs) compiled with the V8 code cache
// the build made for it. V8 rejects a cache made by another V8 version or under other flags, and
// then compiles the script as if there were none: the cache only ever saves time. Nothing here
// writes a cache: an install may be read-only, and a cache is made once, by the build.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

export const SCRIPT = fileURLToPath(new URL('../dist/bundle/cli.cjs', import.meta.url));
export const CACHE = `${SCRIPT}.cache`;
/**
 * The script is a CommonJS module's body in the function Node would wrap it in, written into the
 * file by the build: V8 compiles the text as read rather than a copy of it joined to a wrapper.
 */
export const WRAPPER = ['(function (exports, require, module, __filename, __dirname) {', '\n})'];

/** The cache the build wrote, or undefined when there is none. */
export function readCache() {
  try {
    return readFileSync(CACHE);
  } catch {
    return undefined;
  }
}

/**
 * Compile and run the script as CommonJS would; `cachedData` undefined or null compiles without
 * a cache. Returns the script's exports and the vm.Script (cachedDataRejected tells whether V8
 * took the cache).
 */
export function loadCli(cachedData = readCache()) {
  // ASCII by construction (scripts/bundle-cli.mjs): latin1 reads it without decoding UTF-8.
  const script = new vm.Script(readFileSync(SCRIPT, 'latin1'), {
    filename: SCRIPT,
    cachedData: cachedData ?? undefined,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(SCRIPT), module, SCRIPT, dirname(SCRIPT));
  return { exports: module.exports, script };
}
