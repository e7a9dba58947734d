import { loadBuiltinCatalog } from '../catalog/builtin.js';
import type { Catalog } from '../catalog/types.js';
import { auditDocument, compileCatalog, type CompiledCatalog } from '../engine/audit.js';
import { childOf } from '../engine/select.js';
import type { Encoding } from '../plan/decode.js';
import { discoverPlans, type PlanFile } from '../plan/discover.js';
import { DEFAULT_MAX_BYTES, isInputError, loadDocument } from '../plan/load.js';
import { VERSION } from '../version.js';
import { auditInPool } from './pool.js';
import type { AuditResult, FileResult } from './result.js';
import { shardOf, type Shard } from './shard.js';

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
}

/** Audit plan files, folders and globs: the whole pipeline short of formatting. */
export async function auditPaths(paths: string[], options: AuditOptions = {}): Promise<AuditResult> {
  const catalog = options.catalog ?? loadBuiltinCatalog();
  const compiled = compileCatalog(catalog, options.parameters);
  const discovered = await discoverPlans(paths, options.cwd);
  const { errors } = discovered;
  const files = options.shard ? shardOf(discovered.files, options.shard) : discovered.files;
  let results: FileResult[] = [];
  if ((options.jobs ?? 1) > 1 && files.length > 1) {
    const { parameters, maxBytes, encoding } = options;
    results = await auditInPool(files, options.jobs!, { catalog, parameters, maxBytes, encoding });
  } else {
    results = await auditInOrder(files, compiled, options);
  }
  return {
    tool: { name: 'rural-audit', version: VERSION },
    files: results,
    errors,
    rules: catalog.rules,
    manual: catalog.manual,
    areas: catalog.areas,
    terms: catalog.terms,
  };
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
  for (const file of files) {
    running.push(auditFile(file.path, file.display, compiled, options));
    if (running.length > READ_AHEAD) results.push(await running.shift()!);
  }
  while (running.length > 0) results.push(await running.shift()!);
  return results;
}

export async function auditFile(path: string, display: string, compiled: CompiledCatalog, options: AuditOptions): Promise<FileResult> {
  const loaded = await loadDocument(path, display, {
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    encoding: options.encoding,
  });
  if (isInputError(loaded)) return { file: display, findings: [], error: loaded };
  const county = childOf(loaded.data, 'county');
  const name = childOf(county, 'name');
  const code = childOf(county, 'code');
  return {
    file: display,
    findings: auditDocument(loaded, compiled),
    encoding: loaded.encoding,
    ...(name !== undefined || code !== undefined
      ? { county: { name: typeof name === 'string' ? name : undefined, code: typeof code === 'string' ? code : undefined } }
      : {}),
  };
}
