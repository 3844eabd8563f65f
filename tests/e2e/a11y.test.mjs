// Accessibility: axe-core on every screen and dialog, in both languages, light and dark,
// must find nothing serious or critical.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch } from './support.mjs';

const AXE = fs.readFileSync(path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Serious and critical axe violations on the page as it is now, readable in a failure. */
async function violations(page) {
  await page.waitForTimeout(250);
  // CDP evaluation is not subject to the page's CSP; the page itself never runs eval.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  const found = await page.evaluate(async () => (await window.axe.run(document)).violations);
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** The deal's plan link, taken in the deal dialog and opened last. */
let customerLink = '';

const SCREENS = [
  ['board', async (page) => page.getByTestId('tab-board').click()],
  ['agenda', async (page) => page.getByTestId('tab-agenda').click()],
  ['analytics', async (page) => page.getByTestId('tab-analytics').click()],
  ['roadmap', async (page) => page.getByTestId('tab-roadmap').click()],
  ['sheet import wizard', async (page) => {
    await page.getByTestId('tab-board').click();
    const csv = '客户,商机,金额,阶段\n甲公司,一期,35万,商务谈判\n乙公司,二期,三十万,需求分析\n';
    await page.getByTestId('sheet-file').setInputFiles({ name: 'team.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('sheet-skipped-row').first().waitFor();
  }],
  ['learn', async (page) => {
    await page.keyboard.press('Escape');
    await page.getByTestId('tab-learn').click();
  }],
  ['learn: concepts', async (page) => page.getByTestId('learn-section-concepts').click()],
  ['learn: glossary', async (page) => page.getByTestId('learn-section-glossary').click()],
  ['learn: self-checks, checked', async (page) => {
    await page.getByTestId('learn-section-checks').click();
    await page.getByTestId('missing-check').click();
  }],
  ['deal dialog', async (page) => {
    await page.getByTestId('tab-board').click();
    await page.getByTestId('deal-open').nth(3).click();
    await page.getByTestId('deal-timeline').waitFor();
  }],
  ["deal dialog: the customer's side shared", async (page) => {
    await page.getByTestId('customer-share').click();
    await page.getByTestId('customer-qr').waitFor();
    customerLink = await page.getByTestId('customer-link').inputValue();
    assert.match(customerLink, /#plan=/);
  }],
  ['new deal dialog', async (page) => {
    await page.keyboard.press('Escape');
    await page.getByTestId('new-deal').click();
    await page.getByTestId('save-deal').click(); // every field error shown
  }],
  ['help guide', async (page) => {
    await page.keyboard.press('Escape');
    await page.getByTestId('help').click();
    await page.getByTestId('help-guide').waitFor();
  }],
  ['shortcut sheet', async (page) => {
    await page.getByTestId('help-tab-shortcuts').click();
    await page.getByTestId('shortcut-sheet').waitFor();
  }],
  ['presentation', async (page) => {
    await page.getByTestId('help-close').click();
    await page.getByTestId('present').click();
    await page.getByTestId('toggle-funnel').click();
    await page.getByTestId('presentation-funnel').waitFor();
  }],
  ['presentation QR code', async (page) => {
    await page.keyboard.press('q');
    await page.getByTestId('presentation-qr').waitFor();
  }],
  ['share dialog', async (page) => {
    await page.keyboard.press('Escape');
    await page.getByTestId('practice').selectOption('saas-launch');
    await page.getByTestId('share').click();
    await page.getByTestId('share-qr').waitFor();
  }],
  ["the customer's page (its link pasted into the open tab), a star given", async (page) => {
    await page.keyboard.press('Escape');
    await page.goto(customerLink);
    await page.getByTestId('customer-page').waitFor();
    const stars = page.getByTestId('customer-star');
    if (await stars.count()) await stars.nth(2).click();
  }],
];

for (const locale of ['zh-CN', 'en-US']) {
  for (const colorScheme of ['light', 'dark']) {
    test(`no serious or critical axe findings, ${locale}, ${colorScheme}`, async () => {
      const context = await browser.newContext({ locale, colorScheme, viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.getByTestId('board').waitFor();
      // The page follows the system's colour scheme.
      const [r, g, b] = (await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).match(/\d+/g).map(Number);
      const light = (r + g + b) / 3 > 128;
      assert.equal(light, colorScheme === 'light', `body background rgb(${r}, ${g}, ${b}) in ${colorScheme} mode`);
      const report = [];
      for (const [name, open] of SCREENS) {
        await open(page);
        for (const line of await violations(page)) report.push(`${name}: ${line}`);
      }
      assert.deepEqual(report, []);
      await context.close();
    });
  }
}
