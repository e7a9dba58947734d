import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { writeReport } from './output.js';
import { UsageError } from './usage.js';

/** The browser page the build made (scripts/build-web.mjs); shipped in the package's dist/. */
export const WEB_PAGE = new URL('../rural-audit.html', import.meta.url);

const EXAMPLES = `
Examples:
  $ rural-audit web                          write rural-audit.html here
  $ rural-audit web -o 规划审计.html          under another name

Open the file in any current browser (Chromium, Firefox, 360, QQ …), with no Node.js and no
network: choose or drop plans, see the gaps as check reports them, print or download the reports.`;

export function registerWeb(program: Command): void {
  program
    .command('web')
    .description('write the offline browser page that audits plans without Node.js / 生成离线网页版审计工具')
    .option('-o, --output <file>', 'where to write the page (whole or not at all)', 'rural-audit.html')
    .addHelpText('after', EXAMPLES)
    .action(async (opts: { output: string }) => {
      process.exitCode = await runWeb(opts.output);
    });
}

export async function runWeb(output: string): Promise<number> {
  let page: string;
  try {
    page = await readFile(WEB_PAGE, 'utf8');
  } catch {
    throw new UsageError('the browser page is not built: run npm run build (it writes dist/rural-audit.html)');
  }
  await writeReport(output, page, []);
  process.stderr.write(`已生成 ${output}：用浏览器打开即可离线审计规划 / wrote ${output}: open it in a browser to audit plans offline\n`);
  return 0;
}
