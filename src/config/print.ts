import { stringify } from 'yaml';
import { effectiveSettings } from './effective.js';
import type { Config } from './load.js';

/**
 * The settings in force, and where each came from (`--print-config`). For a plan file the
 * overrides that match it are applied; otherwise the settings every plan starts from.
 */
export function printConfig(config: Config, format: 'text' | 'json', absPath?: string): string {
  const settings = effectiveSettings(config, absPath);
  const data = {
    config: config.file ?? null,
    profiles: config.profiles.map((p) => ({ name: p.name, file: p.file, ...(p.example ? { example: true } : {}) })),
    custom_rules: config.customRules,
    ignore: config.ignore,
    waivers: config.waiverFiles.map((w) => w.display),
    overrides: config.overrides.map((o, i) => ({ files: o.files, applies: settings.overrides.includes(i) })),
    rules: Object.fromEntries([...settings.rules].map(([id, s]) => [id, { value: s.value, from: s.from }])),
    parameters: Object.fromEntries([...settings.parameters].map(([name, s]) => [name, { value: s.value, from: s.from }])),
  };
  if (format === 'json') return `${JSON.stringify(data, null, 2)}\n`;
  const lines: string[] = [`# rural-audit effective configuration${absPath ? ' for this file' : ''}`];
  lines.push(`# config: ${config.file ?? '(none: built-in catalog as written)'}`);
  for (const p of config.profiles) lines.push(`# profile: ${p.name} (${p.file})${p.example ? ' — EXAMPLE, invented values, not any real policy' : ''}`);
  const section = (title: string, entries: [string, { value: unknown; from: string }][]) => {
    lines.push(`${title}:`);
    const width = Math.max(0, ...entries.map(([k, s]) => `${k}: ${shown(s.value)}`.length));
    for (const [k, s] of entries) lines.push(`  ${`${k}: ${shown(s.value)}`.padEnd(width)}  # ${s.from}`);
  };
  section('rules', [...settings.rules]);
  section('parameters', [...settings.parameters]);
  const lists: [string, unknown][] = [
    ['custom_rules', config.customRules.map((c) => c.dir)],
    ['ignore', config.ignore],
    ['waivers', data.waivers],
    ['overrides', data.overrides],
  ];
  for (const [key, value] of lists) {
    if (Array.isArray(value) && value.length > 0) lines.push(stringify({ [key]: value }).trimEnd());
  }
  return `${lines.join('\n')}\n`;
}

function shown(v: unknown): string {
  return typeof v === 'string' && /^[\w-]+$/.test(v) && !/^\d/.test(v) ? v : JSON.stringify(v);
}
