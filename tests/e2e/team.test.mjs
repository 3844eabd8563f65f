// A team on one pipeline without a server: two colleagues' first visits share one
// roadmap, their files merge onto one board without each other's samples, a
// deletion travels with the next file, the summary names who did what, and the
// team list can be kept by hand.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serveDist, launch, openApp, readStored, card, customers, addDeal, firstSave } from './support.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });


/** Puts `name` on the team list and chooses it as "I am". */
async function iAm(page, name) {
  await page.getByTestId('open-team').click();
  await page.getByTestId('team-new-name').fill(name);
  await page.getByTestId('team-add').click();
  await page.getByTestId('team-name').filter({ hasText: name }).waitFor();
  await page.getByTestId('team-close').click();
  await page.getByTestId('filter-me').selectOption(name);
}

/** Exports the workspace and gives the file's text. */
async function exported(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const merge = (page, text) =>
  page.getByTestId('merge-file').setInputFiles({ name: 'colleague.json', mimeType: 'application/json', buffer: Buffer.from(text) });

test('two colleagues merge onto one board; a deletion travels and the summary names who made it', async () => {
  const lina = await openApp(browser, server.url, { locale: 'zh-CN' });
  const wang = await openApp(browser, server.url, { locale: 'zh-CN' });
  await iAm(lina.page, '李娜');
  await addDeal(lina.page, '李娜的客户');
  await addDeal(wang.page, '王磊的客户');
  const wangSamples = (await customers(wang.page)).length;

  await merge(wang.page, await exported(lina.page));
  const dialog = wang.page.getByTestId('merge-dialog');
  await dialog.waitFor();
  // Only Li Na's own deal joins: her six sample deals stay in her browser.
  assert.match(await dialog.getByTestId('merge-added').textContent(), /新增：1 条/);
  assert.equal(await dialog.getByTestId('merge-off-board').count(), 0);
  assert.match(await dialog.getByTestId('merge-person').first().textContent(), /李娜：新增 1 条/);
  await dialog.getByTestId('merge-confirm').click();
  await card(wang.page, '李娜的客户').waitFor();
  assert.equal((await customers(wang.page)).length, wangSamples + 1, 'on the same board, beside his own');
  await wang.page.waitForTimeout(400);
  assert.equal((await readStored(wang.page)).workspace.roadmaps.length, 1);

  // Li Na deletes her deal; the delete question says Undo brings it back.
  lina.page.once('dialog', (d) => {
    assert.match(d.message(), /撤销/);
    d.accept();
  });
  await card(lina.page, '李娜的客户').getByTestId('deal-open').click();
  await lina.page.getByTestId('delete-deal').click();
  await card(lina.page, '李娜的客户').waitFor({ state: 'detached' });

  await merge(wang.page, await exported(lina.page));
  await dialog.waitFor();
  assert.match(await dialog.getByTestId('merge-deleted').textContent(), /删除：1 条/);
  assert.match(await dialog.getByTestId('merge-person').first().textContent(), /李娜：删除 1 条/);
  await dialog.getByTestId('merge-confirm').click();
  await card(wang.page, '李娜的客户').waitFor({ state: 'detached' });
  assert.ok((await customers(wang.page)).includes('王磊的客户'));

  // Wang's older file does not bring it back to Li Na.
  await merge(lina.page, await exported(wang.page));
  await lina.page.getByTestId('merge-dialog').or(lina.page.getByTestId('notice')).first().waitFor();
  assert.ok(!(await customers(lina.page)).includes('李娜的客户'));
  await lina.context.close();
  await wang.context.close();
});

test('the team list: add someone, rename them on every deal, retire them', async () => {
  const { page, context } = await openApp(browser, server.url, { locale: 'en-US' });
  await addDeal(page, 'Harbour Co');
  await card(page, 'Harbour Co').getByTestId('deal-open').click();
  await page.getByTestId('field-owner').fill('Ana Li');
  await page.getByTestId('save-deal').click();
  await page.getByTestId('open-team').click();
  const dialog = page.getByTestId('team-dialog');
  const row = (name) => dialog.getByTestId('team-row').filter({ has: page.getByTestId('team-name').filter({ hasText: new RegExp(`^${name}$`) }) });
  await row('Ana Li').waitFor();
  await dialog.getByTestId('team-new-name').fill('Ana Li');
  await dialog.getByTestId('team-add').click();
  await page.getByTestId('notice').filter({ hasText: 'on the team already' }).waitFor();
  await row('Ana Li').getByTestId('team-rename').click();
  await dialog.getByTestId('team-rename-input').fill('Ana Li (East)');
  await dialog.getByTestId('team-rename-save').click();
  await row('Ana Li \\(East\\)').waitFor();
  await row('Ana Li \\(East\\)').getByTestId('team-retire').click();
  await row('Ana Li \\(East\\)').getByTestId('team-retired').waitFor();
  await dialog.getByTestId('team-close').click();
  assert.match(await card(page, 'Harbour Co').textContent(), /Ana Li \(East\)/, 'the new name is on the deal');
  const offered = await page.getByTestId('filter-me').locator('option').allTextContents();
  assert.ok(!offered.includes('Ana Li (East)'), `someone who left is not offered: ${offered}`);
  await page.waitForTimeout(400);
  const team = (await readStored(page)).workspace.settings.team;
  assert.deepEqual(team.map((m) => [m.name, !!m.retired]), [['Ana Li (East)', true]]);
  await context.close();
});

test('a workspace saved by the previous version opens on the template ids, and is saved in the new format after a change', async () => {
  const fixture = fs.readFileSync(new URL('../fixtures/workspace-v1-team.json', import.meta.url), 'utf8');
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'zh-CN' });
  await firstSave(page);
  await page.evaluate((text) => localStorage.setItem('waypoint.workspace.v1', text), fixture);
  await page.reload();
  await card(page, '博远教育集团股份公司').waitFor();
  assert.equal((await customers(page)).length, JSON.parse(fixture).workspace.deals.filter((d) => d.status === 'open').length);
  await card(page, '博远教育集团股份公司').getByTestId('move-back').or(card(page, '博远教育集团股份公司').getByTestId('move-forward')).first().click();
  await page.waitForTimeout(600);
  const saved = await readStored(page);
  assert.equal(saved.version, 3);
  assert.ok(saved.workspace.roadmaps.some((r) => r.id === 'tpl-project-sale'));
  assert.ok(saved.workspace.deals.every((d) => d.roadmap_id.startsWith('tpl-')));
  assert.deepEqual(errors, []);
  await context.close();
});
