import { loadCatalog } from '../catalog/load.js';
import type { Catalog } from '../catalog/types.js';
import { auditDocument, compileCatalog, type CompiledCatalog } from '../engine/audit.js';
import { childOf } from '../engine/select.js';
import type { Encoding } from '../plan/decode.js';
import { discoverPlans } from '../plan/discover.js';
import { DEFAULT_MAX_BYTES, isInputError, loadDocument, type LoadedDocument } from '../plan/load.js';
import type { Finding } from '../engine/finding.js';
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
}

/** Audit plan files, folders and globs: the whole pipeline short of formatting. */
export async function auditPaths(paths: string[], options: AuditOptions = {}): Promise<AuditResult> {
  const catalog = options.catalog ?? loadCatalog();
  const compiled = compileCatalog(catalog, options.parameters);
  const { files, errors } = await discoverPlans(paths, options.cwd);
  const results: FileResult[] = [];
  for (const file of files) {
    if (options.skip?.(file.path)) continue;
    results.push(await auditFile(file.path, file.display, compiled, { ...options, catalog }));
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
