import { loadBuiltinCatalog } from '../catalog/builtin.js';
import type { Catalog } from '../catalog/types.js';
import { compileCatalog, type CompiledCatalog } from '../engine/audit.js';
import type { Finding } from '../engine/finding.js';
import type { Encoding } from '../plan/decode.js';
import { discoverPlans, type PlanFile } from '../plan/discover.js';
import { DEFAULT_MAX_BYTES, loadDocument, type LoadedDocument } from '../plan/load.js';
import { auditInPool } from './pool.js';
import type { AuditResult, FileResult } from './result.js';
import { shardOf, type Shard } from './shard.js';
import { auditLoaded, auditSourcesWith, internalError, resultOf } from './sources.js';

export { auditLoaded } from './sources.js';

export interface AuditOptions {
  /** The catalog to apply; the built-in one by default. */
  catalog?: Catalog;
  /** Parameter values overriding the catalog's defaults. */
  parameters?: Record<string, unknown>;
  maxBytes?: number;
  encoding?: Encoding;
  cwd?: string;
  /** Worker threads; 1 (the default here) audits on the calling thread. */
  jobs?: number;
  /** Audit only this shard of the sorted file list. */
  shard?: Shard;
  /** Plan files a config ignores (absolute path in): left out of the run. */
  skip?: (path: string) => boolean;
  /** The compiled catalog for one plan file, when a config sets rules per file. */
  catalogFor?: (path: string) => CompiledCatalog;
  /** A last look at a file's gaps with its plan at hand: waivers are applied here. */
  review?: (doc: LoadedDocument, findings: Finding[]) => Finding[];
  /**
   * `review` must see every plan (a waivers file may name any of them). When false, only plans
   * that declare `waivers:` of their own need it, and the others may be audited on worker threads.
   */
  reviewAll?: boolean;
  /** Called after each file is audited, for a progress indicator. */
  onFile?: (done: number, total: number, file: string) => void;
}

/** A plan held in memory: an editor's buffer, text another program generated. */
export interface PlanSource {
  /** The name reports show for it. */
  file: string;
  /** YAML text, or bytes in any encoding `check` reads (UTF-8, UTF-16 with BOM, GBK). */
  content: string | Uint8Array;
}

/** Audit plan files, folders and globs: the whole pipeline short of formatting. */
export async function auditPaths(paths: string[], options: AuditOptions = {}): Promise<AuditResult> {
  const catalog = options.catalog ?? loadBuiltinCatalog();
  const compiled = compileCatalog(catalog, options.parameters);
  const discovered = await discoverPlans(paths, options.cwd);
  const kept = options.skip ? discovered.files.filter((f) => !options.skip!(f.path)) : discovered.files;
  const files = options.shard ? shardOf(kept, options.shard) : kept;
  const settings = { ...options, catalog };
  // Hooks are functions and cannot cross to a worker: per-file catalogs and waivers files keep the
  // audit on this thread; a plan's own waivers are applied here to what the workers return.
  const pooled = (options.jobs ?? 1) > 1 && files.length > 1 && !options.catalogFor && !(options.review && options.reviewAll);
  let results: FileResult[];
  if (pooled) {
    const { parameters, maxBytes, encoding } = options;
    results = await auditInPool(files, options.jobs!, { catalog, parameters, maxBytes, encoding }, options.onFile);
    if (options.review) {
      for (let i = 0; i < files.length; i++) {
        if (results[i]!.declaresWaivers) results[i] = await auditFile(files[i]!.path, files[i]!.display, compiled, settings);
      }
    }
  } else {
    results = await auditInOrder(files, compiled, settings);
  }
  return resultOf(catalog, results, discovered.errors);
}

/** Audit plans held in memory, through the same per-file step as `auditPaths`; nothing is read from disk but the catalog. */
export async function auditSources(sources: PlanSource[], options: AuditOptions = {}): Promise<AuditResult> {
  return auditSourcesWith(sources, options.catalog ?? loadBuiltinCatalog(), options);
}

/** Files being read while the one before is parsed and audited: the thread never waits on the disk. */
const READ_AHEAD = 4;

/**
 * Audit files one after another on this thread, in order, with the reads of the next few
 * overlapping the work on the current one. Only one document is parsed and held at a time.
 */
export async function auditInOrder(files: readonly PlanFile[], compiled: CompiledCatalog, options: AuditOptions): Promise<FileResult[]> {
  const results: FileResult[] = [];
  const running: Promise<FileResult>[] = [];
  const settle = async () => {
    const result = await running.shift()!;
    results.push(result);
    options.onFile?.(results.length, files.length, result.file);
  };
  for (const file of files) {
    running.push(auditFile(file.path, file.display, compiled, options));
    if (running.length > READ_AHEAD) await settle();
  }
  while (running.length > 0) await settle();
  return results;
}

export async function auditFile(path: string, display: string, compiled: CompiledCatalog, options: AuditOptions): Promise<FileResult> {
  let loaded;
  try {
    loaded = await loadDocument(path, display, { maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES, encoding: options.encoding });
  } catch (e) {
    return internalError(display, e);
  }
  return auditLoaded(loaded, path, compiled, options);
}
