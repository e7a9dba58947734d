/**
 * The in-memory audit — plans from memory through the per-file step, waivers summed across plans —
 * with its settings already plain (`WorkerSettings`). No node: module on this path, so that the
 * browser page (src/web) runs the library's own audit; `run.ts` adds discovery, threads, baselines.
 */
import { compareInputErrors, type InputError } from '../plan/input-error.js';
import { parseDocumentBytes } from '../plan/document.js';
import { unmatchedTargets } from '../waivers/apply.js';
import { WAIVER_RULES, WAIVERS_AREA } from '../waivers/rules.js';
import { VERSION } from '../version.js';
import { auditLoaded, PlainAuditContext, type FileAudit } from './step.js';
import { findingCounts } from '../engine/finding.js';
import type { AuditResult, Notice } from './result.js';
import type { WorkerSettings } from './settings.js';

/** A plan held in memory: an editor's buffer, text another program generated. */
export interface PlanSource {
  /** The name reports show for it. */
  file: string;
  /** YAML text, or bytes in any encoding `check` reads (UTF-8, UTF-16 with BOM, GBK). */
  content: string | Uint8Array;
}

/** Audit plans held in memory with a context built from plain settings (every default filled in: `today`, `cwd`, the catalog). */
export function auditSourcesWith(
  sources: readonly PlanSource[],
  context: PlainAuditContext,
  onFile?: (done: number, total: number, file: string) => void,
): AuditResult {
  const plain = context.settings;
  const encoder = new TextEncoder();
  const audited = sources.map((s, i) => {
    const bytes = typeof s.content === 'string' ? encoder.encode(s.content) : s.content;
    const one = context.shareWords(auditLoaded(parseDocumentBytes(bytes, s.file, plain.encoding), s.file, context));
    onFile?.(i + 1, sources.length, s.file);
    return one;
  });
  return resultOf(context, audited, [], settingsNotices(plain));
}

export function settingsNotices(settings: WorkerSettings): Notice[] {
  return (settings.config?.profiles ?? []).filter((p) => p.example).map((p) => ({ code: 'example-profile', values: { profile: p.name } }));
}

/** The run's result from its files' audits (the baseline is applied by the caller, run.ts). */
export function resultOf(context: PlainAuditContext, audited: FileAudit[], errors: InputError[], notices: Notice[]): AuditResult {
  const { waivers } = context.settings;
  const files = audited.map((a) => a.result);
  const outcomes = audited.flatMap((a) => (a.waivers ? [a.waivers] : []));
  // Plans finish in any order on worker threads: sorted, so that the report is the same every run.
  const waiverErrors = [...waivers.flatMap((w) => w.errors), ...outcomes.flatMap((o) => o.errors)].sort(compareInputErrors);
  // Rules in force for every plan, and those an override turned on for some plan that reported a gap.
  const ran = new Set([...context.base.catalog.rules.map((r) => r.id), ...files.flatMap((f) => findingCounts(f).rules)]);
  const { rules, manual, areas, terms } = rulesNamed(context, ran);
  return {
    tool: { name: 'rural-audit', version: VERSION },
    asOf: context.settings.today,
    files,
    errors: [...errors, ...waiverErrors, ...unmatchedTargets(context.waivers.fileWaivers, outcomes)],
    rules,
    manual,
    areas,
    terms,
    ...(notices.length > 0 ? { notices } : {}),
  };
}

export function rulesNamed(context: PlainAuditContext, ids: Set<string>): Pick<AuditResult, 'rules' | 'areas' | 'manual' | 'terms'> & { unknown: string[] } {
  const { catalog } = context.settings;
  const inBase = new Map(context.base.catalog.rules.map((r) => [r.id, r]));
  const metaRules = WAIVER_RULES.filter((r) => ids.has(r.id));
  const rules = [...catalog.rules.filter((r) => ids.has(r.id)).map((r) => inBase.get(r.id) ?? r), ...metaRules];
  const known = new Set(rules.map((r) => r.id));
  return {
    rules,
    manual: catalog.manual,
    areas: metaRules.length > 0 ? [...catalog.areas, WAIVERS_AREA] : catalog.areas,
    terms: catalog.terms,
    unknown: [...ids].filter((id) => !known.has(id)),
  };
}
