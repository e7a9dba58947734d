/**
 * The per-file step of the audit, reading the file first: the step itself (parse, rules, waivers,
 * owners, from plain settings) is step.ts, shared with the in-memory path and the browser page.
 */
import { resolve } from 'node:path';
import type { Catalog } from '../catalog/types.js';
import { effectiveSettings, tailoredCatalog, type EffectiveSettings } from '../config/effective.js';
import type { PlanFile } from '../plan/discover.js';
import { DEFAULT_MAX_BYTES, loadDocument } from '../plan/load.js';
import type { FileWaiver } from '../waivers/apply.js';
import { fileWaiversOf } from '../waivers/file.js';
import { auditLoaded, internalError, PlainAuditContext, type FileAudit, type Tailoring } from './step.js';

export { auditLoaded, type FileAudit } from './step.js';

/** The compiled catalogs and waivers of a run, config and waivers files included; one per thread, built from the same settings. */
export class AuditContext extends PlainAuditContext {
  protected override baseSettings(): { catalog: Catalog; parameters: Record<string, unknown> } {
    const { config } = this.settings;
    return config ? this.tailored(effectiveSettings(config)) : { catalog: this.settings.catalog, parameters: { ...this.settings.parameters } };
  }

  protected override fileWaivers(): FileWaiver[] {
    return fileWaiversOf(this.settings.waivers);
  }

  protected override tailoringFor(absPath: string): Tailoring {
    const { config } = this.settings;
    const effective = config && config.overrides.length > 0 ? effectiveSettings(config, absPath) : undefined;
    return effective ? { key: effective.overrides.join(','), tailored: () => this.tailored(effective) } : { key: '' };
  }

  override absolutePath(path: string): string {
    return resolve(this.settings.cwd, path);
  }

  private tailored(effective: EffectiveSettings): { catalog: Catalog; parameters: Record<string, unknown> } {
    const t = tailoredCatalog(this.settings.catalog, effective);
    return { catalog: t.catalog, parameters: Object.assign(t.parameters, this.settings.parameters) };
  }
}

/**
 * Files started while the first of them is awaited. Reads are synchronous (one bounded read each,
 * cheaper in CPU than the asynchronous chain: docs/performance.md, "loading plans"), so this no
 * longer overlaps reading with auditing; it bounds how many results wait to be kept in order.
 */
const READ_AHEAD = 4;

/**
 * Audit files one after another on this thread, in order, with the reads of the next few
 * overlapping the work on the current one. Only one document is parsed and held at a time; `keep`
 * gives what is kept of each file's audit (packed.ts: packed for the report, or for the message
 * that takes it from a worker).
 */
export async function auditInOrder<Kept = FileAudit>(
  files: readonly PlanFile[],
  context: AuditContext,
  onFile?: (done: number, total: number, file: string) => void,
  keep: (audited: FileAudit) => Kept = (a) => a as Kept,
): Promise<Kept[]> {
  const results: Kept[] = [];
  const running: Promise<FileAudit>[] = [];
  const settle = async () => {
    const audited = await running.shift()!;
    results.push(keep(audited));
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
