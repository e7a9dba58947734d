import type { Command } from 'commander';
import { Option } from 'commander';
import Table from 'cli-table3';
import { LANGS, type Lang } from '../catalog/types.js';
import { cmp } from '../engine/finding.js';
import type { InputError } from '../plan/input-error.js';
import { discoverPlans } from '../plan/discover.js';
import { isIgnored } from '../config/effective.js';
import { DEFAULT_MAX_BYTES, isInputError, loadDocument } from '../plan/load.js';
import { say } from '../plan/words.js';
import { escapeJsonText, inputErrorLine, sanitize } from '../report/text.js';
import { readPlanWaivers } from '../waivers/apply.js';
import { daysLeft, EXPIRING_DAYS, sourceOf, stateOf, type Waiver, type WaiverState } from '../waivers/waiver.js';
import { settingsFrom } from './settings.js';

interface WaiversOptions {
  config?: string | boolean;
  waivers?: string[];
  today?: string;
  lang: Lang;
  format: string;
  failOn?: 'expired' | 'expiring';
}

const EXAMPLES = `
Examples:
  $ rural-audit waivers plans/                  waivers of every plan in plans/ and of the config's waivers files
  $ rural-audit waivers plans/ --format json
  $ rural-audit waivers plans/ --fail-on expiring   exit 1 when a waiver expires within ${EXPIRING_DAYS} days or has expired

Exit codes: 0 listed, 1 a waiver in the --fail-on state, 2 an invalid waiver or unreadable file.`;

export function registerWaivers(program: Command): void {
  program
    .command('waivers')
    .description('list waivers with their state: active, expiring, expired / 列出豁免及其状态')
    .argument('[paths...]', 'plan files, folders or globs whose waivers: to list')
    .option('-c, --config <file>', 'config file (default: rural-audit.config.yaml here or in a folder above)')
    .option('--no-config', 'use no config file')
    .option('--waivers <file>', 'a waivers file, in addition to those of the config (repeatable)', (v: string, all: string[] = []) => [...all, v])
    .option('--today <date>', 'the date states are computed for (default: $RURAL_AUDIT_TODAY, else today)')
    .addOption(new Option('--lang <lang>', 'language').choices([...LANGS]).default('zh'))
    .addOption(new Option('-f, --format <name>', 'output format').choices(['table', 'json']).default('table'))
    .addOption(new Option('--fail-on <state>', 'exit 1 when a waiver is in this state (expiring includes expired)').choices(['expired', 'expiring']))
    .addHelpText('after', EXAMPLES)
    .action(async (paths: string[], opts: WaiversOptions) => {
      process.exitCode = await runWaivers(paths, opts);
    });
}

interface Row {
  state: WaiverState;
  daysLeft: number;
  waiver: Waiver;
}

export async function runWaivers(paths: string[], opts: WaiversOptions): Promise<number> {
  const settings = settingsFrom({ config: opts.config, waivers: opts.waivers, today: opts.today });
  const config = settings.config!;
  const today = settings.today!;
  const known = new Set(config.catalog.rules.map((r) => r.id));
  const errors: InputError[] = (settings.waivers ?? []).flatMap((f) => f.errors);
  const waivers: Waiver[] = (settings.waivers ?? []).flatMap((f) => f.waivers);
  if (paths.length > 0) {
    const found = await discoverPlans(paths);
    errors.push(...found.errors);
    for (const plan of found.files) {
      if (isIgnored(config, plan.path)) continue;
      const doc = await loadDocument(plan.path, plan.display, { maxBytes: DEFAULT_MAX_BYTES });
      if (isInputError(doc)) {
        errors.push(doc);
        continue;
      }
      const read = readPlanWaivers(doc, known);
      errors.push(...read.errors);
      waivers.push(...read.waivers);
    }
  }
  for (const e of errors) process.stderr.write(`${inputErrorLine(e, opts.lang)}\n`);
  const rows: Row[] = waivers
    .map((waiver) => ({ waiver, state: stateOf(waiver.expires, today), daysLeft: daysLeft(waiver.expires, today) }))
    .sort((a, b) => cmp(a.waiver.expires, b.waiver.expires) || cmp(a.waiver.file, b.waiver.file) || a.waiver.line - b.waiver.line);
  process.stdout.write(opts.format === 'json' ? json(rows, today) : table(rows, today, opts.lang));
  if (errors.length > 0) return 2;
  const failing = opts.failOn === 'expired' ? rows.some((r) => r.state === 'expired') : opts.failOn === 'expiring' ? rows.some((r) => r.state !== 'active') : false;
  return failing ? 1 : 0;
}

function json(rows: Row[], today: string): string {
  const out = {
    today,
    expiringWithinDays: EXPIRING_DAYS,
    waivers: rows.map(({ waiver: w, state, daysLeft }) => ({
      state,
      daysLeft,
      rule: w.rule,
      ...(w.target === undefined ? {} : { target: w.target }),
      justification: w.justification,
      approvedBy: w.approvedBy,
      expires: w.expires,
      ...(w.county === undefined ? {} : { county: w.county }),
      ...(w.files === undefined ? {} : { files: w.files }),
      source: sourceOf(w),
    })),
  };
  return `${escapeJsonText(JSON.stringify(out, null, 2))}\n`;
}

const STATE = { active: 'waivers.stateActive', expiring: 'waivers.stateExpiring', expired: 'waivers.stateExpired' } as const;

function table(rows: Row[], today: string, lang: Lang): string {
  const head = (['waivers.headState', 'waivers.headExpires', 'waivers.headRule', 'waivers.headTarget', 'waivers.headApprovedBy', 'waivers.headJustification', 'waivers.headWhere'] as const).map((k) => say(lang, k));
  const t = new Table({ head, style: { head: [], border: [] }, wordWrap: true, wrapOnWordBoundary: false, colWidths: [10, 12, 32, 16, 14, 30, 22] });
  for (const { waiver: w, state, daysLeft: left } of rows) {
    const when = state === 'expired' ? '' : say(lang, 'waivers.daysLeft', { days: left });
    t.push([say(lang, STATE[state]), `${w.expires}${when}`, w.rule, w.target ?? '—', w.approvedBy, w.justification, sourceOf(w)].map((c) => sanitize(String(c))));
  }
  const counts = { active: 0, expiring: 0, expired: 0 };
  for (const r of rows) counts[r.state]++;
  const summary = say(lang, 'waivers.summary', { today, count: rows.length, ...counts, days: EXPIRING_DAYS });
  return rows.length === 0 ? `${summary}\n` : `${t.toString()}\n${summary}\n`;
}
