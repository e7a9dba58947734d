/**
 * The whole audit of a run: plans found, left out by the config, audited (on worker threads or
 * this one, with the same per-file step), waivers summed across plans, the baseline applied.
 */
import { resolve } from 'node:path';
import { applyBaseline } from '../baseline/baseline.js';
import { loadBuiltinCatalog } from '../catalog/builtin.js';
import { isIgnored } from '../config/effective.js';
import { discoverPlans, displayPath } from '../plan/discover.js';
import { dayNumber } from '../engine/functions/date.js';
import { localDate } from '../engine/refs.js';
import { AuditContext, auditInOrder } from './file.js';
import { auditsOnWorkers } from './jobs.js';
import type { AuditResult } from './result.js';
import type { AuditSettings, WorkerSettings } from './settings.js';
import { shardOf } from './shard.js';
import { auditSourcesWith, resultOf, rulesNamed, settingsNotices, type PlanSource } from './sources.js';

/** @deprecated the name of `AuditSettings` before the library applied config, waivers and baselines. */
export type AuditOptions = AuditSettings;

export type { PlanSource } from './sources.js';

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
  // One batch is audited here and kept as it is: packing a few plans' findings would save nothing.
  const audited = auditsOnWorkers(files.length)
    ? await (await import('./pool.js')).auditInPool(files, jobs, plain, { onFile: settings.onFile })
    : await auditInOrder(files, context, settings.onFile);
  return withBaseline(resultOf(context, audited, discovered.errors, notices), settings);
}

/** Audit plans held in memory, through the same per-file step as `auditPaths`; nothing is read from disk but the catalog. */
export async function auditSources(sources: PlanSource[], settings: AuditSettings = {}): Promise<AuditResult> {
  const result = auditSourcesWith(sources, new AuditContext(workerSettings(settings)));
  return withBaseline(result, settings);
}

function withBaseline(result: AuditResult, settings: AuditSettings): AuditResult {
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

/** The audit date of a run: the one given, else RURAL_AUDIT_TODAY, else the machine's; a date that is no real day is refused. */
function auditDate(given: string | undefined = process.env.RURAL_AUDIT_TODAY || undefined): string {
  if (given === undefined) return localDate();
  if (dayNumber(given) === undefined) throw new RangeError(`today must be a real date YYYY-MM-DD, not ${JSON.stringify(given)}`);
  return given;
}
