import { resolve } from 'node:path';
import { readBaseline, type LoadedBaseline } from '../baseline/baseline.js';
import type { Catalog } from '../catalog/types.js';
import { loadConfig, type Config } from '../config/load.js';
import type { Encoding } from '../plan/decode.js';
import { displayPath } from '../plan/discover.js';
import type { WaiversFile } from '../waivers/apply.js';
import { loadWaiversFile } from '../waivers/file.js';
export { localDate as localToday } from '../engine/refs.js';
import type { Shard } from './shard.js';

/**
 * Everything an audit takes beyond the plans, as plain data: the library applies all of it, and
 * the part that is not a callback (`WorkerSettings`) crosses to worker threads as it is, so that
 * `jobs` parallelises every run.
 */
export interface AuditSettings {
  /** The catalog to apply; the built-in one by default. Ignored when `config` is given (its catalog is used). */
  catalog?: Catalog;
  /** Parameter values overriding the catalog's defaults (and the config's). */
  parameters?: Record<string, unknown>;
  /** A loaded config (`loadConfig`): profiles, custom rules, ignore globs, per-file overrides. */
  config?: Config;
  /** Loaded waivers files (`loadWaiversFile`), in addition to the plans' own `waivers:`. */
  waivers?: WaiversFile[];
  /** A loaded baseline (`readBaseline`): gaps it records are left out of the result. */
  baseline?: LoadedBaseline;
  /** The audit date, `YYYY-MM-DD`, that waivers are checked against; the machine's local date by default. */
  today?: string;
  maxBytes?: number;
  encoding?: Encoding;
  /** The folder relative paths and globs are resolved against; the working directory by default. */
  cwd?: string;
  /**
   * Worker threads; 1 by default. A run of more than 8 plans audits on workers, on one thread too
   * (memory bounded by the largest plans, pool.ts); up to 8 plans on the calling thread.
   */
  jobs?: number;
  /** Audit only this shard of the sorted file list. */
  shard?: Shard;
  /** Called after each file is audited, for a progress indicator. */
  onFile?: (done: number, total: number, file: string) => void;
  /** Called now and then while a long search for plans runs: entries seen so far, and the folder being read. */
  onSearch?: (entries: number, dir: string) => void;
}

/** The settings a worker thread audits with: plain, cloneable data, every default filled in. */
export interface WorkerSettings {
  /** The whole catalog (the config's, custom rules included, when there is one). */
  catalog: Catalog;
  parameters?: Record<string, unknown>;
  config?: Config;
  waivers: WaiversFile[];
  today: string;
  maxBytes?: number;
  encoding?: Encoding;
  cwd: string;
}

/** What `loadSettings` reads from disk; every path relative to `cwd`. */
export interface SettingsFiles {
  /** A config file; `false` for none; undefined to look for `rural-audit.config.yaml` from `cwd` upward. */
  config?: string | false;
  /** Waivers files in addition to those the config names. */
  waivers?: string[];
  baseline?: string;
  today?: string;
  cwd?: string;
  /** The built-in catalog, when the caller has it already. */
  catalog?: Catalog;
}

/**
 * Read the settings files of a run — the config with its profiles and custom rules, the waivers
 * files (the config's and the extra ones), the baseline — into `AuditSettings`. A broken config
 * or baseline throws `InputFileError`; invalid waivers are kept in `waivers[].errors` and reported
 * by the audit, so that the plans are still audited.
 */
export function loadSettings(files: SettingsFiles = {}): AuditSettings {
  const cwd = files.cwd ?? process.cwd();
  const config = loadConfig({ config: files.config, cwd, catalog: files.catalog });
  const knownRules = new Set(config.catalog.rules.map((r) => r.id));
  const extra = (files.waivers ?? []).map((w) => ({ path: resolve(cwd, w), display: displayPath(resolve(cwd, w), cwd) }));
  const waivers = [...config.waiverFiles, ...extra].map((w) => loadWaiversFile(w.path, w.display, knownRules));
  const baseline = files.baseline === undefined ? undefined : readBaseline(resolve(cwd, files.baseline), files.baseline);
  return {
    config,
    waivers,
    ...(baseline ? { baseline } : {}),
    ...(files.today === undefined ? {} : { today: files.today }),
    cwd,
  };
}
