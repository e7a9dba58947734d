import type { AuditResult } from '../audit/result.js';
import { cmp } from '../engine/finding.js';
import { InputFileError, inputErrorMessage } from '../plan/input-error.js';
import { isInputError, parseYamlBytes, readInputBytes } from '../plan/load.js';

/**
 * A baseline records the gaps a repository of plans has today, so that CI fails only on new
 * ones. Gaps are known by fingerprint (rule, file, path with list items by code or id), never
 * by line, so reformatting or reordering a plan does not make old gaps look new.
 */
export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  file: string;
  /** The path when the baseline was written, for people reading the file; matching uses the fingerprint. */
  path: string;
}

export interface Baseline {
  baselineVersion: number;
  tool: string;
  gaps: BaselineEntry[];
}

/** The unwaived gaps of a run, sorted, one entry per fingerprint: the same run gives the same bytes. */
export function baselineText(result: AuditResult): string {
  const seen = new Set<string>();
  const gaps: BaselineEntry[] = [];
  for (const f of result.files) {
    for (const x of f.findings) {
      if (x.waiver || seen.has(x.fingerprint)) continue;
      seen.add(x.fingerprint);
      gaps.push({ fingerprint: x.fingerprint, ruleId: x.ruleId, file: x.file, path: x.path });
    }
  }
  gaps.sort((a, b) => cmp(a.file, b.file) || cmp(a.ruleId, b.ruleId) || cmp(a.path, b.path) || cmp(a.fingerprint, b.fingerprint));
  const baseline: Baseline = { baselineVersion: BASELINE_VERSION, tool: 'rural-audit', gaps };
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

/** A baseline as read from its file, with the name messages show for it. */
export interface LoadedBaseline {
  file: string;
  baseline: Baseline;
}

export function readBaseline(path: string, display: string): LoadedBaseline {
  const fail = (detail: string, line?: number, column?: number): never => {
    throw new InputFileError({ file: display, code: 'invalid-baseline', ...(line === undefined ? {} : { line, column }), values: { detail } });
  };
  const read = readInputBytes(path, display, 'baseline');
  if (isInputError(read)) throw new InputFileError(read);
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8').decode(read.bytes));
  } catch (e) {
    // JSON is YAML: the YAML parser says where the text goes wrong, JSON.parse does not always.
    const parsed = parseYamlBytes(read.bytes, display);
    if (isInputError(parsed)) fail(`not JSON: ${parsed.values.detail ?? inputErrorMessage(parsed, 'en')}`, parsed.line, parsed.column);
    fail(`not JSON: ${(e as Error).message.split('\n')[0]}`);
  }
  const b = data as Partial<Baseline>;
  if (typeof b !== 'object' || b === null || b.baselineVersion !== BASELINE_VERSION || !Array.isArray(b.gaps)) {
    fail(`not a rural-audit baseline of version ${BASELINE_VERSION} (write one with --write-baseline)`);
  }
  b.gaps!.forEach((g, i) => {
    if (typeof g !== 'object' || g === null || typeof g.fingerprint !== 'string') fail(`gaps[${i}] has no fingerprint`);
  });
  return { file: display, baseline: b as Baseline };
}

/**
 * Leave out the gaps the baseline knows; count those it knows that are gone from the files
 * audited now (fixed since). Waived gaps stay: they are shown as waived and fail nothing.
 */
export function applyBaseline(result: AuditResult, { baseline, file: display }: LoadedBaseline): AuditResult {
  const known = new Set(baseline.gaps.map((g) => g.fingerprint));
  const present = new Set<string>();
  let hidden = 0;
  const files = result.files.map((f) => {
    if (f.error) return f;
    const findings = f.findings.filter((x) => {
      present.add(x.fingerprint);
      if (x.waiver || !known.has(x.fingerprint)) return true;
      hidden++;
      return false;
    });
    return { ...f, findings };
  });
  const audited = new Set(result.files.filter((f) => !f.error).map((f) => f.file));
  const fixed = new Set(baseline.gaps.filter((g) => audited.has(g.file) && !present.has(g.fingerprint)).map((g) => g.fingerprint)).size;
  const notice = { code: 'baseline-applied' as const, values: { file: display, known: hidden, fixed } };
  return { ...result, files, baseline: { file: display, known: hidden, fixed }, notices: [...(result.notices ?? []), notice] };
}
