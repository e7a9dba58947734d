/**
 * rural-audit as a library: the same pipeline as the command line, for editors, services and
 * scripts. `import { audit, auditText, format } from 'rural-audit'` — documented in docs/api.md.
 */
import type { AuditResult } from './audit/result.js';
import { auditPaths, auditSources } from './audit/run.js';
import type { AuditSettings } from './audit/settings.js';
import { BUILTIN_RULES_DIR, CatalogError, loadCatalog } from './catalog/load.js';
import type { Lang } from './catalog/types.js';
import { joinReport } from './report/chunks.js';
import { BINARY_FORMATS, FORMATS, type FormatOptions } from './report/index.js';
import { planTemplate as buildTemplate, type TemplateOptions } from './scaffold/template.js';
import planSchemaJson from './plan/plan.schema.json' with { type: 'json' };

export { loadCatalog, BUILTIN_RULES_DIR, CatalogError };
export { InputFileError } from './plan/input-error.js';
export { exitCode } from './audit/result.js';
export { loadSettings, localToday } from './audit/settings.js';
export { noticeText } from './audit/notices.js';
export { loadConfig } from './config/load.js';
export { loadWaiversFile } from './waivers/file.js';
export { readBaseline, baselineText, applyBaseline } from './baseline/baseline.js';
export { PLACEHOLDER, isPlaceholder } from './plan/placeholder.js';
export { VERSION } from './version.js';
export type { AuditOptions, PlanSource } from './audit/run.js';
export type { AuditSettings, SettingsFiles } from './audit/settings.js';
export type { AuditResult, FileResult, Notice, NoticeCode, ShardRun } from './audit/result.js';
export type { Config, ConfigOptions } from './config/load.js';
export type { WaiversFile } from './waivers/apply.js';
export type { Waiver } from './waivers/waiver.js';
export type { Baseline, BaselineEntry, LoadedBaseline } from './baseline/baseline.js';
export type { Finding, RelatedLocation } from './engine/finding.js';
export type { Area, Bilingual, Catalog, Citation, Lang, ManualItem, Parameter, Rule, Severity } from './catalog/types.js';
export type { InputError, InputErrorCode } from './plan/input-error.js';
export type { Encoding } from './plan/decode.js';
export type { Formatter, FormatOptions } from './report/index.js';
export type { VillageRow } from './scaffold/villages-csv.js';

/**
 * Audit plan files, folders and globs (`*.yaml` / `*.yml` found in folders), as `rural-audit
 * check` does: with the config, waivers, baseline and audit date of `settings` (`loadSettings`
 * reads them from the files `check` would).
 */
export function audit(paths: string | readonly string[], settings: AuditSettings = {}): Promise<AuditResult> {
  return auditPaths(typeof paths === 'string' ? [paths] : [...paths], settings);
}

/**
 * Audit one plan held in memory — an editor buffer, generated text — without touching the disk.
 * `file` is the name findings carry (default `plan.yaml`). Bytes are decoded as `check` would
 * (UTF-8, UTF-16 with BOM, GBK); a string is taken as it is.
 */
export function auditText(content: string | Uint8Array, settings: AuditSettings & { file?: string } = {}): Promise<AuditResult> {
  const { file = 'plan.yaml', ...rest } = settings;
  return auditSources([{ file, content }], rest);
}

/** Names of the report formats `format` (and `check --format`) accept. */
export const formats: readonly string[] = Object.freeze(Object.keys(FORMATS));

/**
 * Render a result as one of the report formats; Chinese and without colour unless asked. The
 * binary formats (xlsx, docx) give a promise of the file's bytes; every other format its text.
 */
export function format(result: AuditResult, name: 'xlsx' | 'docx', options?: Partial<FormatOptions>): Promise<Uint8Array>;
export function format(result: AuditResult, name?: string, options?: Partial<FormatOptions>): string;
export function format(result: AuditResult, name = 'table', options: Partial<FormatOptions> = {}): string | Promise<Uint8Array> {
  const formatter = Object.prototype.hasOwnProperty.call(FORMATS, name) ? FORMATS[name] : undefined;
  if (!formatter) throw new RangeError(`unknown report format ${JSON.stringify(name)}; known: ${formats.join(', ')}`);
  const out = formatter(result, { lang: options.lang ?? ('zh' satisfies Lang), color: options.color ?? false });
  return BINARY_FORMATS.has(name) ? (out as Promise<Uint8Array>) : joinReport(out);
}

/**
 * A plan template as `rural-audit init` writes it: pass village rows instead of a CSV file, and
 * `schema` for the editor line (default `./plan.schema.json`, a copy `rural-audit schema` prints).
 */
export function planTemplate(options: Partial<TemplateOptions> = {}): string {
  return buildTemplate({ schema: './plan.schema.json', catalog: loadCatalog(), ...options });
}

/** The plan format's JSON Schema (draft-07), with Chinese and English titles and descriptions. */
export const planSchema: object = planSchemaJson;
