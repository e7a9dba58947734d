/**
 * The audit the browser page runs (in its Web Worker): plans from memory through the library's
 * in-memory audit (audit/sources.ts), with plain settings — a built-in profile's catalog and
 * parameters, the audit date — what `check` does for the same files with a config extending that
 * profile and no waivers file or baseline.
 */
import type { AuditResult, FileResult } from '../audit/result.js';
import { auditSourcesWith } from '../audit/sources.js';
import { PlainAuditContext } from '../audit/step.js';
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
  const fits = sorted.filter((p) => p.bytes.length <= maxBytes);
  // No file system here: plan names are the paths, relative to a root that is never read.
  const result = auditSourcesWith(
    fits.map((p) => ({ file: p.name, content: p.bytes })),
    new PlainAuditContext({ catalog: profile.catalog, parameters: profile.parameters, waivers: [], today, maxBytes, cwd: '/' }),
    settings.onFile,
  );
  const audited = new Map(fits.map((p, i) => [p, result.files[i]!]));
  result.files = sorted.map((p): FileResult => audited.get(p) ?? { file: p.name, findings: [], error: { file: p.name, code: 'too-large', values: { size: p.bytes.length, limit: maxBytes } } });
  return result;
}
