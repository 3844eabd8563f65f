// A deal's milestone plan: tick one off, re-date one from the keyboard, drag a
// marker on the timeline, and find all of it after a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serveDist, launch, openApp, readStored } from './support.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const DAY = 24 * 60 * 60 * 1000;
const deal = async (page, customer) => (await readStored(page)).workspace.deals.find((d) => d.customer === customer);

async function openDeal(page, customer) {
  await page.getByTestId('deal-card').filter({ hasText: customer }).getByTestId('deal-open').click();
  await page.getByTestId('deal-timeline').waitFor();
  await page.waitForTimeout(150);
}

test('the milestone plan is ticked, re-dated and dragged, and a reload keeps it', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'en-US' });
  await openDeal(page, 'Harbor River Logistics');
  const rows = page.getByTestId('plan-row');
  // "Solution design" is current: its second milestone, "Pass the internal review", is open.
  const review = rows.filter({ hasText: 'Pass the internal review' });
  assert.equal(await review.getByTestId('plan-state').textContent(), 'Open');
  await review.getByTestId('plan-done').check();
  await rows.filter({ hasText: 'Pass the internal review' }).getByTestId('plan-state').filter({ hasText: 'Done' }).waitFor();

  const proposal = rows.filter({ hasText: 'Submit the proposal' });
  // Three days later than planned (a date inside the plan keeps the axis scale fine enough to drag on).
  const moved = new Date(Date.parse(await proposal.getByTestId('plan-due').inputValue()) + 3 * DAY).toISOString().slice(0, 10);
  await proposal.getByTestId('plan-due').fill(moved);
  await proposal.getByTestId('plan-due').dispatchEvent('change');
  await rows.filter({ hasText: 'Submit the proposal' }).getByText('Rescheduled').waitFor();

  // Drag "Walk the customer through it and record their views" (row index from the list) five days later on the canvas.
  const canvas = page.getByTestId('deal-timeline');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  const first = Date.parse(await canvas.getAttribute('data-first-day'));
  const days = Number(await canvas.getAttribute('data-days'));
  const names = await rows.locator('.plan-title span').allTextContents();
  const row = names.indexOf('Walk the customer through it and record their views');
  const due = Date.parse(await rows.nth(row).getByTestId('plan-due').inputValue());
  const x = (date) => box.x + 232 + (box.width - 244) * ((date - first) / DAY) / days;
  const y = box.y + 58 + 28 * (row + 0.5);
  await page.mouse.move(x(due), y);
  await page.mouse.down();
  await page.mouse.move(x(due + 5 * DAY), y, { steps: 5 });
  await page.mouse.up();
  const expected = new Date(due + 5 * DAY).toISOString().slice(0, 10);
  await page.waitForTimeout(100);
  assert.equal(await rows.nth(row).getByTestId('plan-due').inputValue(), expected);

  await page.waitForTimeout(400);
  await page.reload();
  await page.getByTestId('board').waitFor();
  const saved = await deal(page, 'Harbor River Logistics');
  const byTitle = Object.fromEntries(saved.milestones.map((p) => [p.milestone_id, p]));
  const stored = (await readStored(page)).workspace.roadmaps[0].stages;
  const id = (title) => stored.flatMap((s) => s.milestones).find((m) => m.title.en === title).id;
  assert.ok(byTitle[id('Pass the internal review')].done_at > 0);
  assert.equal(byTitle[id('Submit the proposal')].due, moved);
  assert.equal(byTitle[id('Walk the customer through it and record their views')].due, expected);
  await openDeal(page, 'Harbor River Logistics');
  assert.equal(await page.getByTestId('plan-row').filter({ hasText: 'Pass the internal review' }).getByTestId('plan-state').textContent(), 'Done');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an overdue milestone flags its card on the board', async () => {
  const { page, context } = await openApp(browser, server.url, { locale: 'zh-CN' });
  // Sample 云帆零售 has been in its last stage for a week: its later milestone is due after today,
  // its first is done; pull the open one into the past and the card shows it.
  await openDeal(page, '云帆零售');
  const open = page.getByTestId('plan-row').filter({ has: page.getByTestId('plan-state').filter({ hasText: /待完成|已逾期/ }) }).last();
  await open.getByTestId('plan-due').fill('2020-01-01');
  await open.getByTestId('plan-due').dispatchEvent('change');
  await page.getByTestId('cancel-deal').click();
  const card = page.getByTestId('deal-card').filter({ hasText: '云帆零售' });
  await card.getByTestId('card-overdue').waitFor();
  // Due in 2020: far more than a week late, so the plan is stalled, not just at risk.
  assert.match(await card.getByTestId('card-overdue').textContent(), /^⛔ 停滞：1 个里程碑逾期，最久 \d+ 天$/);
  assert.ok(await card.evaluate((e) => e.classList.contains('card-stalled-plan')));
  // The seller's view of the deal says so too.
  await openDeal(page, '云帆零售');
  assert.match(await page.getByTestId('plan-health').textContent(), /^⛔ 停滞：1 个里程碑逾期/);
  await context.close();
});

test('a deal\'s plan and an owner\'s milestones download as calendar files with Chinese intact', async () => {
  const { page, context } = await openApp(browser, server.url, { locale: 'zh-CN' });
  await openDeal(page, '北辰新能源');
  const [deal] = await Promise.all([page.waitForEvent('download'), page.getByTestId('deal-ics').click()]);
  assert.equal(deal.suggestedFilename(), 'waypoint-北辰新能源.ics');
  const text = fs.readFileSync(await deal.path(), 'utf8');
  assert.match(text, /^BEGIN:VCALENDAR\r\n/);
  assert.match(text, /SUMMARY:北辰新能源 · /);
  assert.match(text, /BEGIN:VALARM\r\nACTION:DISPLAY/);
  await page.getByTestId('cancel-deal').click();
  await page.getByTestId('tab-agenda').click();
  await page.getByTestId('agenda-owner').selectOption('王磊');
  const [mine] = await Promise.all([page.waitForEvent('download'), page.getByTestId('agenda-ics').click()]);
  assert.equal(mine.suggestedFilename(), 'waypoint-王磊.ics');
  assert.match(fs.readFileSync(await mine.path(), 'utf8'), /X-WR-CALNAME:王磊 的里程碑/);
  await context.close();
});
