// Sharing without a server: a scenario handed to a room by link and QR code, a
// workspace packed into a link, bad links refused, and a teammate's file merged.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp, readStored, STORE_KEY, ownDeals } from './support.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const customers = (page) => page.getByTestId('deal-card').locator('.card-customer').allTextContents();
/** Chooses a file in the Merge JSON picker. */
const mergeFile = (page, name, text) => page.getByTestId('merge-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
const storedText = (page) => page.evaluate((k) => localStorage.getItem(k), STORE_KEY);

test('a facilitator shares a scenario by link and QR; a fresh browser opens it in a sandbox', async () => {
  const facilitator = await openApp(browser, server.url, { locale: 'zh-CN' });
  const { page } = facilitator;
  await facilitator.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByTestId('practice').selectOption('saas-launch');
  await page.getByTestId('sandbox-banner').waitFor();
  await page.getByTestId('share').click();
  const link = await page.getByTestId('share-link').inputValue();
  assert.match(link, /\/team\/waypoint\/#scenario=saas-launch$/);
  assert.ok(await page.getByTestId('share-qr').isVisible());
  await page.getByTestId('share-copy').click();
  await page.getByTestId('notice').filter({ hasText: '链接已复制' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  // Large in presentation mode, for the room.
  await page.getByTestId('share-present').click();
  const qr = page.getByTestId('presentation-qr-code');
  await qr.waitFor();
  const box = await qr.boundingBox();
  assert.ok(box.width >= 400, `QR code ${box.width}px wide`);
  await page.keyboard.press('q');
  await qr.waitFor({ state: 'detached' });
  await page.keyboard.press('Escape');
  await facilitator.context.close();

  // A participant: a fresh profile with no data of its own.
  const context = await browser.newContext({ locale: 'en-US' });
  const participant = await context.newPage();
  const errors = [];
  participant.on('pageerror', (e) => errors.push(e));
  await participant.goto(link);
  const banner = participant.getByTestId('sandbox-banner');
  await banner.waitFor();
  assert.match(await banner.textContent(), /DataLink/);
  assert.ok((await customers(participant)).length > 0);
  assert.equal(new URL(participant.url()).hash, '#board', 'the link leaves the address bar');
  await participant.waitForTimeout(400);
  const stored = await storedText(participant);
  assert.ok(stored === null || !JSON.stringify((await readStored(participant)).workspace).includes('DataLink'),
    'the scenario is not saved as the participant\'s own data');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an own workspace travels packed in a link, and arrives exactly', async () => {
  const { page, context } = await openApp(browser, server.url, { locale: 'en-US' });
  await page.getByTestId('new-deal').click();
  await page.getByTestId('field-customer').fill('Linked Co');
  await page.getByTestId('field-title').fill('Shared by link');
  await page.getByTestId('field-value').fill('7,700');
  await page.getByTestId('save-deal').click();
  await page.getByText('Linked Co').waitFor();
  // The first visit's sample deals stay behind: only the person's own deal travels.
  const sent = ['Linked Co'];
  await page.getByTestId('share').click();
  const link = await page.getByTestId('share-link').inputValue();
  assert.match(link, /#share=[A-Za-z0-9_-]+$/);
  await context.close();

  const fresh = await browser.newContext({ locale: 'en-US' });
  const other = await fresh.newPage();
  await other.goto(link);
  await other.getByTestId('sandbox-banner').waitFor();
  assert.deepEqual((await customers(other)).sort(), sent.sort());
  // Leaving the sandbox shows the receiver's own workspace, which never had Linked Co.
  await other.getByTestId('leave-sandbox').click();
  await other.getByTestId('sandbox-banner').waitFor({ state: 'detached' });
  assert.ok(!(await customers(other)).includes('Linked Co'));
  // Opened again, it can be merged into the receiver's own data after the summary.
  await other.goto(link);
  await other.getByTestId('merge-shared').click();
  // Until the merge is confirmed, the shared workspace stays open, and the dialog says where the merge goes.
  assert.equal(await other.getByTestId('sandbox-banner').count(), 1);
  assert.match(await other.getByTestId('merge-leaves-sandbox').textContent(), /your own data/);
  assert.match(await other.getByTestId('merge-added').textContent(), /Added: [1-9]/);
  // Both first visits built the same template roadmap, with the same ids: the deal lands on this board.
  assert.equal(await other.getByTestId('merge-off-board').count(), 0);
  await other.getByTestId('merge-confirm').click();
  await other.getByTestId('notice').filter({ hasText: 'Merged:' }).waitFor();
  assert.equal(await other.getByTestId('sandbox-banner').count(), 0);
  assert.ok((await customers(other)).includes('Linked Co'), 'on the board the receiver sees');
  await other.waitForTimeout(400);
  const merged = (await readStored(other)).workspace;
  assert.ok(merged.deals.some((d) => d.customer === 'Linked Co'), 'merged data is saved');
  assert.equal(merged.roadmaps.length, 1, 'one roadmap, not a look-alike second one');
  await fresh.close();
});

test('a damaged link is refused with its reason and nothing is touched', async () => {
  const { page, context } = await openApp(browser, server.url, { locale: 'en-US' });
  await readStored(page); // the first visit's own save, once the codec has loaded
  const before = await storedText(page);
  const cards = await customers(page);
  await page.goto(`${server.url}#share=eJzLSM3JyVcozy_KSQEAGgQEXQ-cut-off`);
  await page.getByTestId('board').waitFor();
  const notice = page.getByTestId('notice');
  await notice.waitFor();
  assert.match(await notice.textContent(), /could not be opened: the link is incomplete or altered, .*\. Your own data is unchanged\./);
  assert.equal(await page.getByTestId('sandbox-banner').count(), 0);
  assert.deepEqual(await customers(page), cards);
  // The same in an open page: a link pasted into the address bar.
  await page.evaluate(() => { location.hash = '#scenario=no-such-scenario'; });
  await notice.filter({ hasText: 'no-such-scenario' }).waitFor();
  await page.waitForTimeout(400);
  assert.equal(await storedText(page), before);
  await context.close();
});

test('a workspace too large for a link says so and offers the file', async () => {
  const { page, context } = await openApp(browser, server.url, { locale: 'zh-CN' });
  const doc = await readStored(page);
  const template = doc.workspace.deals[0];
  doc.workspace.deals = Array.from({ length: 600 }, (_, i) => ({ ...template, sample: false, id: `big-${i}`, customer: `客户 ${i} ${Math.random().toString(36).slice(2)}`, title: `商机 ${i}` }));
  await page.getByTestId('import-file').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await page.getByTestId('notice').filter({ hasText: '600' }).waitFor();
  await page.getByTestId('share').click();
  const message = page.getByTestId('share-too-large');
  await message.waitFor();
  assert.match(await message.textContent(), /太大.*导出 JSON/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('share-export').click()]);
  assert.match(download.suggestedFilename(), /\.json$/);
  await context.close();
});

test('a teammate\'s file merges with a summary, keeps both sides, and one undo takes it back', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'en-US' });
  await ownDeals(page);
  await page.waitForTimeout(400);
  const mine = await readStored(page);
  // The teammate: the same deals, one moved later than ours, plus a deal of their own.
  const theirs = structuredClone(mine);
  const moved = theirs.workspace.deals[0];
  const stages = theirs.workspace.roadmaps[0].stages;
  moved.stage_id = stages[2].id;
  moved.stage_history.push({ stage_id: stages[2].id, entered_at: moved.updated_at + 1000 });
  moved.updated_at += 1000;
  theirs.workspace.deals.push({ ...structuredClone(theirs.workspace.deals[1]), id: 'teammate-1', customer: 'Teammate Corp', activities: [], feedback: [] });
  // Our own change, made after the teammate exported: a new deal.
  await page.getByTestId('new-deal').click();
  await page.getByTestId('field-customer').fill('Ours Only');
  await page.getByTestId('field-title').fill('Kept');
  await page.getByTestId('field-value').fill('100');
  await page.getByTestId('save-deal').click();
  await page.getByText('Ours Only').waitFor();
  const beforeMerge = (await customers(page)).sort();

  await mergeFile(page, 'teammate.json', JSON.stringify(theirs));
  const dialog = page.getByTestId('merge-dialog');
  await dialog.waitFor();
  assert.match(await dialog.textContent(), /Merge “teammate\.json”/);
  assert.match(await page.getByTestId('merge-added').textContent(), /Added: 1$/);
  assert.match(await page.getByTestId('merge-updated').textContent(), /Updated, newer in the file: 1$/);
  // Cancel changes nothing.
  await page.getByTestId('merge-cancel').click();
  assert.deepEqual((await customers(page)).sort(), beforeMerge);

  await mergeFile(page, 'teammate.json', JSON.stringify(theirs));
  await page.getByTestId('merge-confirm').click();
  await page.getByTestId('notice').filter({ hasText: 'Merged: 1 added, 1 updated' }).waitFor();
  const after = await customers(page);
  assert.ok(after.includes('Teammate Corp') && after.includes('Ours Only'));
  await page.getByTestId('stage-column').nth(2).getByText(moved.customer).waitFor();

  // Merging the same file again: nothing new.
  await mergeFile(page, 'teammate.json', JSON.stringify(theirs));
  await page.getByTestId('notice').filter({ hasText: 'has nothing new' }).waitFor();

  await page.getByTestId('undo').click();
  assert.deepEqual((await customers(page)).sort(), beforeMerge);
  // A bad file is refused like an import.
  await mergeFile(page, 'bad.json', '{"not":"waypoint"}');
  await page.getByTestId('notice').filter({ hasText: 'not a file exported by Waypoint' }).waitFor();
  assert.equal(await page.getByTestId('merge-dialog').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
