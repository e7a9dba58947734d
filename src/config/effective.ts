import { join, relative, resolve } from 'node:path';
import { BUILTIN_RULES_DIR } from '../catalog/load.js';
import type { Catalog, Rule, Severity } from '../catalog/types.js';
import { compileCatalog, type CompiledCatalog } from '../engine/audit.js';
import { show, type Config, type Layer } from './load.js';

export interface Effective<T> {
  value: T;
  /** Where the value came from: `catalog rules/catalog/planning.yaml`, `rural-audit.config.yaml:4:3 (config)`. */
  from: string;
}

/** The settings in force for one plan file (or for every plan, without overrides). */
export interface EffectiveSettings {
  rules: Map<string, Effective<Severity | 'off'>>;
  parameters: Map<string, Effective<unknown>>;
  /** Indexes of the overrides that applied. */
  overrides: number[];
}

/** Path of a plan relative to the config's folder, with `/`, as config globs see it. */
export function configRelative(config: Config, absPath: string): string {
  return relative(config.dir, absPath).split('\\').join('/');
}

export function effectiveSettings(config: Config, absPath?: string): EffectiveSettings {
  const { catalog } = config;
  const rules = new Map<string, Effective<Severity | 'off'>>();
  for (const r of catalog.rules) rules.set(r.id, { value: r.severity, from: `catalog ${show(resolve(r.definedIn))}` });
  const parameters = new Map<string, Effective<unknown>>();
  const paramsFile = show(join(BUILTIN_RULES_DIR, 'parameters.yaml'));
  for (const [name, p] of Object.entries(catalog.parameters)) parameters.set(name, { value: p.default, from: `catalog ${paramsFile}` });
  const overrides = absPath === undefined ? [] : config.overrides.flatMap((o, i) => (o.matches(configRelative(config, absPath)) ? [i] : []));
  const layers: Layer[] = [...config.layers, ...overrides.map((i) => config.overrides[i]!.layer)];
  for (const layer of layers) {
    for (const s of layer.rules) {
      const targets = catalog.rules.filter((r) => s.key === '*' || (s.key.startsWith('area:') ? r.area === s.key.slice(5) : r.id === s.key));
      for (const r of targets) rules.set(r.id, { value: s.level === 'on' ? r.severity : s.level, from: `${s.at} (${layer.label})` });
    }
    for (const p of layer.parameters) parameters.set(p.name, { value: p.value, from: `${p.at} (${layer.label})` });
  }
  return { rules, parameters, overrides };
}

/** The catalog as the settings shape it: rules turned off left out, severities changed. */
export function tailoredCatalog(catalog: Catalog, settings: EffectiveSettings): { catalog: Catalog; parameters: Record<string, unknown> } {
  const rules: Rule[] = [];
  for (const r of catalog.rules) {
    const level = settings.rules.get(r.id)?.value ?? r.severity;
    if (level === 'off') continue;
    rules.push(level === r.severity ? r : { ...r, severity: level });
  }
  // A null-prototype object: parameter names come from files and must never reach Object.prototype.
  const parameters: Record<string, unknown> = Object.create(null);
  for (const [name, p] of settings.parameters) parameters[name] = p.value;
  return { catalog: { ...catalog, rules }, parameters };
}

/** Compiled catalogs per plan file, one per distinct set of overrides. */
export class CatalogsByFile {
  private readonly cache = new Map<string, CompiledCatalog>();
  /** The rules of every compiled variant, for reports that list the rules that ran. */
  readonly base: { catalog: Catalog; parameters: Record<string, unknown> };

  /** `today`: the audit date every variant judges by. */
  constructor(
    private readonly config: Config,
    private readonly today?: string,
  ) {
    this.base = tailoredCatalog(config.catalog, effectiveSettings(config));
  }

  isIgnored(absPath: string): boolean {
    return this.config.own(absPath) || this.config.ignore.matches(configRelative(this.config, absPath));
  }

  for(absPath: string): CompiledCatalog {
    const settings = effectiveSettings(this.config, absPath);
    const key = settings.overrides.join(',');
    let compiled = this.cache.get(key);
    if (!compiled) {
      const t = tailoredCatalog(this.config.catalog, settings);
      compiled = compileCatalog(t.catalog, t.parameters, this.today);
      this.cache.set(key, compiled);
    }
    return compiled;
  }
}
