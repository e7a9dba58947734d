import type { FileResult } from '../audit/result.js';
import type { Rule, Severity } from '../catalog/types.js';

/** How much a rule weighs in the alignment score (docs/score.md). */
export const SCORE_WEIGHT: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/**
 * The alignment score of one plan over some rules, 0–100: the severity-weighted share of the rules
 * the plan passes. A rule passes when it left no gap, or only waived gaps. Undefined when no rule
 * applies (an area without rules has no score).
 */
export function score(file: Pick<FileResult, 'findings'>, rules: readonly Rule[]): number | undefined {
  if (rules.length === 0) return undefined;
  const failing = new Set(file.findings.filter((x) => !x.waiver).map((x) => x.ruleId));
  let total = 0;
  let passed = 0;
  for (const r of rules) {
    total += SCORE_WEIGHT[r.severity];
    if (!failing.has(r.id)) passed += SCORE_WEIGHT[r.severity];
  }
  return Math.floor((100 * passed) / total);
}
