// Printing: the roadmap, a deal and the analytics each print on A4 landscape pages with
// the screen's controls left out, in light colours even when the screen is dark.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch } from './support.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Page sizes (points) of a PDF made with the page's own @page rule. */
async function pdfPages(page) {
  const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
  return [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(+m[1]), Math.round(+m[2])]);
}

async function openPrinting(hash) {
  const context = await browser.newContext({ locale: 'zh-CN', colorScheme: 'dark', viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(`${server.url}${hash}`);
  await page.getByTestId('board').or(page.getByTestId('roadmap-canvas')).or(page.getByTestId('analytics-period')).first().waitFor();
  // The Print button calls the browser's print; count the calls instead of opening a dialog.
  await page.evaluate(() => { window.printed = 0; window.print = () => { window.printed += 1; }; });
  return { context, page };
}

async function checkPrinted(page, { shown, hidden }) {
  await page.getByTestId('print').click();
  assert.equal(await page.evaluate(() => window.printed), 1, 'the Print button prints');
  await page.emulateMedia({ media: 'print' });
  for (const id of shown) assert.ok(await page.getByTestId(id).first().isVisible(), `${id} is printed`);
  for (const id of hidden) assert.ok(await page.getByTestId(id).first().isHidden(), `${id} is left out`);
  assert.ok(await page.getByTestId('new-deal').isHidden(), 'the top bar actions are left out');
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(255, 255, 255)');
  const pages = await pdfPages(page);
  assert.ok(pages.length >= 1);
  for (const size of pages) assert.deepEqual(size, [842, 595], 'A4 landscape');
  return pages.length;
}

test('the roadmap prints its chart and stages', async () => {
  const { context, page } = await openPrinting('#roadmap');
  await page.getByTestId('roadmap-canvas').waitFor();
  const pages = await checkPrinted(page, { shown: ['roadmap-canvas', 'roadmap-name'], hidden: ['download-svg', 'add-stage', 'stage-delete'] });
  // Fields read as text on paper.
  assert.equal(await page.locator('.stage-card input').first().evaluate((e) => getComputedStyle(e).borderTopStyle), 'none');
  assert.ok(pages <= 12, `${pages} pages`);
  await context.close();
});

test('a deal prints alone, with its plan', async () => {
  const { context, page } = await openPrinting('#board');
  await page.getByTestId('deal-open').nth(3).click();
  await page.getByTestId('deal-timeline').waitFor();
  await checkPrinted(page, { shown: ['deal-dialog', 'deal-timeline'], hidden: ['board', 'save-deal', 'cancel-deal'] });
  await context.close();
});

test('the analytics print their figures and charts', async () => {
  const { context, page } = await openPrinting('#analytics');
  await page.getByTestId('funnel-canvas').waitFor();
  await checkPrinted(page, { shown: ['funnel-canvas', 'owner-table', 'analytics-period'], hidden: ['what-if', 'funnel-svg', 'goal-form'] });
  await context.close();
});
