// The team file: a file in a folder the team syncs, linked through the File System
// Access API. The folder here is the origin-private file system, whose handles are
// the same API; the pickers are pointed at it, as a person would choose the file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, readStored, card, customers, addDeal } from './support.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });


/** A browser whose file pickers choose `team.json` in the origin-private folder (or that has none). */
async function openWithFolder({ locale = 'zh-CN', pickers = true, askAfterRestart = false } = {}) {
  const context = await browser.newContext({ locale, viewport: { width: 1440, height: 900 } });
  await context.addInitScript(({ pickers, askAfterRestart }) => {
    if (askAfterRestart) {
      // As on a real disk after a browser restart: permission must be given again, with a click.
      FileSystemHandle.prototype.queryPermission = async () => (window.__allowed ? 'granted' : 'prompt');
      FileSystemHandle.prototype.requestPermission = async () => { window.__allowed = true; return 'granted'; };
    }
    if (!pickers) {
      delete window.showOpenFilePicker;
      delete window.showSaveFilePicker;
      return;
    }
    const file = async () => (await navigator.storage.getDirectory()).getFileHandle('team.json', { create: true });
    window.showOpenFilePicker = async () => [await file()];
    window.showSaveFilePicker = file;
  }, { pickers, askAfterRestart });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(server.url);
  await page.getByTestId('board').waitFor();
  return { context, page, errors };
}

/** The team file's text. Read while the app is writing it, the browser refuses with a
 *  NotReadableError (a person's sync client would wait too): read again shortly after. */
const readFile = (page) => page.evaluate(async () => {
  for (let tries = 0; ; tries++) {
    try {
      const handle = await (await navigator.storage.getDirectory()).getFileHandle('team.json');
      return await (await handle.getFile()).text();
    } catch (error) {
      if (error.name !== 'NotReadableError' || tries >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
});
const writeFile = (page, text) => page.evaluate(async (text) => {
  const handle = await (await navigator.storage.getDirectory()).getFileHandle('team.json', { create: true });
  const writable = await handle.createWritable();
  await writable.write(text);
  await writable.close();
}, text);
/** The page comes back into view: what a person does after working elsewhere. */
const refocus = (page) => page.evaluate(() => window.dispatchEvent(new Event('focus')));

test('a linked team file takes this copy, brings a teammate\'s changes in, and stays linked after a reload', async () => {
  const { context, page, errors } = await openWithFolder();
  await addDeal(page, '本地客户');
  await page.getByTestId('open-team').click();
  await page.getByTestId('team-file-create').click();
  await page.getByTestId('team-file-status').filter({ hasText: '已同步' }).waitFor();
  await page.getByTestId('team-close').click();
  // The file holds this copy, without the first visit's sample deals.
  const written = JSON.parse(await readFile(page));
  assert.deepEqual(written.workspace.deals.map((d) => d.customer), ['本地客户']);

  // A teammate's planner writes to the same file: a deal of Li Na's.
  const mate = structuredClone(written);
  const theirs = { ...mate.workspace.deals[0], id: 'mate-1', customer: '同事的客户', title: '同事的项目', updated_by: '李娜', created_at: Date.now(), updated_at: Date.now() };
  mate.workspace.deals.push(theirs);
  mate.workspace.origin = 'mate';
  await writeFile(page, JSON.stringify(mate));
  await refocus(page);
  await card(page, '同事的客户').waitFor();
  assert.match(await page.getByTestId('team-file-chip').textContent(), /李娜 的 1 处修改/);

  // Ours goes out after a change, once the edits settle.
  await addDeal(page, '第二个客户');
  for (let tries = 0; !(await readFile(page)).includes('第二个客户'); tries++) {
    assert.ok(tries < 50, 'written within ten seconds');
    await page.waitForTimeout(200);
  }
  const both = JSON.parse(await readFile(page)).workspace.deals.map((d) => d.customer).sort();
  assert.deepEqual(both, ['同事的客户', '本地客户', '第二个客户'].sort());

  // After a reload the link is still there, and syncs without asking again.
  await page.reload();
  await page.getByTestId('team-file-chip').filter({ hasText: '已同步' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a damaged or missing team file changes nothing, says so, and can be chosen again', async () => {
  const { context, page } = await openWithFolder({ locale: 'en-US' });
  await addDeal(page, 'Kept Co');
  await page.getByTestId('open-team').click();
  await page.getByTestId('team-file-create').click();
  await page.getByTestId('team-file-status').filter({ hasText: 'Synced' }).waitFor();
  await page.getByTestId('team-close').click();
  await page.waitForTimeout(400);
  const before = (await readStored(page)).workspace.deals.length;

  await writeFile(page, '{"format":"waypoint","version":2,"workspace":{"deals":[');
  await refocus(page);
  const chip = page.getByTestId('team-file-chip');
  await chip.filter({ hasText: 'cannot be read' }).waitFor();
  assert.match(await chip.textContent(), /Nothing here was changed/);
  assert.ok((await customers(page)).includes('Kept Co'));
  assert.equal((await readStored(page)).workspace.deals.length, before);
  assert.match(await readFile(page), /"deals":\[$/, 'the damaged file is left for a person to look at');

  // The file is deleted: a clear message, and choosing it again links a new one.
  await page.evaluate(async () => (await navigator.storage.getDirectory()).removeEntry('team.json'));
  await refocus(page);
  await chip.filter({ hasText: 'is gone' }).waitFor();
  await chip.click();
  await page.getByTestId('team-file-open').click();
  await page.getByTestId('team-file-status').filter({ hasText: 'Synced' }).waitFor();
  assert.match(await readFile(page), /Kept Co/);
  await context.close();
});

test('a browser without file access keeps Export and Merge, and is told why', async () => {
  const { context, page } = await openWithFolder({ locale: 'en-US', pickers: false });
  await page.getByTestId('open-team').click();
  assert.match(await page.getByTestId('team-file-status').textContent(), /cannot link to a file.*Export JSON.*Merge JSON/);
  assert.equal(await page.getByTestId('team-file-open').count(), 0);
  assert.equal(await page.getByTestId('team-file-chip').count(), 0);
  await context.close();
});

test('after a restart the browser asks again, and one click lets the sync go on', async () => {
  const { context, page } = await openWithFolder({ locale: 'en-US', askAfterRestart: true });
  await addDeal(page, 'Restart Co');
  await page.getByTestId('open-team').click();
  await page.getByTestId('team-file-create').click();
  await page.getByTestId('team-file-status').filter({ hasText: 'Synced' }).waitFor();
  await page.reload();
  const chip = page.getByTestId('team-file-chip');
  await chip.filter({ hasText: 'permission again' }).waitFor();
  await chip.click();
  await page.getByTestId('team-file-grant').click();
  await page.getByTestId('team-file-status').filter({ hasText: 'Synced' }).waitFor();
  await context.close();
});
