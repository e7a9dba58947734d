/**
 * The audit the browser page runs (in its Web Worker): plans from memory against a built-in
 * profile, with the waivers the plans declare checked against the audit date — what `check`
 * does for the same files with a config extending that profile and no waivers file or baseline.
 */
import type { AuditResult, FileResult } from '../audit/result.js';
import { auditSourcesWith } from '../audit/sources.js';
import type { AuditOptions } from '../audit/run.js';
import { compareInputErrors } from '../plan/input-error.js';
import { applyWaivers, unmatchedTargets, type WaiverRun } from '../waivers/apply.js';
import { WAIVERS_AREA } from '../waivers/rules.js';
import type { WebProfile } from './profiles.js';

export interface PagePlan {
  name: string;
  bytes: Uint8Array;
}

export interface PageSettings {
  profile: WebProfile;
  /** The audit date, YYYY-MM-DD. */
  today: string;
  /** Larger files are refused, as `check --max-file-size` does. */
  maxBytes: number;
  onFile?: (done: number, total: number, file: string) => void;
}

/** Plans in the order `check` reports them: sorted by name. */
export function byName(plans: readonly PagePlan[]): PagePlan[] {
  return [...plans].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function auditInPage(plans: readonly PagePlan[], settings: PageSettings): AuditResult {
  const { profile, today, maxBytes } = settings;
  const sorted = byName(plans);
  const run: WaiverRun = { today, knownRules: new Set(profile.knownRules), fileWaivers: [], errors: [], used: new Set(), cwd: '' };
  // `today` also goes to the audit itself, for the rules that compare dates with the audit date.
  const options: AuditOptions & { today: string } = {
    parameters: profile.parameters,
    review: (doc, findings) => applyWaivers(doc, findings, run),
    onFile: settings.onFile,
    today,
  };
  const fits = sorted.filter((p) => p.bytes.length <= maxBytes);
  const result = auditSourcesWith(
    fits.map((p) => ({ file: p.name, content: p.bytes })),
    profile.catalog,
    options,
  );
  const audited = new Map(fits.map((p, i) => [p, result.files[i]!]));
  result.files = sorted.map((p): FileResult => audited.get(p) ?? { file: p.name, findings: [], error: { file: p.name, code: 'too-large', values: { size: p.bytes.length, limit: maxBytes } } });
  result.errors.push(...[...run.errors].sort(compareInputErrors), ...unmatchedTargets(run));
  if (run.used.size > 0) {
    result.rules = [...result.rules, ...[...run.used].sort((a, b) => (a.id < b.id ? -1 : 1))];
    result.areas = [...result.areas, WAIVERS_AREA];
  }
  return result;
}
