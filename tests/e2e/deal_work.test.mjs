// Working a deal as a seller does: feedback after a milestone, a milestone done,
// an activity logged, the deal lost with a reason; then the board's filters,
// a reload, and reopening.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serveDist, launch, openApp, readStored, ownDeals } from './support.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const storedDeal = async (page, customer) => (await readStored(page)).workspace.deals.find((d) => d.customer === customer);
const cards = (page) => page.getByTestId('deal-card').locator('.card-customer').allTextContents();

test('feedback, a milestone, an activity and a loss are all kept after a reload', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'zh-CN' });
  await ownDeals(page);
  await page.getByTestId('deal-card').filter({ hasText: '启明教育集团' }).getByTestId('deal-open').click();
  const dialog = page.getByTestId('deal-dialog');

  await dialog.getByTestId('feedback-milestone').selectOption({ label: '记录客户需求' });
  await dialog.getByTestId('score-4').click();
  await dialog.getByTestId('feedback-comment').fill('希望先在两个校区试点');
  await dialog.getByTestId('add-feedback').click();
  await dialog.getByTestId('feedback-entry').filter({ hasText: '希望先在两个校区试点' }).waitFor();

  await dialog.getByTestId('plan-row').filter({ hasText: '确认预算' }).getByTestId('plan-done').check();
  await dialog.getByTestId('activity-kind').selectOption({ label: '演示' });
  await dialog.getByTestId('activity-notes').fill('为教务处演示排课功能');
  await dialog.getByTestId('add-activity').click();
  await dialog.getByTestId('activity-entry').filter({ hasText: '为教务处演示排课功能' }).waitFor();

  await dialog.getByTestId('mark-lost').click();
  await dialog.getByTestId('confirm-lost').click();
  await page.getByTestId('notice').filter({ hasText: '丢单时请选择原因' }).waitFor();
  await dialog.getByTestId('lost-reason').selectOption({ label: '输给竞争对手' });
  await dialog.getByTestId('lost-note').fill('对方报价低 15%');
  await dialog.getByTestId('confirm-lost').click();
  assert.equal(await dialog.getByTestId('deal-status').textContent(), '丢单（输给竞争对手）');
  await dialog.getByTestId('cancel-deal').click();
  assert.ok(!(await cards(page)).includes('启明教育集团'), 'a lost deal leaves the open board');

  await page.waitForTimeout(400);
  await page.reload();
  await page.getByTestId('board').waitFor();
  const deal = await storedDeal(page, '启明教育集团');
  assert.equal(deal.status, 'lost');
  assert.equal(deal.lost_reason, 'lost-competitor');
  assert.equal(deal.close_note, '对方报价低 15%');
  assert.equal(deal.feedback[0].satisfaction, 4);
  assert.equal(deal.activities[0].kind, 'demo');
  assert.equal(deal.activities[0].notes, '为教务处演示排课功能');

  // The exported files hold all of it too.
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  const exported = JSON.parse(fs.readFileSync(await json.path(), 'utf8')).workspace.deals.find((d) => d.customer === '启明教育集团');
  assert.equal(exported.lost_reason, 'lost-competitor');
  assert.equal(exported.feedback[0].comment, '希望先在两个校区试点');
  assert.equal(exported.activities[0].notes, '为教务处演示排课功能');
  const [dealsCsv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').selectOption('deals')]);
  assert.match(fs.readFileSync(await dealsCsv.path(), 'utf8'), /启明教育集团,智慧教室试点,180000,CNY,李娜,项目销售里程碑,需求分析,丢单,输给竞争对手,对方报价低 15%/);
  const [planCsv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').selectOption('milestones')]);
  assert.match(fs.readFileSync(await planCsv.path(), 'utf8'), /启明教育集团,智慧教室试点,需求分析,确认预算,必需,[\d-]+,[\d-]+,已完成/);

  await page.getByTestId('filter-status').selectOption('lost');
  // With the samples' own losses (恒信建材, 明德职业学院).
  assert.deepEqual((await cards(page)).sort(), ['启明教育集团', '恒信建材', '明德职业学院'].sort());
  await page.getByTestId('deal-card').filter({ hasText: '启明教育集团' }).getByTestId('deal-open').click();
  assert.equal(await page.getByTestId('plan-row').filter({ hasText: '确认预算' }).getByTestId('plan-state').textContent(), '已完成');
  assert.match(await page.getByTestId('feedback-entry').textContent(), /★★★★☆.*记录客户需求.*希望先在两个校区试点/);
  await page.getByTestId('reopen-deal').click();
  await page.getByTestId('cancel-deal').click();
  await page.getByTestId('filter-status').selectOption('open');
  assert.ok((await cards(page)).includes('启明教育集团'), 'reopened, it is back on the board');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the board filters by text, owner and segment, and clears', async () => {
  const { page, context } = await openApp(browser, server.url, { locale: 'en-US' });
  const all = await cards(page);
  assert.equal(all.length, 6);
  await page.getByTestId('filter-text').fill('logistics');
  assert.deepEqual(await cards(page), ['Harbor River Logistics']);
  await page.getByTestId('filter-text').fill('');
  await page.getByTestId('filter-owner').selectOption('Li Na');
  assert.deepEqual(await cards(page), ['Dawnlight Education', 'Polaris Energy']);
  await page.getByTestId('filter-segment').selectOption('Manufacturing');
  assert.deepEqual(await cards(page), ['Polaris Energy']);
  await page.getByTestId('filter-clear').click();
  assert.equal((await cards(page)).length, 6);
  // Segments typed in the form become filter choices.
  await page.getByTestId('deal-card').filter({ hasText: 'Sailcloud Retail' }).getByTestId('deal-open').click();
  await page.getByTestId('field-tags').fill('Retail, Key account');
  await page.getByTestId('save-deal').click();
  await page.getByTestId('filter-segment').selectOption('Key account');
  assert.deepEqual(await cards(page), ['Sailcloud Retail']);
  await context.close();
});

test('the agenda lists what is due, opens its deal, and follows the owner choice', async () => {
  const { page, context } = await openApp(browser, server.url, { locale: 'en-US' });
  await page.getByTestId('tab-agenda').click();
  const items = page.getByTestId('agenda-item');
  await items.first().waitFor();
  const all = await items.count();
  assert.ok(all > 0);
  await page.getByTestId('agenda-owner').selectOption('Zhang Wei');
  const sams = await items.allTextContents();
  assert.ok(sams.length > 0 && sams.length < all && sams.every((t) => t.includes('Zhang Wei')));
  const first = await items.first().getByTestId('agenda-open').textContent();
  await items.first().getByTestId('agenda-open').click();
  const dialog = page.getByTestId('deal-dialog');
  await dialog.waitFor();
  assert.equal(await dialog.getByTestId('field-owner').inputValue(), 'Zhang Wei');
  assert.equal(await dialog.getByTestId('plan-row').filter({ hasText: first }).count(), 1);
  await context.close();
});

test('deals and milestones export as CSV that Excel reads as UTF-8', async () => {
  const { page, context } = await openApp(browser, server.url, { locale: 'zh-CN' });
  for (const [choice, heading, row] of [['deals', '编号,客户名称,商机名称', '华东精密机械'], ['milestones', '编号,客户名称,商机名称,所处阶段,里程碑名称', '整理客户基本信息和联系人']]) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').selectOption(choice)]);
    assert.match(download.suggestedFilename(), new RegExp(`^waypoint-${choice}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const bytes = fs.readFileSync(await download.path());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
    const text = bytes.toString('utf8').slice(1);
    assert.ok(text.startsWith(heading), text.slice(0, 80));
    assert.ok(text.includes(row));
  }
  await context.close();
});

test('"my deals" and the card fields are remembered in this browser', async () => {
  const { page, context } = await openApp(browser, server.url, { locale: 'en-US' });
  await page.getByTestId('filter-me').selectOption('Wang Lei');
  await page.getByTestId('my-deals').click();
  assert.deepEqual(await cards(page), ['Eastline Precision', 'Harbor River Logistics']);
  await page.getByTestId('card-fields').click();
  await page.getByTestId('show-value').uncheck();
  assert.equal(await page.getByTestId('deal-value').first().isVisible(), false);
  await page.reload();
  await page.getByTestId('board').waitFor();
  assert.equal(await page.getByTestId('filter-me').inputValue(), 'Wang Lei');
  assert.equal(await page.getByTestId('deal-value').first().isVisible(), false, 'still hidden after a reload');
  await page.getByTestId('my-deals').click();
  assert.equal((await cards(page)).length, 2);
  await context.close();
});

test('a new lost reason can be added and used', async () => {
  const { page, context } = await openApp(browser, server.url, { locale: 'en-US' });
  await page.getByTestId('deal-card').filter({ hasText: 'Polaris Energy' }).getByTestId('deal-open').click();
  const dialog = page.getByTestId('deal-dialog');
  await dialog.getByTestId('mark-lost').click();
  await dialog.getByTestId('edit-reasons').click();
  await dialog.getByTestId('new-reason').fill('Project cancelled');
  await dialog.getByTestId('add-reason').click();
  await dialog.getByTestId('reason-entry').filter({ hasText: 'Project cancelled' }).waitFor();
  await dialog.getByTestId('lost-reason').selectOption({ label: 'Project cancelled' });
  await dialog.getByTestId('confirm-lost').click();
  assert.equal(await dialog.getByTestId('deal-status').textContent(), 'Lost (Project cancelled)');
  // Reopened, the same deal can be won instead (the core tests that a used reason cannot be removed).
  await dialog.getByTestId('reopen-deal').click();
  await dialog.getByTestId('mark-won').click();
  assert.equal(await dialog.getByTestId('deal-status').textContent(), 'Won');
  await context.close();
});
