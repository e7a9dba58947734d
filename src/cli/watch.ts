import { existsSync, statSync, watch, type FSWatcher } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { AuditSettings } from '../audit/settings.js';
import type { AuditResult, FileResult } from '../audit/result.js';
import type { Lang } from '../catalog/types.js';
import { displayPath, isYamlFile, splitGlob, walkReaches } from '../plan/discover.js';
import { say } from '../plan/words.js';
import { inputErrorLine } from '../report/text.js';
import { auditWithSettings, type SettingsOptions } from './settings.js';

/** Clear the screen and its scroll-back, cursor home: each report replaces the last. */
const CLEAR = '\u001b[2J\u001b[3J\u001b[H';

/** Editors save in several writes (truncate, write, rename): one audit per burst of events. */
const SETTLE_MS = 150;

interface Root {
  dir: string;
  recursive: boolean;
  /** Whether a changed file under `dir` is one the argument names, as discoverPlans would find it. */
  wants: (abs: string) => boolean;
  /** How an input error names the argument when it matches nothing (`no-match`). */
  label: string;
}

/** Where to listen for each argument: a file's folder, a folder itself, a glob's fixed part. */
function rootsOf(paths: string[], cwd: string): Root[] {
  return paths.map((p): Root => {
    const abs = resolve(cwd, p);
    if (!existsSync(abs) && /[*?[\]{}]/.test(p)) {
      const { base, matches } = splitGlob(p, cwd);
      return { dir: base, recursive: true, wants: (f) => walkReaches(base, f) && matches(f), label: p };
    }
    if (existsSync(abs) && statSync(abs).isDirectory()) {
      return { dir: abs, recursive: true, wants: (f) => walkReaches(abs, f) && isYamlFile(f), label: displayPath(abs, cwd) };
    }
    return { dir: dirname(abs), recursive: false, wants: (f) => f === abs, label: displayPath(abs, cwd) };
  });
}

/**
 * `check --watch`: after the first report, each time a plan changes only that plan is audited
 * again, its result replaces the one it had, and the whole report is printed again on a cleared
 * screen. The other plans keep their last results; if the audit itself cannot run (a config
 * error), the last report stays and the error goes to stderr. Runs until interrupted.
 */
export function watchPlans(
  paths: string[],
  first: AuditResult,
  audit: AuditSettings,
  opts: SettingsOptions & { lang: Lang },
  report: (result: AuditResult) => Promise<number>,
): Promise<number> {
  const cwd = opts.cwd ?? process.cwd();
  let last = first;
  const timers = new Map<string, NodeJS.Timeout>();
  const watchers: FSWatcher[] = [];
  let queue = Promise.resolve();
  const again = (abs: string, root: Root) => {
    queue = queue.then(async () => {
      const file = displayPath(abs, cwd);
      try {
        const files = last.files.filter((f) => f.file !== file);
        let errors = last.errors;
        if (existsSync(abs)) {
          const result = await auditWithSettings([file], opts, audit);
          files.push(...result.files);
          for (const e of result.errors) process.stderr.write(`${inputErrorLine(e, opts.lang)}\n`);
          // A folder or glob that matched nothing at first matches this file now.
          errors = errors.filter((e) => !(e.code === 'no-match' && e.file === root.label));
        }
        last = { ...last, files: files.sort(byFile), errors };
        process.stdout.write(CLEAR);
        process.stderr.write(`${say(opts.lang, 'watch.reaudited', { file })}\n`);
        await report(last);
      } catch (e) {
        process.stderr.write(`${file}: ${(e as Error).message}\n`);
      }
    });
  };
  for (const root of rootsOf(paths, cwd)) {
    if (!existsSync(root.dir)) continue;
    const w = watch(root.dir, { recursive: root.recursive }, (_event, name) => {
      if (!name) return;
      const abs = resolve(root.dir, name.toString());
      if (!root.wants(abs)) return;
      clearTimeout(timers.get(abs));
      timers.set(abs, setTimeout(() => again(abs, root), SETTLE_MS));
    });
    watchers.push(w);
  }
  process.stderr.write(`${say(opts.lang, 'watch.watching')}\n`);
  // Never settles: the process ends on a signal (cli/main.ts).
  return new Promise<number>(() => undefined);
}

const byFile = (a: FileResult, b: FileResult) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
