import { noticeText } from '../../src/audit/notices.js';
import { exitCode } from '../../src/audit/result.js';
import { auditWithSettings, type SettingsOptions } from '../../src/cli/settings.js';
import { FORMATS } from '../../src/report/index.js';
import { joinReport } from '../../src/report/chunks.js';
import { inputErrorLine } from '../../src/report/text.js';

/**
 * `rural-audit check PATHS --format json --lang en ARGS` run in-process in `cwd`: the same
 * pipeline as the CLI without the cost of a process per case. Takes the options that go with a
 * config: --today, --waivers, --baseline, --write-baseline, --config, --no-config.
 */
export async function checkIn(cwd: string, paths: string[], args: string[] = []) {
  const opts: SettingsOptions = { cwd };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => args[++i]!;
    if (a === '--today') opts.today = value();
    else if (a === '--waivers') opts.waivers = [...(opts.waivers ?? []), value()];
    else if (a === '--baseline') opts.baseline = value();
    else if (a === '--write-baseline') opts.writeBaseline = value();
    else if (a === '--config') opts.config = value();
    else if (a === '--no-config') opts.config = false;
    else throw new Error(`checkIn: unknown argument ${a}`);
  }
  const result = await auditWithSettings(paths, opts, {});
  const notices = (result.notices ?? []).map((n) => noticeText(n, 'en'));
  const report = JSON.parse(joinReport(FORMATS.json!(result, { lang: 'en', color: false })));
  const problems = [...result.errors, ...result.files.flatMap((f) => (f.error ? [f.error] : []))].map((e) => inputErrorLine(e, 'en'));
  const stderr = [...problems, ...notices].map((l) => `${l}\n`).join('');
  const code = exitCode(result, 'error');
  return { code: opts.writeBaseline !== undefined && code === 1 ? 0 : code, stderr, report, findings: (report.files[0]?.findings ?? []) as Record<string, any>[] };
}
