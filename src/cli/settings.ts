import { relative, resolve } from 'node:path';
import { statSync } from 'node:fs';
import { auditPaths, type AuditOptions } from '../audit/run.js';
import type { AuditResult } from '../audit/result.js';
import { applyBaseline, baselineText, readBaseline } from '../baseline/baseline.js';
import type { Lang, Rule } from '../catalog/types.js';
import { CatalogsByFile } from '../config/effective.js';
import { loadConfig, type Config } from '../config/load.js';
import { printConfig } from '../config/print.js';
import { compareInputErrors } from '../plan/input-error.js';
import { displayPath } from '../plan/discover.js';
import { applyWaivers, unmatchedTargets, type WaiverRun } from '../waivers/apply.js';
import { fileWaivers, loadWaiversFile } from '../waivers/file.js';
import { WAIVERS_AREA } from '../waivers/rules.js';
import { resolveToday } from '../waivers/waiver.js';
import { writeReport } from './output.js';
import { UsageError } from './usage.js';

/** What `check` takes beyond the audit itself: config, waivers and baseline. */
export interface SettingsOptions {
  /** `--config FILE`, or false for `--no-config`. */
  config?: string | boolean;
  printConfig?: boolean;
  today?: string;
  waivers?: string[];
  baseline?: string;
  writeBaseline?: string;
  /** The folder paths are relative to; the working directory by default. */
  cwd?: string;
}

export function configFrom(opts: SettingsOptions): Config {
  return loadConfig({ config: opts.config === true ? undefined : opts.config, cwd: opts.cwd });
}

/** A path given relative to `cwd`, as the process can open it (and as messages should show it). */
const at = (opts: SettingsOptions, path: string): string =>
  opts.cwd === undefined ? path : relative(process.cwd(), resolve(opts.cwd, path)) || '.';

export function todayFrom(option: string | undefined): string {
  const today = resolveToday(option);
  if (typeof today !== 'string') throw new UsageError(today.error);
  return today;
}

/** `--print-config`: the settings for the first path when it is a file, else those every plan starts from. */
export function printedConfig(paths: string[], opts: SettingsOptions, format: string): string {
  const config = configFrom(opts);
  const first = paths[0] === undefined ? undefined : resolve(opts.cwd ?? '.', paths[0]);
  const isFile = first !== undefined && (statSync(first, { throwIfNoEntry: false })?.isFile() ?? false);
  return printConfig(config, format === 'json' ? 'json' : 'text', isFile ? first : undefined);
}

/**
 * The audit with the config's tailored catalog (per file), its ignore globs, the waivers of the
 * plans and of waivers files, and the baseline. Notices for stderr are returned, not printed.
 */
export async function auditWithSettings(
  paths: string[],
  opts: SettingsOptions,
  audit: AuditOptions,
  lang: Lang,
): Promise<{ result: AuditResult; notices: string[] }> {
  const today = todayFrom(opts.today);
  const config = configFrom(opts);
  const cwd = opts.cwd ?? process.cwd();
  const notices: string[] = [];
  for (const p of config.profiles.filter((x) => x.example)) {
    notices.push(
      lang === 'zh'
        ? `提示：配置档 ${p.name} 是示例，其中的数值为虚构，并非任何省份的政策`
        : `notice: profile ${p.name} is an EXAMPLE; its values are invented, not any province's policy`,
    );
  }
  const catalogs = new CatalogsByFile(config);
  const run: WaiverRun = {
    today,
    knownRules: new Set(config.catalog.rules.map((r) => r.id)),
    fileWaivers: [],
    errors: [],
    used: new Set(),
    cwd,
  };
  const waiverFiles = [...config.waiverFiles, ...(opts.waivers ?? []).map((w) => ({ path: resolve(cwd, w), display: displayPath(resolve(cwd, w), cwd) }))];
  for (const wf of waiverFiles) {
    const loaded = loadWaiversFile(wf.path, wf.display, run.knownRules);
    run.errors.push(...loaded.errors);
    run.fileWaivers.push(...fileWaivers(loaded.waivers, wf.path));
  }
  const named = new Set(paths.map((p) => resolve(cwd, p)));
  const result = await auditPaths(paths, {
    ...audit,
    cwd,
    catalog: catalogs.base.catalog,
    parameters: catalogs.base.parameters,
    skip: (path) => {
      if (waiverFiles.some((w) => w.path === path)) return true;
      if (!catalogs.isIgnored(path)) return false;
      if (named.has(path)) notices.push(lang === 'zh' ? `${displayPath(path, cwd)}：配置 ignore 忽略了此文件` : `${displayPath(path, cwd)}: ignored by the config's ignore globs`);
      return true;
    },
    catalogFor: config.overrides.length > 0 ? (path) => catalogs.for(path) : undefined,
    review: (doc, findings) => applyWaivers(doc, findings, run),
    reviewAll: run.fileWaivers.length > 0,
  });
  // Plans are reviewed as they finish, not in file order: sort, so that the report is the same every run.
  result.errors.push(...[...run.errors].sort(compareInputErrors), ...unmatchedTargets(run));
  result.rules = rulesThatRan(config, result, [...run.used]);
  if (run.used.size > 0) result.areas = [...result.areas, WAIVERS_AREA];

  const inputErrors = result.errors.length + result.files.filter((f) => f.error).length;
  if (opts.writeBaseline !== undefined && inputErrors > 0) {
    // A baseline without the gaps of unreadable plans would make all of them look new later.
    notices.push(
      lang === 'zh'
        ? `基线：有 ${inputErrors} 个输入错误，未写入 ${opts.writeBaseline}`
        : `baseline: not written to ${opts.writeBaseline}: ${inputErrors} input error(s)`,
    );
  } else if (opts.writeBaseline !== undefined) {
    await writeReport(at(opts, opts.writeBaseline), baselineText(result), result.files.map((f) => at(opts, f.file)));
    const count = JSON.parse(baselineText(result)).gaps.length as number;
    notices.push(lang === 'zh' ? `基线：已将 ${count} 个差距记入 ${opts.writeBaseline}` : `baseline: ${count} gap(s) recorded in ${opts.writeBaseline}`);
  }
  if (opts.baseline !== undefined) {
    const baseline = readBaseline(resolve(cwd, opts.baseline), opts.baseline);
    const filtered = applyBaseline(result, baseline, opts.baseline);
    const b = filtered.baseline!;
    notices.push(
      lang === 'zh'
        ? `基线 ${opts.baseline}：未显示 ${b.known} 个已知差距，${b.fixed} 个已整改`
        : `baseline ${opts.baseline}: ${b.known} known gap(s) not shown, ${b.fixed} fixed since`,
    );
    return { result: filtered, notices };
  }
  return { result, notices };
}

/** Rules in force for some plan (base settings or an override), and the waiver rules reported, in catalog order. */
function rulesThatRan(config: Config, result: AuditResult, waiverRules: Rule[]): Rule[] {
  const ran = new Map(result.rules.map((r) => [r.id, r]));
  for (const f of result.files) {
    for (const x of f.findings) {
      const rule = ran.has(x.ruleId) ? undefined : config.catalog.rules.find((r) => r.id === x.ruleId);
      if (rule) ran.set(rule.id, rule);
    }
  }
  const inOrder = config.catalog.rules.filter((r) => ran.has(r.id)).map((r) => ran.get(r.id)!);
  return [...inOrder, ...waiverRules.sort((a, b) => (a.id < b.id ? -1 : 1))];
}
