import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// The entry point package.json `exports` names: what `import … from 'rural-audit'` loads.
import * as api from '../dist/index.js';
import { cli } from './helpers/cli.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

describe('the library API', () => {
  it('is the module package.json exports, with its type declarations', () => {
    expect(pkg.exports['.']).toEqual({ types: './dist/index.d.ts', import: './dist/index.js', default: './dist/index.js' });
    expect(pkg.types).toBe('./dist/index.d.ts');
    const dts = readFileSync(new URL('../dist/index.d.ts', import.meta.url), 'utf8');
    for (const name of ['audit', 'auditText', 'format', 'formats', 'loadCatalog', 'exitCode', 'planTemplate', 'planSchema', 'AuditResult', 'Finding']) {
      expect(dts).toMatch(new RegExp(`\\b${name}\\b`));
    }
  });

  it('audit() gives the result check reports: the same JSON as the CLI, byte for byte', async () => {
    const result = await api.audit(['examples/partial.yaml', 'examples/aligned.yaml']);
    expect(result.files.map((f) => f.file)).toEqual(['examples/aligned.yaml', 'examples/partial.yaml']);
    expect(api.exitCode(result)).toBe(1);
    const viaCli = cli(['check', 'examples/partial.yaml', 'examples/aligned.yaml', '--format', 'json']);
    expect(api.format(result, 'json')).toBe(viaCli.stdout);
  });

  it('audit() accepts one path as a string, and reports a missing file as an input error (exit 2)', async () => {
    const result = await api.audit('examples/no-such-plan.yaml');
    expect(api.exitCode(result)).toBe(2);
    expect([...result.errors, ...result.files.map((f) => f.error)].filter(Boolean)[0]).toMatchObject({ code: expect.stringMatching(/not-found|no-match/) });
  });

  it('auditText() audits a plan in memory exactly as the same file on disk', async () => {
    const text = readFileSync('examples/partial.yaml', 'utf8');
    const fromText = await api.auditText(text, { file: 'examples/partial.yaml' });
    const fromDisk = await api.audit('examples/partial.yaml');
    expect(fromText.files).toEqual(fromDisk.files);
    expect(fromText.files[0]!.findings.some((f) => f.ruleId === 'no-removal-through-transition' && f.line === 77)).toBe(true);
  });

  it('auditText() decodes bytes as check does and reports broken YAML with its position', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('format_version: 1\ncounty: {name: 桃溪县}\n', 'utf16le')]);
    const r = await api.auditText(utf16);
    expect(r.files[0]).toMatchObject({ file: 'plan.yaml', encoding: 'utf-16le' });
    expect(r.files[0]!.findings.find((f) => f.ruleId === 'plan-schema')?.message.en).toContain('code');

    const broken = await api.auditText('county: [unclosed\n', { file: 'buffer.yaml' });
    expect(broken.files[0]!.error).toMatchObject({ file: 'buffer.yaml', code: 'unclosed-flow', line: 1, column: 9 });
    expect(api.exitCode(broken)).toBe(2);
  });

  it('auditText() reads the built-in catalog once: calls give the same result, and none can change the next', async () => {
    const text = readFileSync('examples/partial.yaml', 'utf8');
    const first = await api.auditText(text, { today: '2024-06-01' });
    expect(() => {
      (first.rules[0] as { severity: string }).severity = 'info';
    }).toThrow(TypeError);
    await api.auditText(text, { today: '2024-06-01', parameters: { transition_end: '2023-12-31' } });
    const second = await api.auditText(text, { today: '2024-06-01' });
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(second.rules[0]).toBe(first.rules[0]);
  });

  it('takes a catalog and parameters, as a tailored audit would', async () => {
    const catalog = api.loadCatalog();
    const only = { ...catalog, rules: catalog.rules.filter((r) => r.id === 'no-removal-through-transition') };
    const text = readFileSync('examples/partial.yaml', 'utf8');
    const strict = await api.auditText(text, { catalog: only });
    expect(strict.files[0]!.findings.map((f) => f.ruleId)).toEqual(['no-removal-through-transition']);
    const params = { transition_end: '2023-12-31' };
    // The plan's own transition_period.end wins over the parameter, as the rule says …
    expect((await api.auditText(text, { catalog: only, parameters: params })).files[0]!.findings).toHaveLength(1);
    // … and without one, the parameter is the period's end.
    const undated = text.replace(/^transition_period:\n(  .*\n)+/m, '');
    expect(undated).not.toContain('transition_period');
    expect((await api.auditText(undated, { catalog: only })).files[0]!.findings).toHaveLength(1);
    expect((await api.auditText(undated, { catalog: only, parameters: params })).files[0]!.findings).toHaveLength(0);
  });

  it('format() renders every registered format, in either language, and refuses unknown names', async () => {
    const result = await api.audit('examples/partial.yaml');
    expect(api.formats).toEqual(expect.arrayContaining(['table', 'json']));
    for (const name of api.formats) expect((await api.format(result, name)).length, name).toBeGreaterThan(0);
    expect(api.format(result, 'table', { lang: 'en' })).toContain('error');
    expect(api.format(result)).not.toMatch(/\x1b\[/);
    expect(() => api.format(result, 'pdf')).toThrow(/unknown report format "pdf"; known: table, json/);
  });

  it('exposes the plan schema and the template init writes', () => {
    expect((api.planSchema as { $id: string }).$id).toMatch(/plan-v1/);
    const t = api.planTemplate({ county: { name: '桃溪县' } });
    expect(t.split('\n')[0]).toBe('# yaml-language-server: $schema=./plan.schema.json');
    expect(t).toContain('name: 桃溪县');
    expect(t).toContain(api.PLACEHOLDER);
  });
});
