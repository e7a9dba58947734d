import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditPaths } from '../../src/audit/run.js';
import type { AuditResult } from '../../src/audit/result.js';
import type { Finding, WaiverOrigin } from '../../src/engine/finding.js';

/**
 * The audit of the bundled plans of the transition period (not the 2026–2030 one), as every format
 * receives it, as of the pinned audit date (vitest.config.ts).
 */
export const examples = (paths: string[] = ['examples/aligned.yaml', 'examples/misaligned.yaml', 'examples/partial.yaml']): Promise<AuditResult> =>
  auditPaths(paths);

/** Text no plan should get into a terminal, a CI log or a page unescaped. */
export const HOSTILE = '芦苇\u001b[2J\u001b]0;pwned\u0007村\r\n::error::x|<script>alert(1)</script>@admin [a](javascript:x)';

/** A copy of an example plan in a fresh folder, changed by `edit`. */
export function planCopy(example: string, edit: (text: string) => string = (t) => t, name = 'plan.yaml'): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ra-report-'));
  const file = join(dir, name);
  writeFileSync(file, edit(readFileSync(example, 'utf8')));
  return { dir, file };
}

/** The result with the first gap of `ruleId` (in `file`, if given) waived, as the waivers feature marks it. */
export function waive(result: AuditResult, ruleId: string, file?: string, source = 'plan.yaml:3:5', origin: WaiverOrigin = 'plan'): AuditResult {
  let done = false;
  const files = result.files.map((f) => ({
    ...f,
    findings: f.findings.map((x): Finding => {
      if (done || x.ruleId !== ruleId || (file !== undefined && x.file !== file)) return x;
      done = true;
      return { ...x, waiver: { justification: '省里已批准延期', approvedBy: '市乡村振兴局', expires: '2026-06-30', source, origin } };
    }),
  }));
  if (!done) throw new Error(`no gap of ${ruleId} to waive`);
  return { ...result, files };
}

/** The result with every gap's message replaced by hostile text. */
export function hostile(result: AuditResult): AuditResult {
  return {
    ...result,
    files: result.files.map((f) => ({
      ...f,
      county: { name: HOSTILE, code: '439922' },
      findings: f.findings.map((x) => ({ ...x, message: { zh: HOSTILE, en: HOSTILE }, path: `villages[0]` })),
    })),
  };
}

/** Raw control characters: none may reach a terminal, a log or a report. */
export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
