import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/audit/result.js';
import { html } from '../../src/report/html.js';
import { CONTROL, examples, hostile, waive } from './helpers.js';

const MANUAL = [{ id: 'manual-overall-handle', clauses: ['R1.1'], reason: { zh: '需要人工判断', en: 'needs judgement' }, check: { zh: '核对县委文件<b>', en: 'check the county document' } }];

/** Debian's chromium, which .ci/run installs: the browser test runs in CI, it never skips. */
function chromium(): string {
  for (const name of [process.env.CHROMIUM, 'chromium', 'chromium-browser'].filter(Boolean) as string[]) {
    const found = spawnSync('sh', ['-c', `command -v "${name}"`], { encoding: 'utf8' });
    if (found.status === 0) return found.stdout.trim();
  }
  throw new Error('chromium not found: install it (apt-get install -y chromium), as .ci/run does');
}

const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;

describe('html', () => {
  let result: AuditResult;
  beforeAll(async () => {
    result = await examples();
  });

  it('is one self-contained page: no scripts, no external assets, a policy forbidding both', () => {
    const page = html({ ...result, manual: MANUAL }, { lang: 'zh', color: false });
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(page).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|href=|@import|url\(/i);
    expect(page).toContain('@page { size: A4;');
    expect(page).toContain('<h2>人工审核清单</h2>');
    expect(page).toContain('核对县委文件&lt;b&gt;');
  });

  it('escapes everything a plan says', () => {
    const page = html(hostile(result), { lang: 'zh', color: false });
    expect(page).not.toMatch(CONTROL);
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('shows waived gaps as waived, with their justification', () => {
    const page = html(waive(result, 'village-plan-coverage', 'examples/partial.yaml'), { lang: 'zh', color: false });
    expect(page).toMatch(/<tr class="waived" data-rule="village-plan-coverage" data-line="231"><td class="where">231:5<\/td>.*已豁免：省里已批准延期/);
  });

  describe('in headless Chromium', () => {
    let dir: string;
    let file: string;
    let page: string;
    const run = (...args: string[]) =>
      execFileSync(
        chromium(),
        ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--user-data-dir=${join(dir, 'profile')}`, ...args, pathToFileURL(file).href],
        { encoding: 'latin1', stdio: ['ignore', 'pipe', 'ignore'], timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
      );

    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'ra-html-'));
      file = join(dir, 'report.html');
      page = html({ ...result, manual: MANUAL }, { lang: 'zh', color: false });
      writeFileSync(file, page);
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('parses into the document we wrote: every table, row and cell where we put it', () => {
      const dom = Buffer.from(run('--dump-dom'), 'latin1').toString('utf8');
      expect(dom).toContain('<title>乡村振兴规划审计报告</title>');
      for (const tag of [/<table/g, /<tr/g, /<td/g, /<th/g, /<section/g, /<li/g, /<h3/g]) expect(count(dom, tag), String(tag)).toBe(count(page, tag));
      expect(count(dom, /<section class="file" data-file=/g)).toBe(result.files.length);
      expect(dom).toContain('梅岭县（439922）');
    });

    it('prints on A4, each plan starting a new page', () => {
      const pdfPath = join(dir, 'report.pdf');
      run('--no-pdf-header-footer', `--print-to-pdf=${pdfPath}`);
      const pdf = readFileSync(pdfPath, 'latin1');
      expect(pdf.startsWith('%PDF-')).toBe(true);
      const boxes = [...pdf.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
      // A4 is 210 × 297 mm: 595 × 842 points.
      expect(boxes.length).toBeGreaterThanOrEqual(1 + result.files.length);
      for (const b of boxes) expect(b).toEqual([595, 842]);
    });

    it('renders a screenshot of the page', () => {
      const png = join(dir, 'report.png');
      run('--window-size=1000,1400', `--screenshot=${png}`);
      const bytes = readFileSync(png);
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(bytes.readUInt32BE(16)).toBe(1000);
      expect(bytes.length).toBeGreaterThan(20_000);
    });
  });
});
