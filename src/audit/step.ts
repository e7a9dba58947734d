/**
 * The per-file step of the audit — parse, rules, waivers, owners — built from plain settings, so
 * that the main thread, every worker thread and the browser page audit a plan the same way.
 * Reading files, configs and waivers files' globs are file.ts (`AuditContext`); nothing here
 * reaches a node: module but the engine's hashing (which the browser page maps, src/web/node/).
 */
import type { Catalog } from '../catalog/types.js';
import { auditDocument, compileCatalog, type CompiledCatalog } from '../engine/audit.js';
import { childOf } from '../engine/select.js';
import type { InputError } from '../plan/input-error.js';
import { isInputError, type LoadedDocument } from '../plan/document.js';
import { applyWaivers, type FileWaiver, type WaiverContext, type WaiverOutcome } from '../waivers/apply.js';
import { dueDateOf, ownerOf } from './owners.js';
import type { FileResult } from './result.js';
import type { WorkerSettings } from './settings.js';

/** One file's result, with what its waivers need reported across the run (see `unmatchedTargets`). */
export interface FileAudit {
  result: FileResult;
  waivers?: Omit<WaiverOutcome, 'findings'>;
}

/** Settings tailored for some plans, under a key naming the overrides that made them. */
export interface Tailoring {
  key: string;
  tailored?: () => { catalog: Catalog; parameters: Record<string, unknown> };
}

/**
 * The compiled catalogs and waivers of a run from plain settings without a config or waivers
 * files: what the browser page audits with. `AuditContext` (file.ts) adds both; one per thread.
 */
export class PlainAuditContext {
  /** The rules every plan starts from (the config's base settings) and the parameters with them. */
  readonly base: { catalog: Catalog; parameters: Record<string, unknown> };
  readonly waivers: WaiverContext;
  private readonly compiled = new Map<string, CompiledCatalog>();

  constructor(readonly settings: WorkerSettings) {
    this.base = this.baseSettings();
    const knownRules = new Set(settings.catalog.rules.map((r) => r.id));
    this.waivers = { today: settings.today, knownRules, fileWaivers: this.fileWaivers() };
  }

  protected baseSettings(): { catalog: Catalog; parameters: Record<string, unknown> } {
    if (this.settings.config) throw new Error('a config is applied by AuditContext (audit/file.ts)');
    return { catalog: this.settings.catalog, parameters: { ...this.settings.parameters } };
  }

  protected fileWaivers(): FileWaiver[] {
    if (this.settings.waivers.length > 0) throw new Error('waivers files are applied by AuditContext (audit/file.ts)');
    return [];
  }

  /** The overrides that apply to this plan; none without a config. */
  protected tailoringFor(_absPath: string): Tailoring {
    return { key: '' };
  }

  /** A plan's path as per-file settings and waivers files' globs see it. Without a file system: the name under `cwd`. */
  absolutePath(path: string): string {
    return path.startsWith('/') ? path : `${this.settings.cwd.replace(/\/$/, '')}/${path}`;
  }

  /** One copy of each word many findings repeat (rule, severity, area, clauses, owner): kept for the whole run. */
  private readonly words = new Map<string, string>();
  private readonly clauseLists = new Map<string, string[]>();

  /**
   * The same audit with the words its findings repeat shared across the run rather than copied
   * per finding, for runs that keep findings as objects until the report is formatted (plans
   * from memory, the browser page); a run over files packs them instead (packed.ts).
   */
  shareWords(fresh: FileAudit): FileAudit {
    // A copy made of fresh strings: text taken from the plan would otherwise be slices of the whole
    // file and keep every plan's source alive as long as the result.
    const audit = structuredClone(fresh);
    const word = (w: string): string => {
      const known = this.words.get(w);
      if (known !== undefined) return known;
      this.words.set(w, w);
      return w;
    };
    for (const f of audit.result.findings) {
      f.ruleId = word(f.ruleId);
      f.severity = word(f.severity) as typeof f.severity;
      f.area = word(f.area);
      f.file = audit.result.file;
      const key = f.clauses.join('\0');
      const clauses = this.clauseLists.get(key);
      if (clauses) f.clauses = clauses;
      else this.clauseLists.set(key, f.clauses);
      if (f.owner) f.owner = { names: f.owner.names.map(word), field: word(f.owner.field) };
    }
    return audit;
  }

  /** The catalog for one plan: the base settings, or those of the config's overrides that match it (compiled once per set). */
  catalogFor(absPath: string): CompiledCatalog {
    const { key, tailored } = this.tailoringFor(absPath);
    let compiled = this.compiled.get(key);
    if (!compiled) {
      const t = tailored && key !== '' ? tailored() : this.base;
      compiled = compileCatalog(t.catalog, t.parameters, this.settings.today);
      this.compiled.set(key, compiled);
    }
    return compiled;
  }
}

/**
 * Audit a document already read, from a file or from memory: the rules, then waivers, then the
 * owner the plan names for each gap. `path` (absolute, or relative to the settings' `cwd`)
 * identifies the plan to per-file settings and to the globs of waivers files.
 */
export function auditLoaded(loaded: LoadedDocument | InputError, path: string, context: PlainAuditContext): FileAudit {
  const display = loaded.file;
  if (isInputError(loaded)) return { result: { file: display, findings: [], error: loaded } };
  const absPath = context.absolutePath(path);
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
  // Set in place, last, as `buildFinding` places it: the findings are this audit's own, and a copy
  // of each (seventeen fields) cost more than finding its owner.
  const { findings } = outcome;
  for (const f of findings) {
    const owner = ownerOf(f, loaded.data, catalog.owners?.[f.area]);
    if (owner) f.owner = owner;
  }
  const { parameters } = context.base;
  const param = (name: string): unknown => (Object.hasOwn(parameters, name) ? parameters[name] : catalog.parameters[name]?.default);
  const due = dueDateOf(loaded.data, context.settings.today, param);
  const { errors, applied, found } = outcome;
  // Text taken from the plan (names, dates, messages) is still slices of the whole file: what keeps
  // the audit copies it (packed.ts, `shareWords`; a worker thread's reply is copied on its way).
  return {
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
  };
}

/** A bug, not the plan's fault: reported against this file, and the other files still audited. */
export function internalError(display: string, e: unknown): FileResult {
  const detail = e instanceof Error ? e.message : String(e);
  return { file: display, findings: [], error: { file: display, code: 'internal-error', values: { detail } } };
}
