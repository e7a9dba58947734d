import type { AuditResult } from '../audit/result.js';
import type { Severity } from '../catalog/types.js';

export type Counts = Record<Severity, number>;

export interface AreaSummary {
  area: string;
  counts: Counts;
}

const zero = (): Counts => ({ error: 0, warning: 0, info: 0 });

/** Gap counts per area, in catalog order, and the totals: the table reviewers read first. */
export function summariseByArea(result: AuditResult): { areas: AreaSummary[]; total: Counts } {
  const byArea = new Map(result.areas.map((a) => [a.id, zero()]));
  const total = zero();
  for (const f of result.files) {
    for (const x of f.findings) {
      let c = byArea.get(x.area);
      if (!c) byArea.set(x.area, (c = zero()));
      c[x.severity]++;
      total[x.severity]++;
    }
  }
  return { areas: [...byArea].map(([area, counts]) => ({ area, counts })), total };
}
