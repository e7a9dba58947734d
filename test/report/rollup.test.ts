import { beforeAll, describe, expect, it } from 'vitest';
import { auditPaths } from '../../src/audit/run.js';
import type { AuditResult, FileResult } from '../../src/audit/result.js';
import type { Rule } from '../../src/catalog/types.js';
import type { Finding } from '../../src/engine/finding.js';
import { FORMATS } from '../../src/report/index.js';
import { rollup } from '../../src/report/rollup.js';
import { score } from '../../src/report/score.js';
import { examples } from './helpers.js';
import { joinReport } from '../../src/report/chunks.js';
import type { ReportOutput } from '../../src/report/types.js';

const rule = (id: string, severity: Rule['severity'], area = 'a') => ({ id, severity, area }) as Rule;
const gap = (ruleId: string, waived = false) =>
  ({ ruleId, severity: 'error', area: 'a', ...(waived ? { waiver: { justification: 'j', approvedBy: 'b', expires: '2030-01-01', source: 'plan.yaml:3:5', origin: 'plan' } } : {}) }) as Finding;
const file = (findings: Finding[]): FileResult => ({ file: 'p.yaml', findings });

describe('alignment score', () => {
  const rules = [rule('e1', 'error'), rule('e2', 'error'), rule('w1', 'warning'), rule('i1', 'info')];

  it('is the severity-weighted share of rules passed, rounded down', () => {
    expect(score(file([]), rules)).toBe(100);
    // weights 3 + 3 + 2 + 1 = 9; failing e1 leaves 6 of 9.
    expect(score(file([gap('e1'), gap('e1')]), rules)).toBe(66);
    expect(score(file([gap('w1')]), rules)).toBe(77);
    expect(score(file([gap('e1'), gap('e2'), gap('w1'), gap('i1')]), rules)).toBe(0);
    expect(score(file([]), [])).toBeUndefined();
  });

  it('counts a rule whose gaps are all waived as passed', () => {
    expect(score(file([gap('e1', true)]), rules)).toBe(100);
    expect(score(file([gap('e1', true), gap('e1')]), rules)).toBe(66);
  });
});

describe('county roll-up', () => {
  let result: AuditResult;
  beforeAll(async () => {
    result = await examples();
  });

  it('has a row per audited plan, a column per area with rules, mean scores and summed counts', () => {
    const r = rollup(result, 'zh')!;
    expect(r.rows.map((x) => x.label)).toEqual(['桃溪县（439921）', '柳河县（439923）', '梅岭县（439922）']);
    const withRules = new Set(result.rules.map((x) => x.area));
    expect(r.areas.map((a) => a.id)).toEqual(result.areas.filter((a) => withRules.has(a.id)).map((a) => a.id));
    for (let k = 0; k < r.areas.length; k++) {
      const scores = r.rows.map((x) => x.cells[k]!.score!);
      expect(r.totals[k]!.score).toBe(Math.floor(scores.reduce((a, b) => a + b, 0) / scores.length));
      expect(r.totals[k]!.counts.error).toBe(r.rows.reduce((n, x) => n + x.cells[k]!.counts.error, 0));
    }
    expect(r.rows[0]!.cells.every((c) => c.score === 100)).toBe(true);
    expect(r.counts.error).toBe(result.files.flatMap((f) => f.findings).filter((x) => x.severity === 'error').length);
  });

  it('names the weakest areas, lowest mean score first, none at 100', () => {
    const r = rollup(result, 'en')!;
    const means = r.weakest.map((w) => w.score);
    expect(means).toEqual([...means].sort((a, b) => a - b));
    expect(r.weakest.length).toBeGreaterThan(0);
    expect(r.weakest.length).toBeLessThanOrEqual(3);
    const lowest = Math.min(...r.totals.map((t) => t.score!));
    expect(r.weakest[0]!.score).toBe(lowest);
  });

  it('is absent for a single plan and tells two plans of one county apart by file', async () => {
    expect(rollup({ ...result, files: result.files.slice(1, 2) }, 'zh')).toBeUndefined();
    const twice = { ...result, files: [result.files[2]!, { ...result.files[2]!, file: 'copy/partial.yaml' }] };
    expect(rollup(twice, 'zh')!.rows.map((x) => x.label)).toEqual(['梅岭县（439922） (examples/partial.yaml)', '梅岭县（439922） (copy/partial.yaml)']);
  });
});

describe('every format', () => {
  it('is byte-identical for the same plans named in any order', async () => {
    const a = await auditPaths(['examples/partial.yaml', 'examples/misaligned.yaml', 'examples/aligned.yaml']);
    const b = await auditPaths(['examples/aligned.yaml', 'examples/misaligned.yaml', 'examples/partial.yaml']);
    for (const [name, format] of Object.entries(FORMATS)) {
      for (const lang of ['zh', 'en'] as const) expect(await made(format(b, { lang, color: false })), name).toEqual(await made(format(a, { lang, color: false })));
    }
  });
});

/** A report as text or bytes, whatever form its format gives it in. */
async function made(out: ReportOutput): Promise<string | Uint8Array> {
  const value = await out;
  return typeof value === 'string' || value instanceof Uint8Array ? value : joinReport(value);
}
