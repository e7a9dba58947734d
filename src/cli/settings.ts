import { relative, resolve } from 'node:path';
import { statSync } from 'node:fs';
import { auditPaths } from '../audit/run.js';
import type { AuditResult } from '../audit/result.js';
import { loadSettings, type AuditSettings } from '../audit/settings.js';
import { applyBaseline, baselineText } from '../baseline/baseline.js';
import { loadConfig, type Config, type Layer, type Level, type RuleSetting } from '../config/load.js';
import { printConfig } from '../config/print.js';
import { resolveToday } from '../waivers/waiver.js';
import { writeReport } from './output.js';
import { UsageError } from './usage.js';

/** The options of `check` and `waivers` that name settings files: config, waivers, baseline, audit date. */
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
  /** `--rule ID=LEVEL` (repeatable): like the config's `rules:`, and over every file's settings. */
  rule?: string[];
}

const configOption = (opts: SettingsOptions): string | false | undefined => (opts.config === true ? undefined : opts.config);

export function configFrom(opts: SettingsOptions): Config {
  return withRuleOptions(loadConfig({ config: configOption(opts), cwd: opts.cwd }), opts);
}

/** The config with `--rule` applied as a last layer. */
function withRuleOptions(config: Config, opts: SettingsOptions): Config {
  if (!opts.rule?.length) return config;
  const layer: Layer = { label: 'command line', rules: opts.rule.map((r) => ruleSetting(r, config)), parameters: [] };
  // Last, and after every override's own settings too: the command line has the final word.
  return {
    ...config,
    layers: [...config.layers, layer],
    overrides: config.overrides.map((o) => ({ ...o, layer: { ...o.layer, rules: [...o.layer.rules, ...layer.rules] } })),
  };
}

const LEVELS = ['off', 'on', 'info', 'warning', 'error'];

/** `--rule no-removal-complete=warning`, `--rule area:talent=off`, `--rule '*=error'`. */
function ruleSetting(value: string, config: Config): RuleSetting {
  const at = value.lastIndexOf('=');
  const key = at < 0 ? value : value.slice(0, at);
  const level = at < 0 ? '' : value.slice(at + 1);
  if (!LEVELS.includes(level)) throw new UsageError(`--rule ${value}: give ID=LEVEL, LEVEL one of ${LEVELS.join(', ')}`);
  const known = key === '*' || (key.startsWith('area:') ? config.catalog.areas.some((a) => `area:${a.id}` === key) : config.catalog.rules.some((r) => r.id === key));
  if (!known) throw new UsageError(`--rule ${value}: unknown rule id or area ${key} (rural-audit rules lists them)`);
  return { key, level: level as Level, at: `--rule ${value}` };
}

/** A path given relative to `cwd`, as the process can open it (and as messages should show it). */
const at = (opts: SettingsOptions, path: string): string =>
  opts.cwd === undefined ? path : relative(process.cwd(), resolve(opts.cwd, path)) || '.';

export function todayFrom(option: string | undefined): string {
  const today = resolveToday(option);
  if (typeof today !== 'string') throw new UsageError(today.error);
  return today;
}

/** The library's settings from the command line's options: the files they name, read. */
export function settingsFrom(opts: SettingsOptions): AuditSettings {
  const settings = loadSettings({ config: configOption(opts), waivers: opts.waivers, baseline: opts.baseline, today: todayFrom(opts.today), cwd: opts.cwd });
  return settings.config ? { ...settings, config: withRuleOptions(settings.config, opts) } : settings;
}

/** `--print-config`: the settings for the first path when it is a file, else those every plan starts from. */
export function printedConfig(paths: string[], opts: SettingsOptions, format: string): string {
  const config = configFrom(opts);
  const first = paths[0] === undefined ? undefined : resolve(opts.cwd ?? '.', paths[0]);
  const isFile = first !== undefined && (statSync(first, { throwIfNoEntry: false })?.isFile() ?? false);
  return printConfig(config, format === 'json' ? 'json' : 'text', isFile ? first : undefined);
}

/**
 * `check` short of formatting: the library's audit with the settings the options name, and
 * `--write-baseline`, which records the gaps before `--baseline` (if also given) leaves any out.
 */
export async function auditWithSettings(paths: string[], opts: SettingsOptions, audit: AuditSettings): Promise<AuditResult> {
  const settings = { ...settingsFrom(opts), ...audit };
  if (opts.writeBaseline === undefined) return auditPaths(paths, settings);
  const { baseline, ...rest } = settings;
  const result = await auditPaths(paths, rest);
  const notices = [...(result.notices ?? [])];
  const inputErrors = result.errors.length + result.files.filter((f) => f.error).length;
  if (inputErrors > 0) {
    // A baseline without the gaps of unreadable plans would make all of them look new later.
    notices.push({ code: 'baseline-not-written', values: { file: opts.writeBaseline, errors: inputErrors } });
  } else {
    const text = baselineText(result);
    await writeReport(at(opts, opts.writeBaseline), text, result.files.map((f) => at(opts, f.file)));
    notices.push({ code: 'baseline-written', values: { file: opts.writeBaseline, count: (JSON.parse(text) as { gaps: unknown[] }).gaps.length } });
  }
  const written = { ...result, notices };
  return baseline ? applyBaseline(written, baseline) : written;
}
