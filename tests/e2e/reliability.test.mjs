// Reliability as a person meets it: undo and redo, an import undone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp } from './support.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const column = (page, index) => page.getByTestId('stage-column').nth(index);
const customers = (page) => page.getByTestId('deal-card').locator('.card-customer').allTextContents();

test('undo and redo by keyboard and buttons, an import included, and the result is saved', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'en-US' });
  assert.equal(await page.getByTestId('undo').isDisabled(), true, 'nothing to undo yet');
  await page.getByTestId('deal-card').filter({ hasText: 'Eastline Precision' }).getByTestId('move-forward').click();
  await column(page, 1).getByText('Eastline Precision').waitFor();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await column(page, 0).getByText('Eastline Precision').waitFor();
  await page.getByTestId('notice').filter({ hasText: 'Undone' }).waitFor();
  await page.keyboard.press('Control+Shift+z');
  await column(page, 1).getByText('Eastline Precision').waitFor();
  await page.getByTestId('undo').click();
  await column(page, 0).getByText('Eastline Precision').waitFor();
  await page.keyboard.press('Control+y');
  await column(page, 1).getByText('Eastline Precision').waitFor();

  // An import replaces everything; one undo brings the board back.
  const own = await customers(page);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('waypoint.workspace.v1')));
  stored.workspace.deals = stored.workspace.deals.slice(0, 1);
  await page.getByTestId('import-file').setInputFiles({ name: 'one.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(stored)) });
  await page.getByTestId('notice').filter({ hasText: 'Imported 1 deals' }).waitFor();
  assert.equal((await customers(page)).length, 1);
  await page.getByTestId('undo').click();
  assert.deepEqual(await customers(page), own);
  await page.waitForTimeout(400);
  await page.reload();
  await page.getByTestId('board').waitFor();
  assert.deepEqual(await customers(page), own, 'the undone state is what is saved');
  assert.deepEqual(errors, []);
  await context.close();
});
