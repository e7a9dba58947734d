import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateAction, validateWorkflow } from '@action-validator/core';
import { parse } from 'yaml';
import { FORMATS } from '../src/report/index.js';
import { BIN, ROOT } from './helpers/cli.js';

/**
 * The CI integrations, exercised as far as a machine without GitHub, GitLab, Jenkins or
 * pre-commit allows: their files parse, refer to things that exist, and their command lines run
 * against the example plans with the results the docs promise.
 */
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const action = parse(read('action.yml'));
const hooks = parse(read('.pre-commit-hooks.yaml'));
const pkg = JSON.parse(read('package.json'));

/**
 * Formats other branches are adding (docs/ci.md already uses them). Until one is registered its
 * command lines are run with `json` in its place, so that everything else about them is tested.
 */
const PENDING = new Set(['sarif', 'junit', 'github']);
const runnable = (format: string) => (format in FORMATS ? format : PENDING.has(format) ? 'json' : format);

/** A folder like a county's repository: plans/ with one aligned and one partial plan. */
const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ra-ci-'));
  made.push(dir);
  mkdirSync(join(dir, 'plans'));
  copyFileSync(join(ROOT, 'examples/aligned-2026.yaml'), join(dir, 'plans/aligned.yaml'));
  copyFileSync(join(ROOT, 'examples/partial.yaml'), join(dir, 'plans/partial.yaml'));
  return dir;
}

function bash(script: string, cwd: string, env: Record<string, string>, errexit = true) {
  const r = spawnSync('bash', [...(errexit ? ['-e'] : []), '-c', script], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `${{ inputs.x }}`, `${{ github.action_path }}`, `${{ steps.audit.outputs.x || 'd' }}`: nothing else is expected in the action. */
function evaluate(value: string, inputs: Record<string, string>, outputs: Record<string, string> = {}): string {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
    const input = /^inputs\.([\w-]+)$/.exec(expr);
    if (input) {
      expect(Object.keys(action.inputs), `input ${input[1]} is declared`).toContain(input[1]);
      return inputs[input[1]!] ?? action.inputs[input[1]!].default ?? '';
    }
    if (expr === 'github.action_path') return ROOT.replace(/\/$/, '');
    const output = /^steps\.audit\.outputs\.([\w-]+)(?: \|\| '(\w*)')?$/.exec(expr);
    if (output) return outputs[output[1]!] || (output[2] ?? '');
    throw new Error(`unexpected expression in action.yml: ${expr}`);
  });
}

const stepNamed = (name: string) => action.runs.steps.find((s: { name: string }) => s.name === name);

function runAuditStep(inputs: Record<string, string>, prepare: (dir: string) => void = () => undefined, env: Record<string, string> = {}) {
  const dir = workspace();
  prepare(dir);
  const step = action.runs.steps.find((s: { id?: string }) => s.id === 'audit');
  const stepEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries(step.env as Record<string, string>)) stepEnv[k] = evaluate(v, inputs);
  stepEnv.GITHUB_OUTPUT = join(dir, 'github-output');
  stepEnv.GITHUB_STEP_SUMMARY = join(dir, 'step-summary.md');
  writeFileSync(stepEnv.GITHUB_OUTPUT, '');
  // As the runner calls a bash step: bash --noprofile --norc -eo pipefail.
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...stepEnv, ...env } });
  const outputs = Object.fromEntries(readFileSync(stepEnv.GITHUB_OUTPUT, 'utf8').trim().split('\n').filter(Boolean).map((l) => l.split('=') as [string, string]));
  const summary = existsSync(stepEnv.GITHUB_STEP_SUMMARY) ? readFileSync(stepEnv.GITHUB_STEP_SUMMARY, 'utf8') : '';
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, dir, outputs, summary, report: join(dir, stepEnv.INPUT_SARIF_FILE!) };
}

describe('action.yml (GitHub Action)', () => {
  it('lints clean as an action (action-validator, on the SchemaStore schema), and so does the workflow of docs/ci.md', () => {
    expect(validateAction(read('action.yml')).errors).toEqual([]);
    const workflows = [...read('docs/ci.md').matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((b) => /^jobs:/m.test(b));
    expect(workflows.length).toBeGreaterThan(0);
    for (const w of workflows) expect(validateWorkflow(w).errors).toEqual([]);
    // The linter does catch what it should: a composite step without its shell.
    expect(validateAction(read('action.yml').replace(/\n {6}shell: bash/, '')).errors).not.toEqual([]);
  });

  it('is a composite action that audits once, for SARIF, annotations, the job summary and the log', () => {
    expect(action.runs.using).toBe('composite');
    for (const step of action.runs.steps) if (step.run) expect(step.shell, step.name).toBe('bash');
    const audit = action.runs.steps.find((s: { id?: string }) => s.id === 'audit');
    expect(audit.run.match(/node "\$RURAL_AUDIT" check/g)).toHaveLength(1);
    expect(audit.run).toContain('-f "sarif:$INPUT_SARIF_FILE" -f github -f "github-summary:');
    const upload = action.runs.steps.find((s: { uses?: string }) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload.with.sarif_file).toBe('${{ inputs.sarif-file }}');
    expect(upload.if).toContain('always()');
    expect(evaluate(stepNamed('Install rural-audit')['working-directory'], {})).toBe(ROOT.replace(/\/$/, ''));
    // The action runs the checkout's bin, which is what package.json publishes.
    expect(audit.env.RURAL_AUDIT).toBe(`\${{ github.action_path }}/${pkg.bin['rural-audit']}`);
  });

  it('audits once: SARIF to its file, annotations and the table in the log, the job summary, exit code 1 recorded', () => {
    const r = runAuditStep({ paths: 'plans/aligned.yaml\nplans/partial.yaml', lang: 'en' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.outputs['exit-code']).toBe('1');
    expect(JSON.parse(readFileSync(r.report, 'utf8')).version).toBe('2.1.0');
    expect(r.stdout).toContain('::error file=plans/partial.yaml,line=77,col=17,endLine=77,endColumn=29,title=no-removal-through-transition [R2.2]::');
    expect(r.stdout).toMatch(/77:17 +error +no_removals\.supervision\.kept_until/);
    expect(r.summary).toMatch(/^### rural-audit: \d+ error/);
  });

  it('takes one path per line, spaces and surrounding blanks allowed', () => {
    const r = runAuditStep({ paths: '  plans/aligned.yaml\n\nplans/my plan.yaml  \n' }, (dir) => copyFileSync(join(dir, 'plans/partial.yaml'), join(dir, 'plans/my plan.yaml')));
    expect(r.outputs['exit-code'], r.stderr).toBe('1');
    expect(r.stdout).toContain('::error file=plans/my plan.yaml,line=77');
  });

  it('records 0 for aligned plans, 2 for a glob that matches nothing and 2 when the audit cannot start; a path cannot inject a command', () => {
    expect(runAuditStep({ paths: 'plans/aligned.yaml' }).outputs['exit-code']).toBe('0');
    const hostile = runAuditStep({ paths: 'plans/*.txt\n$(touch pwned)\n`touch pwned2`' });
    expect(hostile.outputs['exit-code']).toBe('2');
    expect(existsSync(join(hostile.dir, 'pwned'))).toBe(false);
    expect(existsSync(join(hostile.dir, 'pwned2'))).toBe(false);
    const broken = runAuditStep({}, () => undefined, { RURAL_AUDIT: '/nowhere/rural-audit.js' });
    expect(broken.outputs['exit-code']).toBe('2');
  });

  it("leaves the caller's Node alone when it is 20.10 or later, and sets one up otherwise", () => {
    const check = stepNamed('Check Node.js');
    const usable = (path: string) => {
      const out = join(workspace(), 'out');
      writeFileSync(out, '');
      spawnSync('/bin/bash', ['-eo', 'pipefail', '-c', check.run], { encoding: 'utf8', env: { PATH: path, GITHUB_OUTPUT: out } });
      return readFileSync(out, 'utf8').trim();
    };
    expect(usable(process.env.PATH ?? '')).toBe('usable=true');
    const old = workspace();
    writeFileSync(join(old, 'node'), '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    expect(usable(old)).toBe('usable=false');
    expect(usable('/nowhere')).toBe('usable=false');
    expect(stepNamed('Set up Node.js').if).toBe("steps.node.outputs.usable != 'true'");
  });

  it('fails the job with the audit exit code, also when the audit never ran, and declares a defined output', () => {
    const step = stepNamed('Fail when gaps reach fail-on');
    expect(step.if).toBe('always()');
    const fail = (code: string) => bash(step.run, tmpdir(), { CODE: evaluate(step.env.CODE, {}, { 'exit-code': code }) }, false);
    expect(fail('0').code).toBe(0);
    expect(fail('1')).toMatchObject({ code: 1, stdout: expect.stringContaining('::error title=rural-audit::rural-audit found gaps') });
    expect(fail('2').code).toBe(2);
    expect(fail('')).toMatchObject({ code: 2, stdout: expect.stringContaining('the audit did not run') });
    expect(evaluate(action.outputs['exit-code'].value, {}, {})).toBe('2');
    expect(evaluate(action.outputs['exit-code'].value, {}, { 'exit-code': '0' })).toBe('0');
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hook = hooks.find((h: { id: string }) => h.id === 'rural-audit');

  /** The entry as pre-commit runs it: split like a shell would (shlex), then args and the staged files. */
  const entry = (): string[] => {
    const m = /^bash -c '([^']*)' (\S+)$/.exec(hook.entry);
    expect(m, hook.entry).not.toBeNull();
    return ['bash', '-c', m![1]!, m![2]!];
  };
  /** A repository of plans with rural-audit installed in node_modules/.bin, as npm ci leaves it. */
  const installed = () => {
    const dir = workspace();
    mkdirSync(join(dir, 'node_modules/.bin'), { recursive: true });
    symlinkSync(BIN, join(dir, 'node_modules/.bin/rural-audit'));
    return dir;
  };
  const commit = (dir: string, args: string[], staged: string[]) => {
    const [cmd, ...rest] = entry();
    // No standard input, as pre-commit runs hooks (a pipe or socket there makes bash read ~/.bashrc).
    return spawnSync(cmd!, [...rest, ...args, ...staged], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '' } });
  };

  it('runs the bin of the rural-audit the repository installs, without installing anything itself', () => {
    // language: node would make pre-commit run `npm install -g git+…`, which cannot build this
    // TypeScript package (npm/cli#8440); see the comment in .pre-commit-hooks.yaml.
    expect(hook.language).toBe('system');
    expect(entry()[2]).toContain(`exec node_modules/.bin/${Object.keys(pkg.bin)[0]} check "$@"`);
  });

  it('says in one line what to install when rural-audit is not installed', () => {
    const r = commit(workspace(), [], ['plans/partial.yaml']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('rural-audit is not installed here: npm install --save-dev ./vendor/rural-audit-0.1.0.tgz (the release tarball; README, Install), or npm ci\n');
    expect(r.stderr).toContain(`rural-audit-${pkg.version}.tgz`);
  });

  it('picks plan files and leaves other YAML alone', () => {
    const files = new RegExp(hook.files);
    for (const f of ['plans/桃溪县.yaml', 'county/plans/a.yml', 'plan/b.yaml']) expect(files.test(f), f).toBe(true);
    for (const f of ['.github/workflows/ci.yml', '.pre-commit-config.yaml', 'plans/README.md', 'explans/x.yaml']) expect(files.test(f), f).toBe(false);
  });

  it('blocks a commit of a plan with gaps and lets an aligned one through, as pre-commit calls it', () => {
    const dir = installed();
    expect(commit(dir, [], ['plans/aligned.yaml']).status).toBe(0);
    const blocked = commit(dir, [], ['plans/partial.yaml', 'plans/aligned.yaml']);
    expect(blocked.status).toBe(1);
    expect(blocked.stdout).toContain('plans/partial.yaml');
    expect(commit(dir, ['--fail-on', 'warning'], ['plans/aligned.yaml']).status).toBe(0);
  });
});

describe('docs/ci.md snippets', () => {
  const doc = read('docs/ci.md');
  const blocks = (lang: string) => [...doc.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);

  /** Run a `npx rural-audit …` command line of a snippet in a county-like folder, with the built bin. */
  function runSnippetCommand(line: string) {
    const dir = workspace();
    const cmd = line
      .replace(/^npx rural-audit/, `node ${JSON.stringify(BIN)}`)
      .replace(/--format (\w+)/, (_, f: string) => `--format ${runnable(f)}`);
    return { ...bash(`${cmd.replace(/ \|\| .*$/, '')}; echo "status=$?"`, dir, {}, false), dir };
  }

  it('the YAML snippets parse, and the workflow passes only inputs the action declares', () => {
    const yamls = blocks('yaml').map((b) => parse(b));
    const workflow = yamls.find((y) => y?.jobs?.audit);
    const step = workflow.jobs.audit.steps.find((s: { uses: string }) => s.uses?.includes('/rural-audit@'));
    for (const input of Object.keys(step.with)) expect(Object.keys(action.inputs)).toContain(input);
    expect(workflow.jobs.audit.permissions['security-events']).toBe('write');
    const precommit = yamls.find((y) => y?.repos);
    expect(precommit.repos[0].hooks[0].id).toBe(hooks[0].id);
    expect(new RegExp(precommit.repos[0].hooks[0].files).test('plans/a.yaml')).toBe(true);
  });

  it('the GitLab job collects the JUnit file its command writes, and its commands run', () => {
    const gitlab = blocks('yaml').map((b) => parse(b)).find((y) => y?.['rural-audit']?.script)['rural-audit'];
    const commands = (gitlab.script as string[]).filter((l) => l.startsWith('npx rural-audit'));
    expect(commands.length).toBe(2);
    expect(commands[0]).toContain(`--output ${gitlab.artifacts.reports.junit}`);
    expect(gitlab.artifacts.when).toBe('always');
    const report = runSnippetCommand(commands[0]!);
    expect(report.stdout).toContain('status=1');
    const written = readFileSync(join(report.dir, gitlab.artifacts.reports.junit), 'utf8');
    if ('junit' in FORMATS) expect(written).toMatch(/^<\?xml/);
    else expect(JSON.parse(written).files).toHaveLength(2);
    expect(runSnippetCommand(commands[1]!).stdout).toContain('plans/partial.yaml');
  });

  it('the Jenkins pipeline publishes the file its command writes, and its commands run', () => {
    const groovy = blocks('groovy')[0]!;
    const commands = [...groovy.matchAll(/sh\((?:script: )?'(npx rural-audit[^']*)'|sh '(npx rural-audit[^']*)'/g)].map((m) => (m[1] ?? m[2])!);
    expect(commands.length).toBe(2);
    const junit = /testResults: '([^']+)'/.exec(groovy)![1]!;
    expect(commands[0]).toContain(`--output ${junit}`);
    const r = runSnippetCommand(commands[0]!);
    expect(r.stdout).toContain('status=1');
    expect(existsSync(join(r.dir, junit))).toBe(true);
  });

  it('the plain GitHub workflow writes the SARIF file it uploads', () => {
    const steps = parse(blocks('yaml').find((b) => b.includes('npm ci') && b.includes('upload-sarif') && !b.includes('jobs:'))!) as { run?: string; with?: { sarif_file?: string } }[];
    const command = steps.find((s) => s.run?.startsWith('npx rural-audit'))!.run!;
    const sarif = steps.find((s) => s.with?.sarif_file)!.with!.sarif_file!;
    expect(command).toContain(`--output ${sarif}`);
    const r = runSnippetCommand(command);
    expect(r.stdout).toContain('status=1');
    expect(existsSync(join(r.dir, sarif))).toBe(true);
  });
});
