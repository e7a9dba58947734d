import { loadCatalog } from '../catalog/load.js';
import type { Catalog } from '../catalog/types.js';
import { auditDocument, compileCatalog, type CompiledCatalog } from '../engine/audit.js';
import { childOf } from '../engine/select.js';
import type { Encoding } from '../plan/decode.js';
import { discoverPlans } from '../plan/discover.js';
import { DEFAULT_MAX_BYTES, isInputError, loadDocument } from '../plan/load.js';
import { VERSION } from '../version.js';
import type { AuditResult, FileResult } from './result.js';

export interface AuditOptions {
  /** The catalog to apply; the built-in one by default. */
  catalog?: Catalog;
  /** Parameter values overriding the catalog's defaults. */
  parameters?: Record<string, unknown>;
  maxBytes?: number;
  encoding?: Encoding;
  cwd?: string;
}

/** Audit plan files, folders and globs: the whole pipeline short of formatting. */
export async function auditPaths(paths: string[], options: AuditOptions = {}): Promise<AuditResult> {
  const catalog = options.catalog ?? loadCatalog();
  const compiled = compileCatalog(catalog, options.parameters);
  const { files, errors } = await discoverPlans(paths, options.cwd);
  const results: FileResult[] = [];
  for (const file of files) {
    results.push(await auditFile(file.path, file.display, compiled, options));
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

export async function auditFile(path: string, display: string, compiled: CompiledCatalog, options: AuditOptions): Promise<FileResult> {
  let loaded;
  try {
    loaded = await loadDocument(path, display, { maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES, encoding: options.encoding });
  } catch (e) {
    return internalError(display, e);
  }
  if (isInputError(loaded)) return { file: display, findings: [], error: loaded };
  const county = childOf(loaded.data, 'county');
  const name = childOf(county, 'name');
  const code = childOf(county, 'code');
  let findings;
  try {
    findings = auditDocument(loaded, compiled);
  } catch (e) {
    return internalError(display, e);
  }
  return {
    file: display,
    findings,
    encoding: loaded.encoding,
    ...(name !== undefined || code !== undefined
      ? { county: { name: typeof name === 'string' ? name : undefined, code: typeof code === 'string' ? code : undefined } }
      : {}),
  };
}

/** A bug, not the plan's fault: reported against this file, and the other files still audited. */
function internalError(display: string, e: unknown): FileResult {
  const detail = e instanceof Error ? e.message : String(e);
  return { file: display, findings: [], error: { file: display, code: 'internal-error', values: { detail } } };
}
