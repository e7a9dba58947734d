import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditPaths } from '../../src/audit/run.js';
import { loadSettings } from '../../src/audit/settings.js';
import type { AuditResult } from '../../src/audit/result.js';
import { joinReport } from '../../src/report/chunks.js';
import { FINGERPRINT_KEY, SARIF_MAX_RESULTS, sarif as sarifChunks, sarifLog as sarifLogChunks } from '../../src/report/sarif.js';
import { CONTROL, examples, hostile, planCopy, waive } from './helpers.js';

const sarif = (...args: Parameters<typeof sarifChunks>): string => joinReport(sarifChunks(...args));
const sarifLog = (...args: Parameters<typeof sarifLogChunks>): string => joinReport(sarifLogChunks(...args));

const schema = JSON.parse(readFileSync(new URL('../fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
// The schema's formats, checked rather than ignored: an absolute URI, a URI reference, a timestamp.
ajv.addFormat('uri', (s: string) => /^[a-z][a-z0-9+.-]*:[^\s]*$/i.test(s) && URL.canParse(s));
ajv.addFormat('uri-reference', (s: string) => !/[\s]/.test(s) && URL.canParse(s, 'http://base.invalid/'));
ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
const validate = ajv.compile(schema);

function valid(text: string) {
  const log = JSON.parse(text);
  const ok = validate(log);
  expect(ok ? [] : validate.errors).toEqual([]);
  return log;
}

describe('sarif', () => {
  let result: AuditResult;
  beforeAll(async () => {
    result = await examples();
  });

  it('validates against the official SARIF 2.1.0 schema, with one run and the rules that ran', () => {
    const log = valid(sarif(result, { lang: 'zh', color: false }));
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe('rural-audit');
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(result.rules.map((r) => r.id));
    for (const r of driver.rules) {
      expect(r.help.text).toMatch(/docs\/rules\/|https?:/);
      expect(r.help.markdown).toContain('>');
      expect(r.properties.clauses).toBeInstanceOf(Array);
    }
  });

  it('places each gap in a relative file URI with a 1-based region and the finding fingerprint', () => {
    const log = valid(sarif(result, { lang: 'en', color: false }));
    const results = log.runs[0].results;
    const all = result.files.flatMap((f) => f.findings);
    expect(results).toHaveLength(all.length);
    const gap = results.find((r: { ruleId: string; locations: any[] }) => r.ruleId === 'no-removal-through-transition' && r.locations[0].physicalLocation.artifactLocation.uri === 'examples/partial.yaml');
    expect(gap.locations[0].physicalLocation.artifactLocation.uriBaseId).toBe('%SRCROOT%');
    expect(gap.locations[0].physicalLocation.region).toEqual({ startLine: 77, startColumn: 17, endLine: 77, endColumn: 29 });
    expect(gap.level).toBe('error');
    expect(gap.ruleIndex).toBe(result.rules.findIndex((r) => r.id === gap.ruleId));
    const finding = all.find((x) => x.file === 'examples/partial.yaml' && x.ruleId === 'no-removal-through-transition')!;
    expect(gap.partialFingerprints).toEqual({ [FINGERPRINT_KEY]: finding.fingerprint });
    for (const r of results) {
      expect(r.locations[0].physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
      expect(r.locations[0].physicalLocation.region.startColumn).toBeGreaterThanOrEqual(1);
    }
  });

  it('keeps partialFingerprints when lines are added elsewhere in the plan', async () => {
    const before = planCopy('examples/partial.yaml');
    const after = planCopy('examples/partial.yaml', (t) => `# 新增说明一\n# 新增说明二\n# 新增说明三\n${t}`);
    const fingerprints = async (file: string, dir: string) => {
      const log = JSON.parse(sarif(await auditPaths([file], { cwd: dir }), { lang: 'zh', color: false }));
      return log.runs[0].results.map((r: any) => [r.ruleId, r.partialFingerprints[FINGERPRINT_KEY], r.locations[0].physicalLocation.region.startLine]);
    };
    const a = await fingerprints('plan.yaml', before.dir);
    const b = await fingerprints('plan.yaml', after.dir);
    expect(a.length).toBeGreaterThan(0);
    expect(b.map((x: unknown[]) => x.slice(0, 2))).toEqual(a.map((x: unknown[]) => x.slice(0, 2)));
    expect(b.map((x: number[]) => x[2])).toEqual(a.map((x: number[]) => x[2]! + 3));
  });

  it('shows a waived gap as an accepted suppression', () => {
    const log = valid(sarif(waive(result, 'village-plan-coverage'), { lang: 'zh', color: false }));
    const suppressed = log.runs[0].results.filter((r: any) => r.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0].ruleId).toBe('village-plan-coverage');
    expect(suppressed[0].suppressions[0]).toMatchObject({ kind: 'inSource', status: 'accepted' });
    expect(suppressed[0].suppressions[0].justification).toContain('省里已批准延期');
  });

  it("marks a plan's own waiver inSource and a waivers file's external, from a real run", async () => {
    const { dir } = planCopy('examples/partial.yaml', (t) =>
      `${t}waivers:\n  - rule: secretary-chain-five-levels\n    justification: 换届中\n    approved_by: 市委农办\n    expires: '2027-03-31'\n`,
    );
    writeFileSync(
      join(dir, 'waivers.yaml'),
      "waivers:\n  - rule: no-removal-through-transition\n    justification: 复核中\n    approved_by: 省农业农村厅\n    expires: '2027-01-31'\n",
    );
    const settings = loadSettings({ cwd: dir, config: false, waivers: ['waivers.yaml'], today: '2026-12-01' });
    const log = valid(sarif(await auditPaths(['plan.yaml'], settings), { lang: 'en', color: false }));
    const kinds = log.runs[0].results.filter((r: any) => r.suppressions).map((r: any) => [r.ruleId, r.suppressions[0].kind]);
    expect(kinds.sort()).toEqual([
      ['no-removal-through-transition', 'external'],
      ['secretary-chain-five-levels', 'inSource'],
    ]);
  });

  it('reports files it could not read as tool-execution notifications', async () => {
    const broken = planCopy('examples/partial.yaml', () => 'county: [unclosed\n');
    const r = await auditPaths(['plan.yaml', 'missing.yaml'], { cwd: broken.dir });
    const log = valid(sarif(r, { lang: 'en', color: false }));
    const inv = log.runs[0].invocations[0];
    expect(inv.executionSuccessful).toBe(false);
    expect(inv.toolExecutionNotifications.length).toBe(2);
    expect(inv.toolExecutionNotifications.map((n: any) => n.locations[0].physicalLocation.artifactLocation.uri).sort()).toEqual(['missing.yaml', 'plan.yaml']);
  });

  it('percent-encodes file names and never lets control characters through', () => {
    const r = hostile(result);
    const renamed = { ...r, files: r.files.map((f) => ({ ...f, findings: f.findings.map((x) => ({ ...x, file: '规划 文件/梅岭#1.yaml' })) })) };
    const text = sarif(renamed, { lang: 'zh', color: false });
    valid(text);
    expect(text).not.toMatch(CONTROL);
    expect(JSON.parse(text).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(
      `${encodeURIComponent('规划 文件')}/${encodeURIComponent('梅岭#1.yaml')}`,
    );
  });

  it("links the tool and every rule to the project's pages named in package.json, valid URIs all", () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    const repo = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
    const log = valid(sarif(result, { lang: 'zh', color: false }));
    const driver = log.runs[0].tool.driver;
    expect(driver.informationUri).toBe(pkg.homepage);
    for (const r of driver.rules) {
      expect(r.helpUri).toBe(`${repo}/blob/v${pkg.version}/docs/rules/${r.id}.md`);
      // The page it links to is in the repository (generated by npm run docs).
      expect(readFileSync(new URL(`../../docs/rules/${r.id}.md`, import.meta.url), 'utf8')).toContain(r.id);
    }
  });

  it('keeps a run under the results cap, the most severe first, and says what it left out', () => {
    const all = result.files.flatMap((f) => f.findings);
    const errors = all.filter((x) => x.severity === 'error').length;
    expect(SARIF_MAX_RESULTS).toBe(25_000);
    const log = valid(sarifLog(result, 'en', errors));
    const run = log.runs[0];
    expect(run.results).toHaveLength(errors);
    expect(run.results.every((r: { level: string }) => r.level === 'error')).toBe(true);
    const note = run.invocations[0].toolExecutionNotifications.find((n: { descriptor: { id: string } }) => n.descriptor.id === 'results-truncated');
    const warnings = all.filter((x) => x.severity === 'warning').length;
    const infos = all.filter((x) => x.severity === 'info').length;
    expect(note.level).toBe('warning');
    expect(note.message.text).toBe(`${all.length - errors} of ${all.length} results left out (0 error, ${warnings} warning, ${infos} note): a run holds at most ${errors} (GitHub code scanning's limit); -f json or -f junit has them all.`);
    expect(run.invocations[0].executionSuccessful).toBe(true);
    expect(valid(sarifLog(result, 'en', all.length)).runs[0].invocations[0].toolExecutionNotifications).toEqual([]);
  });
});
