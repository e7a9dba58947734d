import type { Rule } from '../catalog/types.js';
import { fingerprint } from '../engine/audit.js';
import { compareFindings, type Finding } from '../engine/finding.js';
import { childOf, valueAt } from '../engine/select.js';
import type { InputError } from '../plan/input-error.js';
import type { LoadedDocument } from '../plan/load.js';
import { formatPath, type Path } from '../plan/path.js';
import { WAIVER_EXPIRED, WAIVER_UNUSED } from './rules.js';
import type { FileWaiver } from './file.js';
import { readWaivers, sourceOf, stateOf, type Waiver } from './waiver.js';

export interface WaiverRun {
  today: string;
  knownRules: Set<string>;
  fileWaivers: FileWaiver[];
  /** Invalid waivers and targets that do not exist, collected across the run. */
  errors: InputError[];
  /** Meta rules (expired, unused) that were reported, for the result's rule list. */
  used: Set<Rule>;
  cwd: string;
}

/**
 * Apply the waivers in force to one plan's gaps: a gap covered by an active waiver is marked
 * waived (and stays in the report); an expired waiver waives nothing and is reported itself, as
 * is a waiver in the plan that matches no gap.
 */
export function applyWaivers(doc: LoadedDocument, findings: Finding[], run: WaiverRun): Finding[] {
  const own = readWaivers(childOf(doc.data, 'waivers'), doc, ['waivers'], run.knownRules, false);
  run.errors.push(...own.errors);
  const planWaivers = own.waivers.filter((w) => {
    if (w.target === undefined || targetExists(doc.data, w.target)) return true;
    run.errors.push({
      file: doc.file,
      code: 'invalid-waiver',
      line: w.targetAt!.line,
      column: w.targetAt!.column,
      values: { zh: `规划中没有豁免对象 ${w.target}（村代码、项目编号或路径）`, en: `the plan has no target ${w.target} (a village code, a project id or a path)` },
    });
    return false;
  });
  const countyCode = childOf(childOf(doc.data, 'county'), 'code');
  const fromFile = run.fileWaivers.filter((fw) => {
    if (fw.waiver.county !== undefined && String(countyCode) !== fw.waiver.county) return false;
    if (!fw.forFile(doc.file, run.cwd)) return false;
    fw.applied++;
    const exists = fw.waiver.target === undefined || targetExists(doc.data, fw.waiver.target);
    if (exists) fw.found++;
    return exists;
  });
  const all = [...planWaivers, ...fromFile.map((fw) => fw.waiver)];
  if (all.length === 0) return findings;
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
    const waiver = candidates.find((w) => stateOf(w.expires, run.today) !== 'expired');
    if (!waiver) return f;
    return { ...f, waiver: { justification: waiver.justification, approvedBy: waiver.approvedBy, expires: waiver.expires, source: sourceOf(waiver) } };
  });
  for (const w of all) {
    const inPlan = w.file === doc.file;
    const state = stateOf(w.expires, run.today);
    if (state === 'expired') out.push(metaFinding(WAIVER_EXPIRED, w, doc, inPlan ? undefined : matched.get(w), run));
    else if (inPlan && !matched.has(w)) out.push(metaFinding(WAIVER_UNUSED, w, doc, undefined, run));
  }
  return out.sort(compareFindings);
}

/** Errors for waivers-file targets found in none of the plans they were for. */
export function unmatchedTargets(run: WaiverRun): InputError[] {
  return run.fileWaivers
    .filter((fw) => fw.applied > 0 && fw.found === 0)
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

function metaFinding(rule: Rule, w: Waiver, doc: LoadedDocument, gap: Finding | undefined, run: WaiverRun): Finding {
  run.used.add(rule);
  const inPlan = w.file === doc.file;
  const at = inPlan ? { line: w.line, column: w.column, endLine: w.line, endColumn: w.column, exact: true } : gap ?? { line: 1, column: 1, endLine: 1, endColumn: 1, exact: false };
  const values = (lang: 'zh' | 'en') => ({
    rule: w.rule,
    target: w.target === undefined ? '' : lang === 'zh' ? `（对象 ${w.target}）` : ` (target ${w.target})`,
    expires: w.expires,
    source: sourceOf(w),
  });
  const fill = (t: string, v: Record<string, string>) => t.replace(/\{\{(\w+)\}\}/g, (_, k: string) => v[k] ?? '');
  return {
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
    message: { zh: fill(rule.message.zh, values('zh')), en: fill(rule.message.en, values('en')) },
    clauses: [],
    expected: w.expires,
    related: [],
    fingerprint: fingerprint(rule.id, doc.file, `${w.rule}\0${w.target ?? ''}\0${w.expires}`),
  };
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

/** `villages[3].plan`, `["x y"].z` → segments; undefined when the text is no path. */
export function parsePath(text: string): Path | undefined {
  const re = /(?:^|\.)([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/gy;
  const out: (string | number)[] = [];
  let m: RegExpExecArray | null;
  while (re.lastIndex < text.length && (m = re.exec(text))) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(JSON.parse(m[3]!) as string);
  }
  return re.lastIndex === text.length && out.length > 0 ? out : undefined;
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
