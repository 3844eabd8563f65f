// Focus in dialogs: an action that changes what the dialog shows (closing a deal as
// lost or won, reopening it) never drops focus to the page; Escape always closes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp } from './support.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const focusInDialog = (page) => page.evaluate(() => !!document.activeElement?.closest('[role=dialog]'));

for (const [width, height] of [[1440, 900], [390, 844]]) {
  test(`${width} px: focus stays in the deal dialog through lost, reopen and won, and Escape closes it`, async () => {
    const { page, context } = await openApp(browser, server.url, { locale: 'zh-CN' });
    await page.setViewportSize({ width, height });
    await page.getByTestId('deal-open').first().click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();

    await page.getByTestId('mark-lost').click();
    await page.getByTestId('lost-reason').selectOption({ index: 1 });
    await page.getByTestId('confirm-lost').click();
    await page.getByTestId('reopen-deal').waitFor();
    await page.waitForTimeout(100);
    assert.ok(await focusInDialog(page), 'after 确认丢单 focus is in the dialog');

    await page.getByTestId('reopen-deal').click();
    await page.getByTestId('mark-won').waitFor();
    await page.waitForTimeout(100);
    assert.ok(await focusInDialog(page), 'after reopening focus is in the dialog');

    await page.getByTestId('mark-won').click();
    await page.getByTestId('reopen-deal').waitFor();
    await page.waitForTimeout(100);
    assert.ok(await focusInDialog(page), 'after 标记为赢单 focus is in the dialog');

    // Focus pushed out to the page (a script, an extension): Escape still closes.
    await page.evaluate(() => document.activeElement?.blur());
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await context.close();
  });
}
