import type { AuditResult } from '../audit/result.js';
import { totalCounts } from '../engine/finding.js';

/** `--quiet`: the result with errors only (waived ones too); warnings and info left out of every report. */
export function errorsOnly(result: AuditResult): AuditResult {
  return { ...result, files: result.files.map((f) => ({ ...f, findings: f.findings.filter((x) => x.severity === 'error') })) };
}

/** Warnings not covered by a waiver, which `--max-warnings` counts. */
export function openWarnings(result: AuditResult): number {
  return totalCounts(result.files).open.warning;
}
