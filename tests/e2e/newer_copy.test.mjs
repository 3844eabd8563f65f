// Data saved by a newer build of Waypoint is never written over by an older one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serveDist, launch, openApp, readStored, readKey } from './support.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The stored envelope as a newer build (data format 9) with a field this build does not know would write it. */
async function newerCopy(page) {
  const doc = await readStored(page);
  doc.version = 9;
  doc.workspace.schema_version = 9;
  doc.workspace.forecast_categories = ['commit', 'best case'];
  return JSON.stringify(doc);
}

test('a copy from a newer version is left alone: a banner offers Reload and a download, and changes are not saved', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'en-US' });
  await page.waitForTimeout(400);
  const newer = await newerCopy(page);
  await page.evaluate((text) => localStorage.setItem('waypoint.workspace.v1', text), newer);
  await page.reload();
  const banner = page.getByTestId('newer-copy');
  await banner.waitFor();
  assert.match(await banner.textContent(), /saved by a newer version of Waypoint \(data format 9\)/);
  await page.getByTestId('deal-card').first().getByTestId('move-forward').click();
  await page.waitForTimeout(800);
  assert.equal(await readKey(page, 'waypoint.workspace.v1'), newer, 'the newer copy is untouched, its unknown field kept');
  const [download] = await Promise.all([page.waitForEvent('download'), banner.getByTestId('download-newer').click()]);
  assert.equal(fs.readFileSync(await download.path(), 'utf8'), newer);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a newer version saving in another tab stops this tab from writing, and says so', async () => {
  const { page: old, context, errors } = await openApp(browser, server.url, { locale: 'zh-CN' });
  await old.waitForTimeout(400);
  const other = await context.newPage();
  await other.goto(server.url);
  await other.getByTestId('board').waitFor();
  const newer = await newerCopy(old);
  // What the newer build's tab writes: the copy, then the revision that tells other tabs.
  await other.evaluate((text) => {
    localStorage.setItem('waypoint.workspace.v1', text);
    localStorage.setItem('waypoint.revision', '99');
  }, newer);
  const banner = old.getByTestId('newer-copy');
  await banner.waitFor();
  assert.match(await banner.textContent(), /更新版本的 Waypoint（数据格式 9）/);
  await old.getByTestId('deal-card').first().getByTestId('move-forward').click();
  await old.waitForTimeout(800);
  assert.equal(await readKey(old, 'waypoint.workspace.v1'), newer);
  assert.deepEqual(errors, []);
  await context.close();
});
