import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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

/** `${{ inputs.x }}`, `${{ github.action_path }}`, `${{ steps.audit.outputs.x }}`: nothing else is expected in the action. */
function evaluate(value: string, inputs: Record<string, string>, outputs: Record<string, string> = {}): string {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
    const input = /^inputs\.([\w-]+)$/.exec(expr);
    if (input) {
      expect(Object.keys(action.inputs), `input ${input[1]} is declared`).toContain(input[1]);
      return inputs[input[1]!] ?? action.inputs[input[1]!].default ?? '';
    }
    if (expr === 'github.action_path') return ROOT.replace(/\/$/, '');
    const output = /^steps\.audit\.outputs\.([\w-]+)$/.exec(expr);
    if (output) return outputs[output[1]!] ?? '';
    throw new Error(`unexpected expression in action.yml: ${expr}`);
  });
}

function runAuditStep(inputs: Record<string, string>) {
  const dir = workspace();
  const step = action.runs.steps.find((s: { id?: string }) => s.id === 'audit');
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(step.env as Record<string, string>)) env[k] = evaluate(v, inputs);
  env.RURAL_AUDIT_FORMAT = runnable(env.RURAL_AUDIT_FORMAT!);
  env.GITHUB_OUTPUT = join(dir, 'github-output');
  writeFileSync(env.GITHUB_OUTPUT, '');
  const r = bash(step.run, dir, env);
  const outputs = Object.fromEntries(readFileSync(env.GITHUB_OUTPUT, 'utf8').trim().split('\n').filter(Boolean).map((l) => l.split('=') as [string, string]));
  return { ...r, dir, outputs, report: join(dir, env.INPUT_SARIF_FILE!) };
}

describe('action.yml (GitHub Action)', () => {
  it('is a composite action whose run steps name their shell, and which uploads SARIF to code scanning', () => {
    expect(action.runs.using).toBe('composite');
    for (const step of action.runs.steps) if (step.run) expect(step.shell, step.name).toBe('bash');
    const audit = action.runs.steps.find((s: { id?: string }) => s.id === 'audit');
    expect(audit.env.RURAL_AUDIT_FORMAT).toBe('sarif');
    expect(audit.run).toContain('--format "$RURAL_AUDIT_FORMAT" --output "$INPUT_SARIF_FILE"');
    const upload = action.runs.steps.find((s: { uses?: string }) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload.with.sarif_file).toBe('${{ inputs.sarif-file }}');
    expect(upload.if).toContain('always()');
    expect(evaluate(action.runs.steps.find((s: { name: string }) => s.name === 'Install rural-audit')['working-directory'], {})).toBe(ROOT.replace(/\/$/, ''));
    // The action runs the checkout's bin, which is what package.json publishes.
    expect(audit.env.RURAL_AUDIT).toBe(`\${{ github.action_path }}/${pkg.bin['rural-audit']}`);
  });

  it('audits the plans, writes the report, prints the table and records exit code 1 without failing the step', () => {
    const r = runAuditStep({ paths: 'plans/aligned.yaml\nplans/partial.yaml', lang: 'en' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.outputs['exit-code']).toBe('1');
    const report = JSON.parse(readFileSync(r.report, 'utf8'));
    if ('sarif' in FORMATS) expect(report.version).toBe('2.1.0');
    else expect(report.files.map((f: { file: string }) => f.file)).toEqual(['plans/aligned.yaml', 'plans/partial.yaml']);
    expect(r.stdout).toMatch(/77:17 +error +no_removals\.supervision\.kept_until/);
  });

  it('records 0 for aligned plans and 2 for a glob that matches nothing; a path cannot inject a command', () => {
    expect(runAuditStep({ paths: 'plans/aligned.yaml' }).outputs['exit-code']).toBe('0');
    const hostile = runAuditStep({ paths: 'plans/*.txt $(touch pwned) `touch pwned2`' });
    expect(hostile.outputs['exit-code']).toBe('2');
    expect(existsSync(join(hostile.dir, 'pwned'))).toBe(false);
    expect(existsSync(join(hostile.dir, 'pwned2'))).toBe(false);
  });

  it('fails the job with the audit exit code, and only when it is not 0', () => {
    const step = action.runs.steps.find((s: { name: string }) => s.name === 'Fail when gaps reach fail-on');
    expect(step.if).toBe("steps.audit.outputs.exit-code != '0'");
    const r = bash(step.run, tmpdir(), { CODE: evaluate(step.env.CODE, {}, { 'exit-code': '1' }) });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('::error title=rural-audit::rural-audit exited 1');
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hook = hooks.find((h: { id: string }) => h.id === 'rural-audit');

  it("runs the bin of the rural-audit the repository installs, without installing anything itself", () => {
    // language: node would make pre-commit run `npm install -g git+…`, which cannot build this
    // TypeScript package (npm/cli#8440); see the comment in .pre-commit-hooks.yaml.
    expect(hook.language).toBe('system');
    const words = hook.entry.split(' ');
    expect(words.slice(0, 3)).toEqual(['npx', '--no', '--']);
    expect(Object.keys(pkg.bin)).toContain(words[3]);
    expect(words.slice(4)).toEqual(['check']);
  });

  it('picks plan files and leaves other YAML alone', () => {
    const files = new RegExp(hook.files);
    for (const f of ['plans/桃溪县.yaml', 'county/plans/a.yml', 'plan/b.yaml']) expect(files.test(f), f).toBe(true);
    for (const f of ['.github/workflows/ci.yml', '.pre-commit-config.yaml', 'plans/README.md', 'explans/x.yaml']) expect(files.test(f), f).toBe(false);
  });

  it('blocks a commit of a plan with gaps and lets an aligned one through, as pre-commit calls it', () => {
    const dir = workspace();
    // pre-commit runs: entry, then the hook's args, then the staged file names; `npx --no --
    // rural-audit` is the installed bin.
    const entryArgs = hook.entry.split(' ').slice(4);
    const commit = (args: string[], staged: string[]) => spawnSync(process.execPath, [BIN, ...entryArgs, ...args, ...staged], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(commit([], ['plans/aligned.yaml']).status).toBe(0);
    const blocked = commit([], ['plans/partial.yaml', 'plans/aligned.yaml']);
    expect(blocked.status).toBe(1);
    expect(blocked.stdout).toContain('plans/partial.yaml');
    expect(commit(['--fail-on', 'warning'], ['plans/aligned.yaml']).status).toBe(0);
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
