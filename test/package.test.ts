import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

/**
 * What users install is what we test: the package is packed as `npm publish` would pack it,
 * installed from the tarball into an empty folder, and used there — by its bin through npx, by
 * `import … from 'rural-audit'`, and by the TypeScript compiler through its type declarations.
 */
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const run = (cmd: string, args: string[], options: SpawnSyncOptions = {}) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' }, ...options });
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
};

let work: string;
let tarball: string;
let files: string[];

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ra-pack-'));
  // `npm test` has just built dist/ (what `prepare` does on publish); rebuilding it here would
  // rewrite files under the feet of the tests running beside this one.
  const packed = run(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT });
  expect(packed.code, packed.stderr).toBe(0);
  const info = JSON.parse(packed.stdout)[0];
  tarball = join(work, info.filename);
  files = info.files.map((f: { path: string }) => f.path);
  const app = join(work, 'app');
  mkdirSync(app);
  const installed = run(npm, ['init', '-y'], { cwd: app });
  expect(installed.code, installed.stderr).toBe(0);
  const install = run(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], { cwd: app });
  expect(install.code, install.stderr).toBe(0);
  copyFileSync(join(ROOT, 'examples/partial.yaml'), join(app, 'partial.yaml'));
  copyFileSync(join(ROOT, 'examples/aligned.yaml'), join(app, 'aligned.yaml'));
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
  // The installed tree holds the Office libraries too: removing it takes a while on a busy machine.
}, 60_000);

describe('the packed package', () => {
  it('ships the build, the bin, the rules, the plan schema, README and CHANGELOG — and no tests or sources', () => {
    for (const f of ['package.json', 'README.md', 'CHANGELOG.md', 'bin/rural-audit.js', 'dist/index.js', 'dist/index.d.ts', 'dist/cli/main.js', 'dist/rural-audit.html', 'rules/parameters.yaml', 'rules/catalog/no-removals.yaml', 'src/plan/plan.schema.json']) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => f.startsWith('test/') || /^src\/.*\.ts$/.test(f) || f.startsWith('node_modules/'))).toEqual([]);
  });

  it('installs from the tarball and `npx rural-audit check` audits an example there', () => {
    const app = join(work, 'app');
    const bad = run(npx, ['--no', 'rural-audit', 'check', 'partial.yaml', '--lang', 'en'], { cwd: app });
    expect(bad.code, bad.stderr).toBe(1);
    expect(bad.stdout).toMatch(/77:17 +error +no_removals\.supervision\.kept_until is kept only until 2023-12-31/);
    expect(bad.stdout).toContain('no-removal-through-transition [R2.2]');
    expect(bad.stderr).toBe('');
    const good = run(npx, ['--no', 'rural-audit', 'check', 'aligned.yaml'], { cwd: app });
    expect(good.code, good.stderr).toBe(0);
    expect(good.stdout).toContain('共审计 1 个文件：0 个错误');
    const version = run(npx, ['--no', '--', 'rural-audit', '--version'], { cwd: app });
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('`npx rural-audit init` writes a plan whose editor line reaches the installed schema', () => {
    const app = join(work, 'app');
    const r = run(npx, ['--no', 'rural-audit', 'init', 'new.yaml', '--county', '桃溪县'], { cwd: app });
    expect(r.code, r.stderr).toBe(0);
    const first = readFileSync(join(app, 'new.yaml'), 'utf8').split('\n')[0]!;
    expect(first).toBe('# yaml-language-server: $schema=./node_modules/rural-audit/dist/plan/editor.schema.json');
    expect(existsSync(join(app, 'node_modules/rural-audit/dist/plan/editor.schema.json'))).toBe(true);
  });

  it('imports as a library by its name, and its schema by its exported path', () => {
    const app = join(work, 'app');
    writeFileSync(
      join(app, 'use.mjs'),
      `import { audit, auditText, format, exitCode, loadCatalog } from 'rural-audit';
import schema from 'rural-audit/plan.schema.json' with { type: 'json' };
const result = await audit(['partial.yaml']);
const report = JSON.parse(format(result, 'json'));
const memory = await auditText('format_version: 1\\n', { file: 'buffer.yaml' });
console.log(JSON.stringify({ exit: exitCode(result), findings: report.files[0].findings.length, rules: loadCatalog().rules.length, memory: memory.files[0].findings.map((f) => f.ruleId), id: schema.$id }));
`,
    );
    const r = run(process.execPath, ['use.mjs'], { cwd: app });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.exit).toBe(1);
    expect(out.findings).toBeGreaterThan(0);
    expect(out.rules).toBeGreaterThan(10);
    expect(out.memory).toContain('plan-schema');
    expect(out.id).toMatch(/plan-v1/);
  });

  it('type-checks a TypeScript program that uses it (strict, NodeNext)', () => {
    const app = join(work, 'app');
    writeFileSync(
      join(app, 'use.ts'),
      `import { audit, format, type AuditResult, type Finding, type Severity } from 'rural-audit';
const result: AuditResult = await audit('partial.yaml', { parameters: { transition_end: '2025-12-31' } });
const first: Finding | undefined = result.files[0]?.findings[0];
const level: Severity | undefined = first?.severity;
const text: string = format(result, 'table', { lang: 'en' });
// @ts-expect-error the result is typed: no such field
result.nonsense;
export { level, text };
`,
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: ['node'], typeRoots: [join(ROOT, 'node_modules/@types')] },
        files: ['use.ts'],
      }),
    );
    writeFileSync(join(app, 'package.json'), JSON.stringify({ ...JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')), type: 'module' }));
    const r = run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: app });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(join(app, 'node_modules/rural-audit/dist')).length).toBeGreaterThan(0);
  });
});
