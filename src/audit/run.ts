/**
 * The whole audit of a run: plans found, left out by the config, audited (on worker threads or
 * this one, with the same per-file step), waivers summed across plans, the baseline applied.
 */
import { resolve } from 'node:path';
import { applyBaseline } from '../baseline/baseline.js';
import { loadBuiltinCatalog } from '../catalog/builtin.js';
import { isIgnored } from '../config/effective.js';
import { cmp } from '../engine/finding.js';
import { discoverPlans, displayPath } from '../plan/discover.js';
import type { InputError } from '../plan/input-error.js';
import { parseDocumentBytes } from '../plan/load.js';
import { unmatchedTargets } from '../waivers/apply.js';
import { WAIVER_RULES, WAIVERS_AREA } from '../waivers/rules.js';
import { dayNumber } from '../engine/functions/date.js';
import { localDate } from '../engine/refs.js';
import { VERSION } from '../version.js';
import { AuditContext, auditInOrder, auditLoaded, type FileAudit } from './file.js';
import { auditInPool } from './pool.js';
import type { AuditResult, Notice } from './result.js';
import type { AuditSettings, WorkerSettings } from './settings.js';
import { shardOf } from './shard.js';

/** @deprecated the name of `AuditSettings` before the library applied config, waivers and baselines. */
export type AuditOptions = AuditSettings;

/** A plan held in memory: an editor's buffer, text another program generated. */
export interface PlanSource {
  /** The name reports show for it. */
  file: string;
  /** YAML text, or bytes in any encoding `check` reads (UTF-8, UTF-16 with BOM, GBK). */
  content: string | Uint8Array;
}

/** The settings with every default filled in: what crosses to worker threads. */
function workerSettings(settings: AuditSettings): WorkerSettings {
  const { catalog, parameters, config, waivers, today, maxBytes, encoding, cwd } = settings;
  return {
    catalog: config?.catalog ?? catalog ?? loadBuiltinCatalog(),
    ...(parameters ? { parameters } : {}),
    ...(config ? { config } : {}),
    waivers: waivers ?? [],
    today: auditDate(today),
    ...(maxBytes === undefined ? {} : { maxBytes }),
    ...(encoding === undefined ? {} : { encoding }),
    cwd: cwd ?? process.cwd(),
  };
}

/** Audit plan files, folders and globs: the whole pipeline short of formatting. */
export async function auditPaths(paths: string[], settings: AuditSettings = {}): Promise<AuditResult> {
  const plain = workerSettings(settings);
  const context = new AuditContext(plain);
  const notices = settingsNotices(plain);
  const discovered = await discoverPlans(paths, settings.cwd, { onWalk: settings.onSearch });
  const named = new Set(paths.map((p) => resolve(plain.cwd, p)));
  const waiverPaths = new Set(plain.waivers.map((w) => w.path));
  const kept = discovered.files.filter((f) => {
    if (waiverPaths.has(f.path)) return false;
    if (!plain.config || !isIgnored(plain.config, f.path)) return true;
    if (named.has(f.path)) notices.push({ code: 'ignored-by-config', values: { file: displayPath(f.path, plain.cwd) } });
    return false;
  });
  const files = settings.shard ? shardOf(kept, settings.shard) : kept;
  const jobs = settings.jobs ?? 1;
  const audited =
    jobs > 1 && files.length > 1 ? await auditInPool(files, jobs, plain, settings.onFile) : await auditInOrder(files, context, settings.onFile);
  return resultOf(context, audited, discovered.errors, notices, settings);
}

/** Audit plans held in memory, through the same per-file step as `auditPaths`; nothing is read from disk but the catalog. */
export async function auditSources(sources: PlanSource[], settings: AuditSettings = {}): Promise<AuditResult> {
  const plain = workerSettings(settings);
  const context = new AuditContext(plain);
  const audited = sources.map((s) => {
    const bytes = typeof s.content === 'string' ? Buffer.from(s.content, 'utf8') : s.content;
    return auditLoaded(parseDocumentBytes(bytes, s.file, plain.encoding), s.file, context);
  });
  return resultOf(context, audited, [], settingsNotices(plain), settings);
}

function settingsNotices(settings: WorkerSettings): Notice[] {
  return (settings.config?.profiles ?? []).filter((p) => p.example).map((p) => ({ code: 'example-profile', values: { profile: p.name } }));
}

function resultOf(context: AuditContext, audited: FileAudit[], errors: InputError[], notices: Notice[], settings: AuditSettings): AuditResult {
  const { catalog, waivers } = context.settings;
  const files = audited.map((a) => a.result);
  const outcomes = audited.flatMap((a) => (a.waivers ? [a.waivers] : []));
  // Plans finish in any order on worker threads: sorted, so that the report is the same every run.
  const waiverErrors = [...waivers.flatMap((w) => w.errors), ...outcomes.flatMap((o) => o.errors)].sort(compareInputErrors);
  // Rules in force for every plan, and those an override turned on for some plan that reported a gap.
  const ran = new Set([...context.base.catalog.rules.map((r) => r.id), ...files.flatMap((f) => f.findings.map((x) => x.ruleId))]);
  const { rules, manual, areas, terms } = rulesNamed(context, ran);
  const result: AuditResult = {
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
  return settings.baseline ? applyBaseline(result, settings.baseline) : result;
}

/**
 * The rules with these ids as the settings shape them (severities of the base settings), in
 * catalog order, the waiver rules last; with the areas, checklist and terms that go with them.
 * `unknown` lists the ids neither the catalog nor the waiver rules have.
 */
export function ruleSet(settings: AuditSettings, ids: Iterable<string>): Pick<AuditResult, 'rules' | 'areas' | 'manual' | 'terms'> & { unknown: string[] } {
  return rulesNamed(new AuditContext(workerSettings(settings)), new Set(ids));
}

function rulesNamed(context: AuditContext, ids: Set<string>): Pick<AuditResult, 'rules' | 'areas' | 'manual' | 'terms'> & { unknown: string[] } {
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

function compareInputErrors(a: InputError, b: InputError): number {
  return cmp(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || cmp(a.code, b.code);
}

/** The audit date of a run: the one given, else RURAL_AUDIT_TODAY, else the machine's; a date that is no real day is refused. */
function auditDate(given: string | undefined = process.env.RURAL_AUDIT_TODAY || undefined): string {
  if (given === undefined) return localDate();
  if (dayNumber(given) === undefined) throw new RangeError(`today must be a real date YYYY-MM-DD, not ${JSON.stringify(given)}`);
  return given;
}
