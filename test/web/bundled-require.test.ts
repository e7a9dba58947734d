import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
// @ts-expect-error a build script, plain JavaScript
import { bundledRequire } from '../../scripts/bundled-require.mjs';

/**
 * A bundle of `entry` with node:module replaced (scripts/bundled-require.mjs), run; its exports.
 * The bundle's own require gives only a node:module whose createRequire answers "from Node: id".
 */
async function bundled(entry: string, fallback: boolean): Promise<Record<string, unknown>> {
  const out = await build({
    stdin: { contents: entry, resolveDir: ROOT },
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    logLevel: 'silent',
    plugins: [bundledRequire({ uses: ['plan', 'condition'], fallback })],
  });
  const module = { exports: {} as Record<string, unknown> };
  const nodeModule = { createRequire: () => (id: string) => `from Node: ${id}` };
  new Function('module', 'exports', 'require', out.outputFiles[0]!.text)(module, module.exports, (id: string) => {
    if (id === 'node:module') return nodeModule;
    throw new Error(`the bundle asked Node for ${id}`);
  });
  return module.exports;
}

const ENTRY = `import { createRequire } from 'node:module';
const required = createRequire('file:///anywhere/engine/ajv.js');
export const plan = () => required('./schemas-plan.cjs');
export const re2js = () => required('re2js');
export const ajv = () => required('ajv');`;

describe('createRequire of a bundle (the CLI, its worker, the browser page)', () => {
  it('gives the precompiled validators and the linear engine from the bundle, nothing else without Node', async () => {
    const page = await bundled(ENTRY, false);
    expect((page.plan as () => { settings: string })().settings).toContain('"use":"plan"');
    expect(typeof (page.re2js as () => { RE2JS: unknown })().RE2JS).toBe('function');
    expect(page.ajv as () => unknown).toThrow('require(ajv): not available in the browser');
  });

  it('asks Node for any other name when it may (the CLI)', async () => {
    const cli = await bundled(ENTRY, true);
    expect((cli.ajv as () => unknown)()).toBe('from Node: ajv');
    expect((cli.plan as () => { settings: string })().settings).toContain('"use":"plan"');
  });
});
