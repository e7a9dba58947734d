import { loadCatalog } from '../catalog/load.js';
import type { Catalog } from '../catalog/types.js';
import { auditDocument, compileCatalog, type CompiledCatalog } from '../engine/audit.js';
import { childOf } from '../engine/select.js';
import type { Encoding } from '../plan/decode.js';
import { discoverPlans } from '../plan/discover.js';
import type { InputError } from '../plan/input-error.js';
import { DEFAULT_MAX_BYTES, isInputError, loadDocument, parseDocumentBytes, type LoadedDocument } from '../plan/load.js';
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
  /** Called after each file is audited, for a progress indicator. */
  onFile?: (done: number, total: number, file: string) => void;
}

/** Audit plan files, folders and globs: the whole pipeline short of formatting. */
export async function auditPaths(paths: string[], options: AuditOptions = {}): Promise<AuditResult> {
  const catalog = options.catalog ?? loadCatalog();
  const compiled = compileCatalog(catalog, options.parameters);
  const { files, errors } = await discoverPlans(paths, options.cwd);
  const results: FileResult[] = [];
  for (const file of files) {
    results.push(await auditFile(file.path, file.display, compiled, options));
    options.onFile?.(results.length, files.length, file.display);
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
  const loaded = await loadDocument(path, display, {
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    encoding: options.encoding,
  });
  return auditLoaded(loaded, display, compiled);
}

/** Audit a document already read: from a file, or from memory (the library's `auditText`). */
export function auditLoaded(loaded: LoadedDocument | InputError, display: string, compiled: CompiledCatalog): FileResult {
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

/** A plan held in memory: an editor's buffer, text another program generated. */
export interface PlanSource {
  /** The name reports show for it. */
  file: string;
  /** YAML text, or bytes in any encoding `check` reads (UTF-8, UTF-16 with BOM, GBK). */
  content: string | Uint8Array;
}

/** Audit plans held in memory, through the same per-file step as `auditPaths`; nothing is read from disk but the catalog. */
export async function auditSources(sources: PlanSource[], options: AuditOptions = {}): Promise<AuditResult> {
  const catalog = options.catalog ?? loadCatalog();
  const compiled = compileCatalog(catalog, options.parameters);
  const files = sources.map((s) => {
    const bytes = typeof s.content === 'string' ? Buffer.from(s.content, 'utf8') : s.content;
    return auditLoaded(parseDocumentBytes(bytes, s.file, options.encoding), s.file, compiled);
  });
  return {
    tool: { name: 'rural-audit', version: VERSION },
    files,
    errors: [],
    rules: catalog.rules,
    manual: catalog.manual,
    areas: catalog.areas,
    terms: catalog.terms,
  };
}
