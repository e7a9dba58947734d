/**
 * The per-file step of the audit — read, parse, rules, waivers, owners — built from plain
 * settings, so that the main thread and every worker thread audit a file the same way.
 */
import { resolve } from 'node:path';
import type { Catalog } from '../catalog/types.js';
import { effectiveSettings, tailoredCatalog } from '../config/effective.js';
import { auditDocument, compileCatalog, type CompiledCatalog } from '../engine/audit.js';
import { childOf } from '../engine/select.js';
import type { PlanFile } from '../plan/discover.js';
import type { InputError } from '../plan/input-error.js';
import { DEFAULT_MAX_BYTES, isInputError, loadDocument, type LoadedDocument } from '../plan/load.js';
import { applyWaivers, fileWaiversOf, type WaiverContext, type WaiverOutcome } from '../waivers/apply.js';
import { dueDateOf, ownerOf } from './owners.js';
import type { FileResult } from './result.js';
import type { WorkerSettings } from './settings.js';

/** One file's result, with what its waivers need reported across the run (see `unmatchedTargets`). */
export interface FileAudit {
  result: FileResult;
  waivers?: Omit<WaiverOutcome, 'findings'>;
}

/** The compiled catalogs and waivers of a run; one per thread, built from the same settings. */
export class AuditContext {
  /** The rules every plan starts from (the config's base settings) and the parameters with them. */
  readonly base: { catalog: Catalog; parameters: Record<string, unknown> };
  readonly waivers: WaiverContext;
  private readonly compiled = new Map<string, CompiledCatalog>();

  constructor(readonly settings: WorkerSettings) {
    const { config, catalog } = settings;
    this.base = config ? this.tailored(effectiveSettings(config)) : { catalog, parameters: { ...settings.parameters } };
    this.waivers = { today: settings.today, knownRules: new Set(catalog.rules.map((r) => r.id)), fileWaivers: fileWaiversOf(settings.waivers) };
  }

  private tailored(effective: ReturnType<typeof effectiveSettings>): { catalog: Catalog; parameters: Record<string, unknown> } {
    const t = tailoredCatalog(this.settings.catalog, effective);
    return { catalog: t.catalog, parameters: Object.assign(t.parameters, this.settings.parameters) };
  }

  /** The catalog for one plan: the base settings, or those of the config's overrides that match it (compiled once per set). */
  catalogFor(absPath: string): CompiledCatalog {
    const { config } = this.settings;
    const effective = config && config.overrides.length > 0 ? effectiveSettings(config, absPath) : undefined;
    const key = effective ? effective.overrides.join(',') : '';
    let compiled = this.compiled.get(key);
    if (!compiled) {
      const t = effective && key !== '' ? this.tailored(effective) : this.base;
      compiled = compileCatalog(t.catalog, t.parameters, this.settings.today);
      this.compiled.set(key, compiled);
    }
    return compiled;
  }
}

/** Files being read while the one before is parsed and audited: the thread never waits on the disk. */
const READ_AHEAD = 4;

/**
 * Audit files one after another on this thread, in order, with the reads of the next few
 * overlapping the work on the current one. Only one document is parsed and held at a time.
 */
export async function auditInOrder(
  files: readonly PlanFile[],
  context: AuditContext,
  onFile?: (done: number, total: number, file: string) => void,
): Promise<FileAudit[]> {
  const results: FileAudit[] = [];
  const running: Promise<FileAudit>[] = [];
  const settle = async () => {
    const audited = await running.shift()!;
    results.push(audited);
    onFile?.(results.length, files.length, audited.result.file);
  };
  for (const file of files) {
    running.push(auditFile(file.path, file.display, context));
    if (running.length > READ_AHEAD) await settle();
  }
  while (running.length > 0) await settle();
  return results;
}

export async function auditFile(path: string, display: string, context: AuditContext): Promise<FileAudit> {
  let loaded;
  try {
    const { maxBytes, encoding } = context.settings;
    loaded = await loadDocument(path, display, { maxBytes: maxBytes ?? DEFAULT_MAX_BYTES, encoding });
  } catch (e) {
    return { result: internalError(display, e) };
  }
  return auditLoaded(loaded, path, context);
}

/**
 * Audit a document already read, from a file or from memory: the rules, then waivers, then the
 * owner the plan names for each gap. `path` (absolute, or relative to the settings' `cwd`)
 * identifies the plan to per-file settings and to the globs of waivers files.
 */
export function auditLoaded(loaded: LoadedDocument | InputError, path: string, context: AuditContext): FileAudit {
  const display = loaded.file;
  if (isInputError(loaded)) return { result: { file: display, findings: [], error: loaded } };
  const absPath = resolve(context.settings.cwd, path);
  const { catalog } = context.settings;
  const county = childOf(loaded.data, 'county');
  const name = childOf(county, 'name');
  const code = childOf(county, 'code');
  let outcome: WaiverOutcome;
  try {
    outcome = applyWaivers(loaded, absPath, auditDocument(loaded, context.catalogFor(absPath)), context.waivers);
  } catch (e) {
    return { result: internalError(display, e) };
  }
  const findings = outcome.findings.map((f) => {
    const owner = ownerOf(f, loaded.data, catalog.owners?.[f.area]);
    return owner ? { ...f, owner } : f;
  });
  const { parameters } = context.base;
  const param = (name: string): unknown => (Object.hasOwn(parameters, name) ? parameters[name] : catalog.parameters[name]?.default);
  const due = dueDateOf(loaded.data, context.settings.today, param);
  const { errors, applied, found } = outcome;
  // A copy made of fresh strings: text taken from the plan (names, dates, messages) would otherwise
  // be slices of the whole file and keep every plan's source alive until the run ends.
  return structuredClone({
    result: {
      file: display,
      findings,
      encoding: loaded.encoding,
      due,
      ...(name !== undefined || code !== undefined
        ? { county: { name: typeof name === 'string' ? name : undefined, code: typeof code === 'string' ? code : undefined } }
        : {}),
    },
    ...(errors.length + applied.length > 0 ? { waivers: { errors, applied, found } } : {}),
  });
}

/** A bug, not the plan's fault: reported against this file, and the other files still audited. */
function internalError(display: string, e: unknown): FileResult {
  const detail = e instanceof Error ? e.message : String(e);
  return { file: display, findings: [], error: { file: display, code: 'internal-error', values: { detail } } };
}
