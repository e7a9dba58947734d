/**
 * Merging the JSON reports of shards (`check --shard i/n -f json`) into the result one run over all
 * their files would have given; `rural-audit merge` reads the files and prints the result.
 */
import { loadBuiltinCatalog } from '../catalog/builtin.js';
import { buildFinding, cmp, type Finding } from '../engine/finding.js';
import type { InputError } from '../plan/input-error.js';
import type { JsonFinding, JsonReport } from '../report/json.js';
import { WAIVER_RULES } from '../waivers/rules.js';
import type { AuditResult, FileResult, ShardRun } from './result.js';
import { ruleSet } from './run.js';
import type { AuditSettings } from './settings.js';

/** Shard reports that cannot make one result: of other versions, dates or languages, overlapping, or naming rules not known here. */
export class MergeError extends Error {}

/**
 * The result a single run over all the shards' files would have given: files in the same order,
 * findings as they were, errors not tied to a file once, the rules any shard ran (the waiver
 * rules and the config's custom rules included). Shards must come from one version and one
 * language, and must not overlap.
 */
export function mergeReports(reports: JsonReport[], names: string[], settings: AuditSettings = {}): AuditResult {
  const first = reports[0]!;
  reports.forEach((r, i) => {
    const name = names[i] ?? `report ${i + 1}`;
    if (r.tool.version !== first.tool.version) throw new MergeError(`${name}: written by rural-audit ${r.tool.version}, the others by ${first.tool.version}`);
    if (r.asOf !== first.asOf) throw new MergeError(`${name}: audited as of ${r.asOf}, the others as of ${first.asOf}; run every shard with the same --today`);
    if (r.lang !== first.lang) throw new MergeError(`${name}: written with --lang ${r.lang}, the others with --lang ${first.lang}`);
  });
  const { unknown, rules, manual, areas, terms } = ruleSet(settings, reports.flatMap((r) => r.rules));
  const builtin = new Set(loadBuiltinCatalog().rules.map((r) => r.id));
  const meta = new Set(WAIVER_RULES.map((r) => r.id));
  const shards = reports.map((r, i): ShardRun => ({
    report: names[i] ?? `report ${i + 1}`,
    files: r.files.length,
    catalog: r.tool.version,
    rules: {
      builtin: r.rules.filter((id) => builtin.has(id)).length,
      meta: r.rules.filter((id) => meta.has(id)),
      custom: r.rules.filter((id) => !builtin.has(id) && !meta.has(id)),
    },
  }));
  // Listed by name, not in the order given: the merged report is the same whatever that order.
  shards.sort((a, b) => cmp(a.report, b.report));
  if (unknown.length > 0) {
    throw new MergeError(`the reports name the rule ${unknown[0]}, which neither the catalog nor the config here has (merge where the shards ran, or pass their --config)`);
  }
  const files: FileResult[] = [];
  const seen = new Map<string, string>();
  reports.forEach((r, i) => {
    for (const f of r.files) {
      const other = seen.get(f.file);
      if (other !== undefined) throw new MergeError(`${f.file} is in both ${other} and ${names[i]}: shards must not overlap`);
      seen.set(f.file, names[i] ?? '');
      files.push({
        file: f.file,
        findings: f.findings.map((x) => toFinding(x, f.file)),
        ...(f.error ? { error: f.error } : {}),
        ...(f.encoding ? { encoding: f.encoding } : {}),
        ...(f.due ? { due: f.due } : {}),
        ...(f.county ? { county: f.county } : {}),
      });
    }
  });
  files.sort((a, b) => cmp(a.file, b.file));
  const errors: InputError[] = [];
  const known = new Set<string>();
  for (const r of reports) {
    for (const e of r.errors) {
      const key = JSON.stringify(e);
      if (!known.has(key)) errors.push(e);
      known.add(key);
    }
  }
  return { tool: first.tool, asOf: first.asOf!, files, errors, rules, manual, areas, terms, shards };
}

function toFinding(x: JsonFinding, file: string): Finding {
  // Only the report's language is known; formats are asked for that language alone (runMerge).
  return buildFinding({ ...x, file, message: { zh: x.message, en: x.message } });
}
