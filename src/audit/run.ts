import { loadCatalog } from '../catalog/load.js';
import type { Catalog } from '../catalog/types.js';
import { auditDocument, compileCatalog, type CompiledCatalog } from '../engine/audit.js';
import type { Finding } from '../engine/finding.js';
import { childOf } from '../engine/select.js';
import type { Encoding } from '../plan/decode.js';
import { discoverPlans } from '../plan/discover.js';
import type { InputError } from '../plan/input-error.js';
import { DEFAULT_MAX_BYTES, isInputError, loadDocument, parseDocumentBytes, type LoadedDocument } from '../plan/load.js';
import { VERSION } from '../version.js';
import { ownerOf, transitionEndOf } from './owners.js';
import type { AuditResult, FileResult } from './result.js';

export interface AuditOptions {
  /** The catalog to apply; the built-in one by default. */
  catalog?: Catalog;
  /** Parameter values overriding the catalog's defaults. */
  parameters?: Record<string, unknown>;
  maxBytes?: number;
  encoding?: Encoding;
  cwd?: string;
  /** Plan files a config ignores (absolute path in): left out of the run. */
  skip?: (path: string) => boolean;
  /** The compiled catalog for one plan file, when a config sets rules per file. */
  catalogFor?: (path: string) => CompiledCatalog;
  /** A last look at a file's gaps with its plan at hand: waivers are applied here. */
  review?: (doc: LoadedDocument, findings: Finding[]) => Finding[];
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
  const catalog = options.catalog ?? loadCatalog();
  const compiled = compileCatalog(catalog, options.parameters);
  const { files, errors } = await discoverPlans(paths, options.cwd);
  const kept = options.skip ? files.filter((f) => !options.skip!(f.path)) : files;
  const results: FileResult[] = [];
  for (const file of kept) {
    results.push(await auditFile(file.path, file.display, compiled, { ...options, catalog }));
    options.onFile?.(results.length, kept.length, file.display);
  }
  return resultOf(catalog, results, errors);
}

/** Audit plans held in memory, through the same per-file step as `auditPaths`; nothing is read from disk but the catalog. */
export async function auditSources(sources: PlanSource[], options: AuditOptions = {}): Promise<AuditResult> {
  const catalog = options.catalog ?? loadCatalog();
  const compiled = compileCatalog(catalog, options.parameters);
  const files = sources.map((s) => {
    const bytes = typeof s.content === 'string' ? Buffer.from(s.content, 'utf8') : s.content;
    return auditLoaded(parseDocumentBytes(bytes, s.file, options.encoding), s.file, compiled, { ...options, catalog });
  });
  return resultOf(catalog, files, []);
}

function resultOf(catalog: Catalog, files: FileResult[], errors: InputError[]): AuditResult {
  return {
    tool: { name: 'rural-audit', version: VERSION },
    files,
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
  return auditLoaded(loaded, path, compiled, options);
}

/**
 * Audit a document already read, from a file or from memory: the rules, then waivers, then the
 * owner the plan names for each gap. `path` identifies the plan to per-file settings.
 */
export function auditLoaded(loaded: LoadedDocument | InputError, path: string, compiled: CompiledCatalog, options: AuditOptions): FileResult {
  const display = loaded.file;
  if (isInputError(loaded)) return { file: display, findings: [], error: loaded };
  const county = childOf(loaded.data, 'county');
  const name = childOf(county, 'name');
  const code = childOf(county, 'code');
  const owners = options.catalog?.owners;
  let audited;
  try {
    audited = review(loaded, auditDocument(loaded, options.catalogFor?.(path) ?? compiled), options);
  } catch (e) {
    return internalError(display, e);
  }
  const findings = audited.map((f) => {
    const owner = ownerOf(f, loaded.data, owners?.[f.area]);
    return owner ? { ...f, owner } : f;
  });
  const transitionEnd = transitionEndOf(loaded.data, options.parameters?.transition_end ?? options.catalog?.parameters.transition_end?.default);
  return {
    file: display,
    findings,
    encoding: loaded.encoding,
    ...(transitionEnd ? { transitionEnd } : {}),
    ...(name !== undefined || code !== undefined
      ? { county: { name: typeof name === 'string' ? name : undefined, code: typeof code === 'string' ? code : undefined } }
      : {}),
  };
}

function review(doc: LoadedDocument, findings: Finding[], options: AuditOptions): Finding[] {
  return options.review ? options.review(doc, findings) : findings;
}

/** A bug, not the plan's fault: reported against this file, and the other files still audited. */
function internalError(display: string, e: unknown): FileResult {
  const detail = e instanceof Error ? e.message : String(e);
  return { file: display, findings: [], error: { file: display, code: 'internal-error', values: { detail } } };
}
