import type { AuditResult } from '../audit/result.js';
import type { Severity } from '../catalog/types.js';

export type Counts = Record<Severity, number>;

export interface AreaSummary {
  area: string;
  counts: Counts;
  /** Gaps covered by an active waiver: shown, never counted as failures. */
  waived: number;
}

export const zero = (): Counts => ({ error: 0, warning: 0, info: 0 });

/** Gap counts per area, in catalog order, and the totals: the table reviewers read first. */
export function summariseByArea(result: AuditResult): { areas: AreaSummary[]; total: Counts; waived: number } {
  const byArea = new Map<string, AreaSummary>(result.areas.map((a) => [a.id, { area: a.id, counts: zero(), waived: 0 }]));
  const total = zero();
  let waived = 0;
  for (const f of result.files) {
    for (const x of f.findings) {
      let s = byArea.get(x.area);
      if (!s) byArea.set(x.area, (s = { area: x.area, counts: zero(), waived: 0 }));
      if (x.waiver) {
        s.waived++;
        waived++;
      } else {
        s.counts[x.severity]++;
        total[x.severity]++;
      }
    }
  }
  return { areas: [...byArea.values()], total, waived };
}
