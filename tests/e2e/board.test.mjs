// What a person does with the planner, in headless Chromium, on the release
// build served from a sub-path: create, drag, reload, export, import, switch language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDist, launch, openApp, readStored, waitForStored, decodeStored, ownDeals } from './support.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Stage id → customers of the cards in that column, in order. */
function boardSnapshot(page) {
  return page.evaluate(() => Object.fromEntries(
    [...document.querySelectorAll('[data-testid=stage-column]')].map((col) => [
      col.dataset.stageId,
      [...col.querySelectorAll('[data-testid=deal-card] .card-customer')].map((c) => c.textContent),
    ])));
}

const column = (page, index) => page.getByTestId('stage-column').nth(index);
const card = (page, customer) => page.getByTestId('deal-card').filter({ hasText: customer });

/** Waits until the debounced autosave has written the workspace. */
const waitForSave = waitForStored;

test('create a deal, drag it to the next stage, reload and find it there', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'en-US' });
  await page.getByTestId('new-deal').click();
  await page.getByTestId('field-customer').fill('Orchid Robotics');
  await page.getByTestId('field-title').fill('Welding cell pilot');
  await page.getByTestId('field-value').fill('45,500');
  await page.getByTestId('field-owner').fill('Jia Li');
  await page.getByTestId('save-deal').click();
  await assert.doesNotReject(card(page, 'Orchid Robotics').waitFor());
  assert.equal(await column(page, 0).getByText('Orchid Robotics').count(), 1);
  assert.match(await card(page, 'Orchid Robotics').getByTestId('deal-value').textContent(), /\$45,500/);

  await card(page, 'Orchid Robotics').dragTo(column(page, 1));
  await column(page, 1).getByText('Orchid Robotics').waitFor();
  assert.equal(await column(page, 0).getByText('Orchid Robotics').count(), 0);
  await waitForSave(page, (doc) => {
    const deal = doc.workspace.deals.find((d) => d.customer === 'Orchid Robotics');
    return deal && deal.stage_history.length === 2;
  });

  await page.reload();
  await page.getByTestId('board').waitFor();
  assert.equal(await column(page, 1).getByText('Orchid Robotics').count(), 1);
  const stored = await readStored(page);
  const deal = stored.workspace.deals.find((d) => d.customer === 'Orchid Robotics');
  const stages = stored.workspace.roadmaps[0].stages.map((s) => s.id);
  assert.deepEqual(deal.stage_history.map((e) => e.stage_id), [stages[0], stages[1]]);
  assert.equal(deal.value_minor, 4550000);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the keyboard moves a deal back and forth', async () => {
  const { page, context } = await openApp(browser, server.url, { locale: 'en-US' });
  const first = card(page, 'Eastline Precision');
  await first.getByTestId('move-forward').focus();
  await page.keyboard.press('Enter');
  await column(page, 1).getByText('Eastline Precision').waitFor();
  await card(page, 'Eastline Precision').getByRole('button', { name: 'Move back to Prospect identification' }).press('Enter');
  await column(page, 0).getByText('Eastline Precision').waitFor();
  await context.close();
});

test('an export imported into a fresh browser profile shows the same board', async () => {
  const first = await openApp(browser, server.url, { locale: 'zh-CN' });
  await ownDeals(first.page);
  await card(first.page, '海川物流').getByTestId('move-forward').click();
  await column(first.page, 3).getByText('海川物流').waitFor();
  const before = await boardSnapshot(first.page);
  const [download] = await Promise.all([first.page.waitForEvent('download'), first.page.getByTestId('export').click()]);
  assert.match(download.suggestedFilename(), /^waypoint-\d{4}-\d{2}-\d{2}\.json$/);
  const file = path.join(os.tmpdir(), `waypoint-e2e-${process.pid}.json`);
  await download.saveAs(file);
  const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(exported.format, 'waypoint');
  assert.equal(exported.version, 3);
  await first.context.close();

  const second = await openApp(browser, server.url, { locale: 'zh-CN' });
  assert.notDeepEqual(await boardSnapshot(second.page), before, 'a fresh profile starts with its own samples');
  await second.page.getByTestId('import-file').setInputFiles(file);
  await second.page.getByTestId('notice').filter({ hasText: '已导入' }).waitFor();
  assert.deepEqual(await boardSnapshot(second.page), before);
  await second.page.reload();
  await second.page.getByTestId('board').waitFor();
  assert.deepEqual(await boardSnapshot(second.page), before, 'the import was saved');
  fs.rmSync(file);
  await second.context.close();
});

test('a broken file gets a clear message and changes nothing', async () => {
  const { page, context } = await openApp(browser, server.url, { locale: 'zh-CN' });
  const before = await boardSnapshot(page);
  await readStored(page); // the first visit's own save, once the codec has loaded
  const storedBefore = await page.evaluate(() => localStorage.getItem('waypoint.workspace.v1'));
  const cases = [
    ['notes.json', 'this is not json', /不是有效的 JSON/],
    ['other.json', '{"format":"excalidraw","version":2}', /不是 Waypoint 导出的文件/],
    ['future.json', '{"format":"waypoint","version":99,"workspace":{}}', /更新版本/],
  ];
  for (const [name, text, message] of cases) {
    await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    const notice = page.getByTestId('notice');
    await notice.filter({ hasText: message }).waitFor();
    assert.match(await notice.textContent(), /当前数据没有任何改动/);
    assert.deepEqual(await boardSnapshot(page), before);
  }
  // A real export with one dangling reference is refused too, naming the deal.
  const doc = decodeStored(storedBefore);
  doc.workspace.deals[0].stage_id = 'nowhere';
  await page.getByTestId('import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await page.getByTestId('notice').filter({ hasText: `商机 ${doc.workspace.deals[0].id} 指向不存在的阶段 nowhere` }).waitFor();
  assert.deepEqual(await boardSnapshot(page), before);
  await page.waitForTimeout(400); // longer than the save debounce
  assert.equal(await page.evaluate(() => localStorage.getItem('waypoint.workspace.v1')), storedBefore);
  await context.close();
});

test('the language follows the browser, switches, and is remembered', async () => {
  const { page, context } = await openApp(browser, server.url, { locale: 'zh-CN' });
  assert.equal(await page.getByTestId('new-deal').textContent(), '+ 新建商机');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  await page.getByTestId('switch-lang').click();
  assert.equal(await page.getByTestId('new-deal').textContent(), '+ New deal');
  assert.equal(await column(page, 0).locator('.column-title').textContent(), 'Prospect identification');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.reload();
  await page.getByTestId('board').waitFor();
  assert.equal(await page.getByTestId('new-deal').textContent(), '+ New deal');
  await context.close();
});

test('a full storage shows a banner, keeps the data and still exports it', async () => {
  const { page, context } = await openApp(browser, server.url, { locale: 'en-US' });
  await ownDeals(page);
  await page.evaluate(() => {
    Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
  });
  await card(page, 'Eastline Precision').getByTestId('move-forward').click();
  const banner = page.getByTestId('save-failure');
  await banner.waitFor();
  assert.match(await banner.textContent(), /storage is full/);
  assert.equal(await column(page, 1).getByText('Eastline Precision').count(), 1, 'the change stays on the page');
  const [download] = await Promise.all([page.waitForEvent('download'), banner.getByRole('button', { name: 'Export now' }).click()]);
  const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  const deal = exported.workspace.deals.find((d) => d.customer === 'Eastline Precision');
  assert.equal(deal.stage_history.length, 2);
  await context.close();
});

test('leaving a gated stage with open milestones asks first, naming them', async () => {
  const { page, context } = await openApp(browser, server.url, { locale: 'en-US' });
  // "Dawnlight Education" sits in "Needs analysis", a gated key node, with two required milestones open.
  const questions = [];
  page.once('dialog', (d) => { questions.push(d.message()); d.dismiss(); });
  await card(page, 'Dawnlight Education').dragTo(column(page, 2));
  await page.waitForTimeout(100);
  assert.equal(await column(page, 1).getByText('Dawnlight Education').count(), 1, 'declined: the deal stays');
  assert.match(questions[0], /“Needs analysis” is a gated stage .*Confirm the budget, Map the decision process/);

  page.once('dialog', (d) => d.accept());
  await card(page, 'Dawnlight Education').dragTo(column(page, 2));
  await column(page, 2).getByText('Dawnlight Education').waitFor();
  await context.close();
});

test("sample deals stay behind: an export leaves them out, and a teammate's samples never merge in", async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'en-US' });
  await page.getByTestId('new-deal').click();
  await page.getByTestId('field-customer').fill('Real Customer');
  await page.getByTestId('field-title').fill('Pilot');
  await page.getByTestId('field-value').fill('500');
  await page.getByTestId('save-deal').click();
  await card(page, 'Real Customer').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.deepEqual(exported.workspace.deals.map((d) => d.customer), ['Real Customer']);
  // A teammate's first-visit file, samples and all: only their own deal joins.
  await waitForStored(page, (doc) => doc.workspace.deals.some((d) => d.customer === 'Real Customer'));
  const teammate = await readStored(page);
  teammate.workspace.deals = teammate.workspace.deals.map((d, i) => ({ ...d, id: `mate-${i}`, activities: [], feedback: [], customer: d.sample ? `Mate sample ${i}` : 'Mate Real' }));
  const before = await page.getByTestId('deal-card').count();
  await page.getByTestId('merge-file').setInputFiles({ name: 'mate.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(teammate)) });
  await page.getByTestId('merge-confirm').click();
  await card(page, 'Mate Real').waitFor();
  assert.equal(await page.getByTestId('deal-card').count(), before + 1);
  assert.equal(await page.getByText(/Mate sample/).count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a tab click draws its screen once: the board is not built twice over', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'en-US' });
  await page.getByTestId('tab-learn').click();
  await page.getByTestId('board').waitFor({ state: 'detached' });
  // Every column the board takes away again after showing it is work thrown away (the
  // hash written for the click once came back as a hashchange that drew the board afresh).
  await page.evaluate(() => {
    window.columnsRemoved = 0;
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.removedNodes) {
          if (node.nodeType === 1) window.columnsRemoved += node.matches('[data-testid=stage-column]') ? 1 : node.querySelectorAll('[data-testid=stage-column]').length;
        }
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  await page.getByTestId('tab-board').click();
  await page.getByTestId('deal-card').first().waitFor();
  await page.waitForFunction(() => location.hash === '#board');
  // The hashchange is handled in a task of its own: let it run.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
  assert.equal(await page.evaluate(() => window.columnsRemoved), 0);
  // A click on the tab already open draws nothing again either.
  await page.getByTestId('tab-board').click();
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
  assert.equal(await page.evaluate(() => window.columnsRemoved), 0);
  assert.equal(await page.getByTestId('stage-column').count(), 6);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the address of a visit is completed in place, and Back goes from a screen to the board, then out', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'en-US' });
  await page.waitForFunction(() => location.hash === '#board');
  const entries = await page.evaluate(() => history.length);
  await page.getByTestId('tab-analytics').click();
  await page.waitForFunction(() => location.hash === '#analytics');
  assert.equal(await page.evaluate(() => history.length), entries + 1);
  await page.goBack();
  await page.getByTestId('board').waitFor();
  assert.equal(await page.getByTestId('tab-board').getAttribute('aria-current'), 'page');
  // '#board' had no history entry of its own: one more Back leaves the app instead of
  // showing the same board again at the address without it.
  await page.goBack();
  assert.ok(!page.url().startsWith(server.url), `left the app, at ${page.url()}`);
  assert.deepEqual(errors, []);
  await context.close();
});
