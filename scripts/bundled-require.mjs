// What a bundle puts in place of node:module (scripts/bundle-cli.mjs, scripts/build-web.mjs).
// Some modules load others only when needed, through createRequire: engine/ajv.ts the build's
// precompiled validators, plan/regex.ts the linear regular-expression engine. Left alone, a
// bundle would load those from disk at run time, outside the bundle (and, in the CLI, outside
// its code cache); the browser page could not load them at all. This stand-in's createRequire
// gives them from the bundle by the name they are asked for, each evaluated on first use.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The names asked for through createRequire, and what the bundle gives for each: the validators of `uses`. */
const bundledRequires = (uses) => ({
  ...Object.fromEntries(uses.map((use) => [`./schemas-${use}.cjs`, join(ROOT, 'dist/engine', `schemas-${use}.cjs`)])),
  re2js: 're2js',
});

/**
 * An esbuild plugin: node:module becomes the stand-in, with the precompiled validators of
 * `uses` (engine/ajv.ts SchemaUse). `fallback`: any other name is asked of Node's own
 * createRequire (the CLI: ajv, loaded only to compile a schema the build did not); without it,
 * any other name throws (the browser page, which has no Node).
 */
export function bundledRequire({ uses, fallback }) {
  return {
    name: 'bundled-require',
    setup(b) {
      b.onResolve({ filter: /^node:module$/ }, (args) =>
        args.namespace === 'bundled-require' ? { path: 'node:module', external: true } : { path: 'node:module', namespace: 'bundled-require' },
      );
      b.onLoad({ filter: /.*/, namespace: 'bundled-require' }, () => ({ loader: 'js', resolveDir: ROOT, contents: shim(bundledRequires(uses), fallback) }));
    },
  };
}

function shim(modules, fallback) {
  return [
    ...(fallback ? ["import { createRequire as nodeCreateRequire } from 'node:module';"] : []),
    'export function createRequire(from) {',
    ...(fallback ? ['  const required = nodeCreateRequire(from);'] : []),
    '  return (id) => {',
    '    switch (id) {',
    ...Object.entries(modules).map(([id, file]) => `      case ${JSON.stringify(id)}: return require(${JSON.stringify(file)});`),
    '    }',
    fallback ? '    return required(id);' : '    throw new Error(`require(${id}): not available in the browser`);',
    '  };',
    '}',
    '',
  ].join('\n');
}
