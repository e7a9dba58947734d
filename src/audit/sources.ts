/**
 * The audit of plans already in memory, with no file system and no threads: what `auditPaths`
 * runs for each file it reads, and all the browser page (src/web) runs. Kept free of node:
 * modules so that it bundles for a browser.
 */
import type { Catalog } from '../catalog/types.js';
import { auditDocument, compileCatalog, type CompiledCatalog } from '../engine/audit.js';
import type { Finding } from '../engine/finding.js';
import { childOf } from '../engine/select.js';
import { isInputError, parseDocumentBytes, type LoadedDocument } from '../plan/document.js';
import type { InputError } from '../plan/input-error.js';
import { VERSION } from '../version.js';
import { ownerOf, transitionEndOf } from './owners.js';
import type { AuditResult, FileResult } from './result.js';
import type { AuditOptions, PlanSource } from './run.js';

/** Plans held in memory against a catalog given; `options.onFile` after each. */
export function auditSourcesWith(sources: readonly PlanSource[], catalog: Catalog, options: AuditOptions = {}): AuditResult {
  const compiled = compileCatalog(catalog, options.parameters);
  const files = sources.map((s, i) => {
    const bytes = typeof s.content === 'string' ? new TextEncoder().encode(s.content) : s.content;
    const result = auditLoaded(parseDocumentBytes(bytes, s.file, options.encoding), s.file, compiled, { ...options, catalog });
    options.onFile?.(i + 1, sources.length, s.file);
    return result;
  });
  return resultOf(catalog, files, []);
}

export function resultOf(catalog: Catalog, files: FileResult[], errors: InputError[]): AuditResult {
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
  const waivers = childOf(loaded.data, 'waivers');
  // A copy made of fresh strings: text taken from the plan (names, dates, messages) would otherwise
  // be slices of the whole file and keep every plan's source alive until the run ends.
  return structuredClone({
    file: display,
    findings,
    encoding: loaded.encoding,
    ...(transitionEnd ? { transitionEnd } : {}),
    ...(name !== undefined || code !== undefined
      ? { county: { name: typeof name === 'string' ? name : undefined, code: typeof code === 'string' ? code : undefined } }
      : {}),
    ...(Array.isArray(waivers) && waivers.length > 0 ? { declaresWaivers: true as const } : {}),
  });
}

function review(doc: LoadedDocument, findings: Finding[], options: AuditOptions): Finding[] {
  return options.review ? options.review(doc, findings) : findings;
}

/** A bug, not the plan's fault: reported against this file, and the other files still audited. */
export function internalError(display: string, e: unknown): FileResult {
  const detail = e instanceof Error ? e.message : String(e);
  return { file: display, findings: [], error: { file: display, code: 'internal-error', values: { detail } } };
}
