import type { Rule } from '../catalog/types.js';
import { buildFinding, compareFindings, fingerprint, type Finding } from '../engine/finding.js';
import { childOf, valueAt } from '../engine/select.js';
import type { InputError } from '../plan/input-error.js';
import type { LoadedDocument } from '../plan/load.js';
import { fillTemplate } from '../plan/interpolate.js';
import { formatPath, parsePath, type Path } from '../plan/path.js';
import { say, sayBoth } from '../plan/words.js';

export { parsePath };
import { WAIVER_EXPIRED, WAIVER_UNUSED } from './rules.js';
import { readWaivers, sourceOf, stateOf, type Waiver } from './waiver.js';

/** A waivers file as loaded: plain data, so that it crosses to worker threads as it is. */
export interface WaiversFile {
  /** Absolute path: its `files` globs are relative to its folder, and it is never audited as a plan. */
  path: string;
  /** The path as messages show it. */
  file: string;
  waivers: Waiver[];
  /** Invalid entries, reported once for the run. */
  errors: InputError[];
}

/** Everything a plan's waivers are checked against; the same on every thread of a run. */
export interface WaiverContext {
  today: string;
  knownRules: ReadonlySet<string>;
  /** The waivers of every waivers file, in order: outcomes refer to them by index. */
  fileWaivers: readonly FileWaiver[];
}

export interface FileWaiver {
  waiver: Waiver;
  /** Whether the waiver is for this plan (absolute path): its `files` globs, relative to the waivers file's folder (waivers/file.ts). */
  isFor: (absPath: string) => boolean;
}

/** What the waivers did to one plan: its gaps, and what the run needs to report across plans. */
export interface WaiverOutcome {
  findings: Finding[];
  /** Invalid waivers of the plan, and its targets that do not exist. */
  errors: InputError[];
  /** Indexes (in `fileWaivers`) of the waivers-file waivers meant for this plan, and of those whose target it has. */
  applied: number[];
  found: number[];
}

/**
 * The waivers a plan writes under `waivers:`, and an error for each that is invalid or names a
 * target (village code, project id or path) the plan does not have; those are left out.
 */
export function readPlanWaivers(doc: LoadedDocument, knownRules: ReadonlySet<string>): { waivers: Waiver[]; errors: InputError[] } {
  const read = readWaivers(childOf(doc.data, 'waivers'), doc, ['waivers'], knownRules, false);
  const errors = [...read.errors];
  const waivers = read.waivers.filter((w) => {
    if (w.target === undefined || targetExists(doc.data, w.target)) return true;
    errors.push({ file: doc.file, code: 'invalid-waiver', line: w.targetAt!.line, column: w.targetAt!.column, values: sayBoth('waiver.noTarget', { target: w.target }) });
    return false;
  });
  return { waivers, errors };
}

/**
 * Apply the waivers in force to one plan's gaps: a gap covered by an active waiver is marked
 * waived (and stays in the report); an expired waiver waives nothing and is reported itself, as
 * is a waiver in the plan that matches no gap. Pure: the run's totals are summed from outcomes.
 */
export function applyWaivers(doc: LoadedDocument, absPath: string, findings: Finding[], ctx: WaiverContext): WaiverOutcome {
  const own = readPlanWaivers(doc, ctx.knownRules);
  const errors = [...own.errors];
  const planWaivers = own.waivers;
  const countyCode = childOf(childOf(doc.data, 'county'), 'code');
  const applied: number[] = [];
  const found: number[] = [];
  const fromFile: Waiver[] = [];
  ctx.fileWaivers.forEach((fw, i) => {
    if (fw.waiver.county !== undefined && String(countyCode) !== fw.waiver.county) return;
    if (!fw.isFor(absPath)) return;
    applied.push(i);
    if (fw.waiver.target !== undefined && !targetExists(doc.data, fw.waiver.target)) return;
    found.push(i);
    fromFile.push(fw.waiver);
  });
  const all = [...planWaivers, ...fromFile];
  if (all.length === 0) return { findings, errors, applied, found };
  const matched = new Map<Waiver, Finding>();
  const byRule = new Map<string, Waiver[]>();
  for (const w of all) byRule.set(w.rule, [...(byRule.get(w.rule) ?? []), w]);
  const prefixes = new Map(all.map((w) => [w, targetPrefix(w.target)]));
  const out = findings.map((f) => {
    const ofRule = byRule.get(f.ruleId);
    if (!ofRule) return f;
    const ids = identitiesOn(doc.data, f.path);
    const candidates = ofRule.filter((w) => w.target === undefined || ids.has(w.target) || underPrefix(f.path, prefixes.get(w)));
    for (const w of candidates) if (!matched.has(w)) matched.set(w, f);
    const waiver = candidates.find((w) => stateOf(w.expires, ctx.today) !== 'expired');
    if (!waiver) return f;
    const origin = waiver.file === doc.file ? ('plan' as const) : ('waivers-file' as const);
    return { ...f, waiver: { justification: waiver.justification, approvedBy: waiver.approvedBy, expires: waiver.expires, source: sourceOf(waiver), origin } };
  });
  for (const w of all) {
    const inPlan = w.file === doc.file;
    const state = stateOf(w.expires, ctx.today);
    if (state === 'expired') out.push(metaFinding(WAIVER_EXPIRED, w, doc, inPlan ? undefined : matched.get(w)));
    else if (inPlan && !matched.has(w)) out.push(metaFinding(WAIVER_UNUSED, w, doc, undefined));
  }
  return { findings: out.sort(compareFindings), errors, applied, found };
}

/** Errors for waivers-file targets found in none of the plans they were for, from every plan's outcome. */
export function unmatchedTargets(fileWaivers: readonly FileWaiver[], outcomes: readonly Pick<WaiverOutcome, 'applied' | 'found'>[]): InputError[] {
  const applied = new Set(outcomes.flatMap((o) => o.applied));
  const found = new Set(outcomes.flatMap((o) => o.found));
  return fileWaivers
    .filter((_, i) => applied.has(i) && !found.has(i))
    .map(({ waiver: w }) => ({
      file: w.file,
      code: 'invalid-waiver' as const,
      line: w.targetAt!.line,
      column: w.targetAt!.column,
      values: {
        zh: `所适用的规划中都没有豁免对象 ${w.target}（村代码、项目编号或路径）`,
        en: `no plan it applies to has the target ${w.target} (a village code, a project id or a path)`,
      },
    }));
}

function metaFinding(rule: Rule, w: Waiver, doc: LoadedDocument, gap: Finding | undefined): Finding {
  const inPlan = w.file === doc.file;
  const at = inPlan ? { line: w.line, column: w.column, endLine: w.line, endColumn: w.column, exact: true } : gap ?? { line: 1, column: 1, endLine: 1, endColumn: 1, exact: false };
  const values = (lang: 'zh' | 'en') => ({
    rule: w.rule,
    target: w.target === undefined ? '' : say(lang, 'waivers.target', { target: w.target }),
    expires: w.expires,
    source: sourceOf(w),
  });
  return buildFinding({
    ruleId: rule.id,
    severity: rule.severity,
    area: rule.area,
    file: doc.file,
    path: inPlan ? formatPath(waiverPath(doc, w)) : gap?.path ?? '$',
    line: at.line,
    column: at.column,
    endLine: at.endLine,
    endColumn: at.endColumn,
    exact: at.exact,
    message: { zh: fillTemplate(rule.message.zh, values('zh')), en: fillTemplate(rule.message.en, values('en')) },
    clauses: rule.source.clauses,
    expected: w.expires,
    fingerprint: fingerprint(rule.id, doc.file, `${w.rule}\0${w.target ?? ''}\0${w.expires}`),
  });
}

/** The plan path of a waiver written in the plan, found by its position. */
function waiverPath(doc: LoadedDocument, w: Waiver): Path {
  const list = childOf(doc.data, 'waivers');
  if (Array.isArray(list)) {
    for (let i = 0; i < list.length; i++) {
      const at = doc.locator.locate(['waivers', i]);
      if (at.line === w.line && at.column === w.column) return ['waivers', i];
    }
  }
  return ['waivers'];
}

const identity = (item: unknown): string[] =>
  ['code', 'id'].map((k) => childOf(item, k)).filter((v) => typeof v === 'string' || typeof v === 'number').map(String);

/** Every code and id of a list item anywhere in the plan, gathered once per plan. */
const identityCache = new WeakMap<object, Set<string>>();
function allIdentities(root: unknown): Set<string> {
  const key = typeof root === 'object' && root !== null ? root : undefined;
  const cached = key && identityCache.get(key);
  if (cached) return cached;
  const ids = new Set<string>();
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (const item of node) {
        for (const id of identity(item)) ids.add(id);
        stack.push(item);
      }
    } else if (typeof node === 'object' && node !== null) {
      for (const k of Object.keys(node)) stack.push((node as Record<string, unknown>)[k]);
    }
  }
  if (key) identityCache.set(key, ids);
  return ids;
}

/** A target names a list item by its code or id anywhere in the plan, or a path that exists. */
export function targetExists(root: unknown, target: string): boolean {
  if (allIdentities(root).has(target)) return true;
  const path = parsePath(target);
  return path !== undefined && valueAt(root, path) !== undefined;
}

/** The codes and ids of the list items a gap's path passes through. */
function identitiesOn(root: unknown, findingPath: string): Set<string> {
  const ids = new Set<string>();
  let node = root;
  for (const seg of parsePath(findingPath) ?? []) {
    node = childOf(node, seg);
    if (typeof seg === 'number') for (const id of identity(node)) ids.add(id);
  }
  return ids;
}

const targetPrefix = (target: string | undefined): string | undefined => {
  const t = target === undefined ? undefined : parsePath(target);
  return t ? formatPath(t) : undefined;
};

/** The gap lies at or below the target's path. */
function underPrefix(findingPath: string, prefix: string | undefined): boolean {
  if (prefix === undefined) return false;
  return findingPath === prefix || findingPath.startsWith(`${prefix}.`) || findingPath.startsWith(`${prefix}[`);
}
