/**
 * docs/web-page.png: the browser page (dist/rural-audit.html, after `npm run build`) in the system
 * Chromium, with examples/misaligned.yaml audited and its first gap's line shown in the source view.
 *   node scripts/web-screenshot.mjs [chromium=/usr/bin/chromium]
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../', import.meta.url));
const browser = await chromium.launch({
  executablePath: process.argv[2] ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1360, height: 1000 }, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(`${root}dist/rural-audit.html`).href);
  await page.waitForSelector('body[data-state="ready"]');
  await page.setInputFiles('#files', `${root}examples/misaligned.yaml`);
  await page.waitForSelector('body[data-state="done"]');
  await page.locator('section[data-file] tr[data-rule]').first().click();
  await page.waitForSelector('#source-code li.hit');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${root}docs/web-page.png` });
} finally {
  await browser.close();
}
