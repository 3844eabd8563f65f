// A known pipeline built through the UI, then read back from the analytics screen:
// three deals, one won after two moves (one past a gate), one lost, one left open.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp, readStored } from './support.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function createDeal(page, customer, value) {
  await page.getByTestId('new-deal').click();
  await page.getByTestId('field-customer').fill(customer);
  await page.getByTestId('field-title').fill(`${customer} rollout`);
  await page.getByTestId('field-value').fill(value);
  await page.getByTestId('field-owner').fill('Kim');
  await page.getByTestId('save-deal').click();
  await page.getByTestId('deal-card').filter({ hasText: customer }).waitFor();
}

const card = (page, customer) => page.getByTestId('deal-card').filter({ hasText: customer });

test('the funnel and KPIs of a pipeline built by hand', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'en-US' });
  page.on('dialog', (d) => d.accept());
  await page.getByTestId('remove-samples').click();
  await page.getByTestId('notice').filter({ hasText: 'Sample deals removed' }).waitFor();
  await createDeal(page, 'Alpha', '1000');
  await createDeal(page, 'Beta', '2000');
  await createDeal(page, 'Gamma', '3000');
  // Beta: s0 → s1 → s2 ("Needs analysis" is gated: the question is accepted), then won.
  await card(page, 'Beta').getByTestId('move-forward').click();
  await page.getByTestId('stage-column').nth(1).getByText('Beta', { exact: true }).waitFor();
  await card(page, 'Beta').getByTestId('move-forward').click();
  await page.getByTestId('stage-column').nth(2).getByText('Beta', { exact: true }).waitFor();
  await card(page, 'Beta').getByTestId('deal-open').click();
  await page.getByTestId('mark-won').click();
  await page.getByTestId('cancel-deal').click();
  // Gamma: s0 → s1, then lost on price.
  await card(page, 'Gamma').getByTestId('move-forward').click();
  await page.getByTestId('stage-column').nth(1).getByText('Gamma', { exact: true }).waitFor();
  await card(page, 'Gamma').getByTestId('deal-open').click();
  await page.getByTestId('mark-lost').click();
  await page.getByTestId('lost-reason').selectOption({ label: 'Price' });
  await page.getByTestId('confirm-lost').click();
  await page.getByTestId('cancel-deal').click();

  await page.getByTestId('tab-analytics').click();
  await page.getByTestId('analytics-period').selectOption('all');
  // Reached: s0 all 3 ($6,000), s1 Beta and Gamma ($5,000), s2 Beta ($2,000), none further.
  const funnel = await page.getByTestId('funnel-canvas').getAttribute('aria-label');
  assert.match(funnel, /^Prospect identification: 3 · \$6,000 · 100%; Needs analysis: 2 · \$5,000 · 66\.7%; Solution design: 1 · \$2,000 · 50%; Proposal submission: 0 · \$0 · 0%/);
  // Kept: 2/3, 1/2, then 0/1 after "Solution design": the biggest drop.
  assert.equal(await page.getByTestId('funnel-sentence').textContent(), 'Biggest drop-off: only 0% of deals went on after “Solution design”.');
  const kpi = async (id) => (await page.getByTestId(id).locator('.kpi-value').textContent()).trim();
  assert.equal(await kpi('kpi-win-rate'), '50%', '1 won ÷ (1 won + 1 lost)');
  assert.equal(await kpi('kpi-avg-deal'), '$2,000');
  assert.equal(await kpi('kpi-cycle'), '0 days', 'won the day it was created');
  assert.equal(await kpi('kpi-overdue'), '0');
  const outcomes = await page.getByTestId('outcomes-canvas').getAttribute('aria-label');
  assert.equal(outcomes, 'Won: 1; Lost: 1; · Price: 1');
  const owner = await page.getByTestId('owner-row').textContent();
  assert.equal(owner, 'Kim3$2,00050%0 days0');

  // A SMART goal, and one that is not. Nothing was won before the goal's period, so
  // whether it is achievable is the person's call (A?), as relevance always is (R?).
  await page.getByTestId('goal-target').fill('10000');
  await page.getByTestId('goal-end').fill('2099-12-31');
  await page.getByTestId('goal-owner').fill('Kim');
  await page.getByTestId('add-goal').click();
  await page.getByTestId('goal-row').first().waitFor();
  assert.equal(await page.getByTestId('goal-smart').first().textContent(), 'SMART: S✓ M✓ A? R? T✓');
  assert.match(await page.getByTestId('goal-progress').first().textContent(), /^Actual \$2,000 of \$10K/);
  await page.getByTestId('goal-target').fill('lots');
  await page.getByTestId('add-goal').click();
  await page.getByTestId('notice').filter({ hasText: 'Enter a number' }).waitFor();
  await page.getByTestId('goal-target').fill('');
  await page.getByTestId('goal-end').fill('');
  await page.getByTestId('goal-owner').fill('');
  await page.getByTestId('add-goal').click();
  await page.getByTestId('goal-row').nth(1).waitFor();
  assert.equal(await page.getByTestId('goal-smart').nth(1).textContent(), 'SMART: S✗ M✗ A✗ R? T✗');
  const notes = await page.getByTestId('goal-row').nth(1).getByTestId('goal-notes').locator('li').allTextContents();
  assert.deepEqual(notes, [
    'S, specific: there is no number to reach',
    'T, time-bound: there is no end date',
    'Responsibility: nobody owns it (not a letter of SMART, but every goal needs an owner)',
  ]);
  // Editing it in place makes it SMART.
  await page.getByTestId('edit-goal').nth(1).click();
  await page.getByTestId('goal-target').fill('5');
  await page.getByTestId('goal-metric').selectOption('deals_won');
  await page.getByTestId('goal-end').fill('2099-06-30');
  await page.getByTestId('goal-owner').fill('Kim');
  await page.getByTestId('add-goal').click();
  await page.getByTestId('goal-smart').nth(1).filter({ hasText: /^SMART: S✓ M✓ A\? R\? T✓$/ }).waitFor();
  assert.match(await page.getByTestId('goal-progress').nth(1).textContent(), /^Actual 1 of 5/);
  assert.equal(await page.getByTestId('goal-row').count(), 2);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the analytics screen reads in Chinese too', async () => {
  const { page, context } = await openApp(browser, server.url, { locale: 'zh-CN' });
  await page.getByTestId('tab-analytics').click();
  await page.getByTestId('analytics-period').selectOption('all');
  assert.match(await page.getByTestId('funnel-sentence').textContent(), /^最大流失：“.+”之后只有 [\d.]+% 的商机继续推进。$/);
  assert.match(await page.getByTestId('funnel-canvas').getAttribute('aria-label'), /^潜在客户识别: 10 个 · ¥387万 · 100%/);
  assert.equal(await page.getByTestId('time-sentence').textContent(), '各阶段都在目标时间之内。');
  await context.close();
});

test('what-if changes the projection live and saves nothing', async () => {
  const { page, context } = await openApp(browser, server.url, { locale: 'en-US' });
  await page.waitForTimeout(400);
  const stored = JSON.stringify((await readStored(page)).workspace);
  await page.getByTestId('tab-analytics').click();
  const panel = page.getByTestId('what-if');
  await panel.waitFor();
  const forecast = () => panel.getByTestId('what-if-forecast-canvas').getAttribute('aria-label');
  const before = await forecast();
  // The sample in "Prospect identification" ($350,000 at 10 %) weighs ten times as much at 100 %.
  await panel.getByTestId('what-if-probability').first().fill('100');
  await page.waitForFunction((old) => document.querySelector('[data-testid=what-if-forecast-canvas]').getAttribute('aria-label') !== old, before);
  await panel.getByTestId('what-if-start').fill('100');
  const conversions = panel.getByTestId('what-if-conversion');
  for (let i = 0; i < await conversions.count(); i++) await conversions.nth(i).fill('50');
  const projected = await panel.getByTestId('what-if-funnel-canvas').getAttribute('aria-label');
  assert.match(projected, /^Prospect identification: 100\.0; Needs analysis: 50\.0; Solution design: 25\.0; Proposal submission: 12\.5/);
  // Dragging a stage's bar sets its conversion: Needs analysis (the second row) to the full
  // length keeps all of Prospect identification, then to the far left keeps none.
  const canvas = panel.getByTestId('what-if-funnel-canvas');
  await canvas.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  const box = await canvas.boundingBox();
  const row = box.y + 8 + 34 * 1.5;
  await page.mouse.move(box.x + box.width * 0.5, row);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 2, row, { steps: 4 });
  assert.equal(await conversions.first().inputValue(), '100');
  assert.match(await canvas.getAttribute('aria-label'), /Needs analysis: 100\.0; Solution design: 50\.0/);
  await page.mouse.move(box.x + 2, row, { steps: 4 });
  await page.mouse.up();
  assert.equal(await conversions.first().inputValue(), '0');
  assert.match(await canvas.getAttribute('aria-label'), /Needs analysis: 0\.0; Solution design: 0\.0/);
  await page.waitForTimeout(400);
  assert.equal(JSON.stringify((await readStored(page)).workspace), stored, 'nothing saved');
  await panel.getByTestId('what-if-reset').click();
  assert.equal(await forecast(), before);
  await context.close();
});
