import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packed } from '../../src/audit/packed.js';
import { auditPaths, auditSources } from '../../src/audit/run.js';
import type { AuditResult, FileResult } from '../../src/audit/result.js';
import { countFindings, findingCounts } from '../../src/engine/finding.js';
import type { Finding } from '../../src/engine/finding.js';
import { joinReport } from '../../src/report/chunks.js';
import { FINGERPRINT_KEY, sarifLog } from '../../src/report/sarif.js';

/**
 * What a run over files keeps of each plan until the report is written: its findings as bytes,
 * not objects (src/audit/packed.ts; docs/performance.md) — and every reader still sees the
 * findings the audit made, field order included.
 */
const today = { today: '2026-12-01' };

describe('findings kept packed between audit and report', () => {
  // In the order discovery sorts them, as the in-memory audit keeps them.
  const plans = ['examples/aligned.yaml', 'examples/partial.yaml'];

  const isPacked = (f: FileResult) => typeof Object.getOwnPropertyDescriptor(f, 'findings')?.get === 'function';

  /** Each plan's audit packed as a run over many files keeps it, from the in-memory audit's objects. */
  const packedAudits = async () => {
    const { files } = await auditSources(plans.map((file) => ({ file, content: readFileSync(file, 'utf8') })), today);
    return files.map((result) => packed({ result }).result);
  };

  it('holds no finding objects once a file is audited on workers; one batch on the calling thread keeps its objects', async () => {
    // Worker threads run the build (src/audit/pool.ts loads worker.js beside it).
    const built = (await import(new URL('../../dist/audit/run.js', import.meta.url).href)) as typeof import('../../src/audit/run.js');
    // Two plans are audited on the calling thread; ten, more than one batch, on workers.
    const dir = mkdtempSync(join(tmpdir(), 'ra-packed-'));
    const ten = Array.from({ length: 10 }, (_, i) => {
      writeFileSync(join(dir, `p${i}.yaml`), readFileSync(plans[i % 2]!));
      return join(dir, `p${i}.yaml`);
    });
    for (const [paths, jobs, kept] of [[plans, 1, false], [ten, 1, true], [ten, 2, true]] as const) {
      const result = await built.auditPaths(paths, { ...today, jobs });
      expect(result.files).toHaveLength(paths.length);
      const withGaps = result.files.filter((f) => f.findings.length > 0);
      expect(withGaps.length).toBeGreaterThan(0);
      expect(withGaps.map(isPacked)).toEqual(withGaps.map(() => kept));
    }
  });

  it('reads back the findings the audit made, as the in-memory audit (which keeps objects) gives them', async () => {
    const fromPacked = await packedAudits();
    const fromMemory = await auditSources(plans.map((file) => ({ file, content: readFileSync(file, 'utf8') })), today);
    expect(fromPacked.every(isPacked)).toBe(true);
    expect(fromMemory.files.some(isPacked)).toBe(false);
    expect(JSON.stringify(fromPacked)).toBe(JSON.stringify(fromMemory.files));
    expect(structuredClone(fromPacked)).toEqual(fromMemory.files);
    expect({ ...fromPacked[0]! }).toEqual(fromMemory.files[0]);
  });

  it('gives a fresh array on each read, and keeps an array assigned to it as it is', async () => {
    const file = (await packedAudits())[1]!;
    const first = file.findings;
    first.pop();
    expect(file.findings).toHaveLength(first.length + 1);
    file.findings = first;
    expect(file.findings).toBe(first);
    expect(isPacked(file)).toBe(false);
  });

  it('leaves a file without findings unpacked', () => {
    const audit = { result: { file: 'a.yaml', findings: [] } };
    const kept = packed(audit);
    expect(kept).toEqual(audit);
    expect(isPacked(kept.result)).toBe(false);
  });

  it('counts the findings without unpacking them, and counts an array assigned instead', async () => {
    const file = (await packedAudits())[1]!;
    expect(isPacked(file)).toBe(true);
    const counts = findingCounts(file);
    expect(counts).toEqual(countFindings(file.findings));
    expect(counts.open.error + counts.open.warning + counts.open.info).toBe(file.findings.length);
    expect(counts.rules).toEqual([...new Set(file.findings.map((x) => x.ruleId))]);
    // Counted, not read: the counts come from packing, the same object every time.
    expect(findingCounts(file)).toBe(counts);
    const errors = file.findings.filter((x) => x.severity === 'error');
    expect(errors.length).toBeLessThan(file.findings.length);
    file.findings = errors;
    expect(findingCounts(file)).toEqual(countFindings(errors));
    expect(findingCounts(file).open.warning).toBe(0);
  });
});

describe('a capped SARIF log from counts', () => {
  // The rule before results were kept file by file: all findings sorted by level, open before
  // waived, then report order; the first `cap` kept.
  const reference = (result: AuditResult, cap: number): Finding[] => {
    const rank = { error: 0, warning: 1, info: 2 } as const;
    return result.files
      .flatMap((f) => f.findings)
      .map((x, i) => ({ x, i }))
      .sort((a, b) => rank[a.x.severity] - rank[b.x.severity] || Number(!!a.x.waiver) - Number(!!b.x.waiver) || a.i - b.i)
      .slice(0, cap)
      .map(({ x }) => x);
  };

  it('keeps the same results as sorting every finding did, wherever the cap falls', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-sarif-cap-'));
    const partial = readFileSync('examples/partial.yaml', 'utf8');
    writeFileSync(join(dir, 'a.yaml'), partial);
    writeFileSync(
      join(dir, 'b.yaml'),
      `${partial}waivers:\n  - rule: secretary-chain-five-levels\n    justification: 乡镇党委换届中\n    approved_by: 青岚市委农办\n    expires: '2027-03-31'\n`,
    );
    const result = await auditPaths([dir], today);
    const all = result.files.flatMap((f) => f.findings);
    const severities = new Set(all.map((x) => x.severity));
    expect(severities.size).toBeGreaterThan(1);
    expect(all.some((x) => x.waiver)).toBe(true);
    expect(new Set(all.map((x) => x.fingerprint)).size).toBe(all.length);
    const place = new Map(all.map((x, i) => [x.fingerprint, i]));
    for (let cap = 0; cap <= all.length; cap++) {
      const log = JSON.parse(joinReport(sarifLog(result, 'en', cap)));
      const kept = log.runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints[FINGERPRINT_KEY]);
      // Results stay in report order whatever the cap keeps.
      const expected = reference(result, cap).sort((a, b) => place.get(a.fingerprint)! - place.get(b.fingerprint)!);
      expect(kept).toEqual(expected.map((x) => x.fingerprint));
    }
  });
});
