// Saving and loading: nothing typed is lost on a quick reload, and a stored
// copy that cannot be read is kept aside instead of being overwritten.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serveDist, launch, openApp, readKey, firstSave } from './support.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const KEY = 'waypoint.workspace.v1';
const column = (page, index) => page.getByTestId('stage-column').nth(index);
const card = (page, customer) => page.getByTestId('deal-card').filter({ hasText: customer });

test('a change made just before leaving the page is saved on pagehide', async () => {
  const { page, context } = await openApp(browser, server.url, { locale: 'en-US' });
  // "Solution design" is not gated, so the move needs no confirmation.
  await card(page, 'Harbor River Logistics').getByTestId('move-forward').click();
  // Reload at once, well inside the save debounce: only the pagehide flush can keep it.
  await page.reload();
  await page.getByTestId('board').waitFor();
  assert.equal(await column(page, 3).getByText('Harbor River Logistics').count(), 1);
  await context.close();
});

test('editing a deal changes its card and keeps its place', async () => {
  const { page, context } = await openApp(browser, server.url, { locale: 'en-US' });
  await card(page, 'Harbor River Logistics').getByTestId('deal-open').click();
  const dialog = page.getByTestId('deal-dialog');
  assert.equal(await dialog.getByTestId('field-customer').inputValue(), 'Harbor River Logistics');
  await dialog.getByTestId('field-value').fill('12.345');
  await dialog.getByTestId('save-deal').click();
  assert.equal(await dialog.getByText('At most two decimal places').count(), 1);
  await dialog.getByTestId('field-value').fill('700000');
  await dialog.getByTestId('field-owner').fill('Dana Wu');
  await dialog.getByTestId('save-deal').click();
  await dialog.waitFor({ state: 'detached' });
  const edited = card(page, 'Harbor River Logistics');
  assert.match(await edited.textContent(), /\$700,000/);
  assert.match(await edited.textContent(), /Dana Wu/);
  assert.equal(await column(page, 2).getByText('Harbor River Logistics').count(), 1);
  await context.close();
});

test('sample deals go in one action and the user\'s own deals stay', async () => {
  const { page, context } = await openApp(browser, server.url, { locale: 'zh-CN' });
  await page.getByTestId('new-deal').click();
  await page.getByTestId('field-customer').fill('自有客户');
  await page.getByTestId('field-title').fill('自有商机');
  await page.getByTestId('field-value').fill('1000');
  await page.getByTestId('save-deal').click();
  await card(page, '自有客户').waitFor();
  page.once('dialog', (d) => d.accept());
  await page.getByTestId('remove-samples').click();
  await page.getByTestId('notice').filter({ hasText: '示例商机已清除' }).waitFor();
  assert.deepEqual(await page.getByTestId('deal-card').locator('.card-customer').allTextContents(), ['自有客户']);
  assert.equal(await page.getByTestId('remove-samples').count(), 0, 'the action goes once there are no samples');
  await context.close();
});

test('an unreadable stored copy is kept aside, reported and offered for download', async () => {
  const context = await browser.newContext({ locale: 'en-US', acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByTestId('board').waitFor();
  await firstSave(page);
  const garbage = '{"format":"waypoint","version":1,"workspace":{"deals": [tr';
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, garbage]);
  await page.reload();
  const banner = page.getByTestId('recovered');
  await banner.waitFor();
  assert.match(await banner.textContent(), /could not be read: the file is not valid JSON \(line 1, column \d+\)\. The original text was kept/);
  assert.equal(await readKey(page, 'waypoint.recovery'), garbage);
  const [download] = await Promise.all([page.waitForEvent('download'), banner.getByRole('button', { name: 'Download the original data' }).click()]);
  assert.equal(fs.readFileSync(await download.path(), 'utf8'), garbage);
  // The fresh workspace shown instead is saved, and the recovery copy survives it.
  assert.ok(await page.getByTestId('deal-card').count() > 0);
  await context.close();
});
