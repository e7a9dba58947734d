import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithChromium, headlessFlags } from '../helpers/browser.js';
import { cli, ROOT } from '../helpers/cli.js';
import { toGbk } from '../robust/helpers.js';

const PAGE = pathToFileURL(join(ROOT, 'dist/rural-audit.html')).href;
const EXAMPLES = join(ROOT, 'examples');
const TODAY = '2026-11-30';

interface Shown {
  file: string;
  rule: string;
  line: number;
}

const sorted = (rows: Shown[]) => [...rows].sort((a, b) => a.file.localeCompare(b.file) || a.rule.localeCompare(b.rule) || a.line - b.line);

/** What `check --format json` reports for files of one folder, on the same audit date, without a config. */
function check(dir: string, files: string[], lang = 'zh') {
  const r = cli(['check', ...files, '--format', 'json', '--no-config', '--today', TODAY, '--lang', lang], { cwd: dir });
  return { ...r, report: JSON.parse(r.stdout) as { files: { file: string; findings: { ruleId: string; line: number }[] }[] } };
}

describeWithChromium('the browser page (dist/rural-audit.html, from file://)', (executablePath) => {
  let browser: Browser;
  let page: Page;
  let dir: string;
  const requests: string[] = [];
  const violations: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ra-web-'));
    // Playwright keeps its own profile (it refuses --user-data-dir in args); the other flags are the shared ones.
    const args = headlessFlags(dir).filter((flag) => !flag.startsWith('--user-data-dir='));
    browser = await chromium.launch({ executablePath, args });
    const context = await browser.newContext({ acceptDownloads: true });
    context.on('request', (r) => requests.push(r.url()));
    page = await context.newPage();
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(PAGE);
    await page.waitForSelector('body[data-state="ready"]');
    await page.fill('#today', TODAY);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Upload files and wait for the report; returns the rows shown and the problem lines. */
  async function audit(paths: string[]) {
    await page.evaluate(() => (document.body.dataset.state = 'test-upload'));
    await page.setInputFiles('#files', paths);
    await page.waitForSelector('body[data-state="done"]', { timeout: 60_000 });
    const rows = await page.$$eval('#report section[data-file] tr[data-rule]', (trs) =>
      trs.map((tr) => ({ file: tr.closest('section')!.getAttribute('data-file')!, rule: tr.getAttribute('data-rule')!, line: Number(tr.getAttribute('data-line')) })),
    );
    const problems = await page.$$eval('#problems li', (lis) => lis.map((li) => li.textContent));
    return { rows, problems };
  }

  async function downloaded(button: string): Promise<string> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    return readFileSync((await download.path())!, 'utf8');
  }

  const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml')).sort();

  it.each(examples)('shows the gaps check reports for examples/%s, and its JSON report is check’s, byte for byte', async (name) => {
    const { rows, problems } = await audit([join(EXAMPLES, name)]);
    const expected = check(EXAMPLES, [name]);
    const gaps = expected.report.files.flatMap((f) => f.findings.map((x) => ({ file: f.file, rule: x.ruleId, line: x.line })));
    expect(sorted(rows)).toEqual(sorted(gaps));
    expect(problems).toEqual([]);
    expect(await downloaded('#download-json')).toBe(expected.stdout);
  });

  it('audits several plans at once, in English, as one run of check does', async () => {
    await page.selectOption('#lang', 'en');
    const { rows } = await audit(examples.map((f) => join(EXAMPLES, f)));
    const expected = check(EXAMPLES, examples, 'en');
    expect(sorted(rows)).toEqual(sorted(expected.report.files.flatMap((f) => f.findings.map((x) => ({ file: f.file, rule: x.ruleId, line: x.line })))));
    expect(await downloaded('#download-json')).toBe(expected.stdout);
    expect(await downloaded('#download-csv')).toBe(cli(['check', ...examples, '-f', 'remediation', '--no-config', '--today', TODAY, '--lang', 'en'], { cwd: EXAMPLES }).stdout);
    await page.selectOption('#lang', 'zh');
  });

  it('reads a GBK plan, with the notice check gives', async () => {
    writeFileSync(join(dir, 'gbk.yaml'), toGbk(readFileSync(join(EXAMPLES, 'partial.yaml'), 'utf8')));
    const { rows, problems } = await audit([join(dir, 'gbk.yaml')]);
    const expected = check(dir, ['gbk.yaml']);
    expect(problems).toEqual([expected.stderr.trim()]);
    expect(problems[0]).toContain('已按 GB18030 编码读取');
    expect(sorted(rows)).toEqual(sorted(expected.report.files[0]!.findings.map((x) => ({ file: 'gbk.yaml', rule: x.ruleId, line: x.line }))));
  });

  it('gives a broken YAML file the one-line error check gives, and still shows the page', async () => {
    writeFileSync(join(dir, 'broken.yaml'), 'county:\n  name: 桃溪县\n  code: [439921\n');
    const { rows, problems } = await audit([join(dir, 'broken.yaml')]);
    const expected = check(dir, ['broken.yaml']);
    expect(expected.code).toBe(2);
    expect(problems).toEqual([expected.stderr.trim()]);
    expect(problems[0]).toMatch(/^broken\.yaml:\d+:\d+: 错误: /);
    expect(rows).toEqual([]);
    expect(await page.textContent('#report')).toContain('未能审计');
  });

  it('applies the profile chosen, as check does with a config extending it, and says the example profile is invented', async () => {
    writeFileSync(join(dir, 'rural-audit.config.yaml'), 'extends: example-province\n');
    writeFileSync(join(dir, 'partial.yaml'), readFileSync(join(EXAMPLES, 'partial.yaml')));
    await page.selectOption('#profile', 'example-province');
    const { problems } = await audit([join(dir, 'partial.yaml')]);
    const r = cli(['check', 'partial.yaml', '--format', 'json', '--today', TODAY], { cwd: dir });
    expect(problems).toEqual([r.stderr.trim()]);
    expect(await downloaded('#download-json')).toBe(r.stdout);
    expect(r.stdout).not.toBe(check(dir, ['partial.yaml']).stdout);
    await page.selectOption('#profile', 'default');
  });

  it('shows the plan line of a gap when its row is clicked', async () => {
    await audit([join(EXAMPLES, 'misaligned.yaml')]);
    const row = page.locator('#report tr[data-rule]').first();
    const line = Number(await row.getAttribute('data-line'));
    await row.click();
    await expect.poll(() => page.textContent('#source-title')).toBe(`misaligned.yaml:${line}`);
    const hit = await page.textContent('#source-code li.hit');
    expect(hit).toBe(readFileSync(join(EXAMPLES, 'misaligned.yaml'), 'utf8').split('\n')[line - 1] || '\u00a0');
    await page.click('#source-close');
    expect(await page.isHidden('#source')).toBe(true);
  });

  it('downloads the init template, with villages pasted from a spreadsheet', async () => {
    await page.click('#new-plan');
    await page.fill('#np-county', '桃溪县');
    await page.fill('#np-code', '439921');
    await page.fill('#np-villages', '桃源村\t439921101201\t桃溪镇\n李家村\t439921101202\t桃溪镇\n');
    const text = await downloaded('#np-download');
    writeFileSync(join(dir, 'villages.csv'), '桃源村,439921101201,桃溪镇\n李家村,439921101202,桃溪镇\n');
    const init = cli(['init', '-', '--county', '桃溪县', '--code', '439921', '--villages', 'villages.csv', '--schema', 'plan.schema.json'], { cwd: dir });
    expect(text).toBe(init.stdout);
    await page.click('#np-close');
  });

  it('made no network request and broke no content-security rule', () => {
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:'))).toEqual([]);
    expect(requests.filter((u) => u.startsWith('file:'))).toEqual([PAGE]);
    expect(violations).toEqual([]);
  });
});
