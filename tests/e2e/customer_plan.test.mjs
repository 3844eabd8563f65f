// The customer's side of a deal: the seller adds a task for the customer, shares the
// plan as a link; the customer opens it in a fresh browser (read-only, their own data
// untouched), ticks their task, proposes a date and rates a finished step; the seller
// opens the reply link, sees what changed and merges it; the same reply again is refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp, readStored, addDeal, card } from './support.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const storedDeal = async (page, customer) => (await readStored(page)).workspace.deals.find((d) => d.customer === customer);

test('a plan shared with the customer comes back as a reply that merges once', async () => {
  const seller = await openApp(browser, server.url, { locale: 'zh-CN' });
  const { page } = seller;
  await addDeal(page, '博远食品', '350,000');
  await card(page, '博远食品').getByTestId('deal-open').click();
  const dialog = page.getByTestId('deal-dialog');

  // A task for the customer's side, next to our milestones; and our first step done.
  const tasks = dialog.getByTestId('customer-tasks');
  await tasks.getByTestId('customer-task-add').click();
  await tasks.getByTestId('customer-task-error').filter({ hasText: '请写下任务内容' }).waitFor();
  await tasks.getByTestId('customer-task-title').fill('安排IT评审');
  await tasks.getByTestId('customer-task-contact').fill('王经理');
  await tasks.getByTestId('customer-task-role').fill('采购经理');
  await tasks.getByTestId('customer-task-date').fill('2027-01-15');
  await tasks.getByTestId('customer-task-add').click();
  await tasks.getByTestId('customer-task').filter({ hasText: '安排IT评审' }).waitFor();
  const taskRow = dialog.getByTestId('plan-row').filter({ hasText: '安排IT评审' });
  assert.equal(await taskRow.getByTestId('plan-customer').textContent(), '客户方', 'the task is on the deal plan, marked as theirs');
  await dialog.getByTestId('plan-row').first().getByTestId('plan-done').check();

  // Shared in English, chosen when sharing.
  await tasks.getByTestId('customer-share').click();
  await tasks.getByTestId('customer-share-lang').selectOption('en');
  const link = await tasks.getByTestId('customer-link').inputValue();
  assert.match(link, /\/team\/waypoint\/#plan=[A-Za-z0-9_-]+$/);
  assert.ok(await tasks.getByTestId('customer-qr').isVisible(), 'a QR code for the phone');

  // The customer: a fresh profile, Chinese browser, English page as chosen.
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 } });
  const customer = await context.newPage();
  const errors = [];
  customer.on('pageerror', (e) => errors.push(e));
  await customer.goto(link);
  const view = customer.getByTestId('customer-page');
  await view.waitFor();
  assert.match(await customer.getByTestId('customer-goal').textContent(), /博远食品 · 博远食品 项目/);
  assert.match(await customer.getByTestId('customer-as-of').textContent(), /^As of \d{4}-\d{2}-\d{2}$/);
  const text = await view.textContent();
  for (const internal of ['350,000', '350000', '¥', 'win probability', '赢率']) {
    assert.ok(!text.includes(internal), `the customer's page must not show ${internal}`);
  }
  const theirs = customer.getByTestId('customer-step').filter({ hasText: '安排IT评审' });
  assert.equal(await theirs.getAttribute('data-side'), 'theirs');
  assert.match(await theirs.textContent(), /Your team.*王经理 · 采购经理.*by 2027-01-15/);
  const overflow = await customer.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling on a phone (${overflow}px)`);

  await customer.getByTestId('reply-empty').waitFor();
  await theirs.getByTestId('customer-tick').check();
  const open = customer.locator('[data-testid=customer-step][data-side=ours]:not(.step-done)').first();
  const openStep = await open.getAttribute('data-step-id');
  await open.getByTestId('customer-propose').click();
  await open.getByTestId('customer-new-date').fill('2027-02-01');
  await open.getByTestId('customer-date-note').fill('Our board meets in February');
  const done = customer.locator('[data-testid=customer-step].step-done').first();
  await done.getByTestId('customer-star').nth(3).click();
  await done.getByTestId('customer-comment').fill('Clear and quick');
  await customer.getByTestId('customer-name').fill('Wang');
  assert.equal(await customer.getByTestId('reply-count').textContent(), 'This reply: 3 changes');
  assert.ok(await customer.getByTestId('reply-qr').isVisible());
  const reply = await customer.getByTestId('reply-link').inputValue();
  assert.match(reply, /#reply=[A-Za-z0-9_-]+$/);
  assert.equal(await customer.evaluate(() => localStorage.length), 0, 'the customer\'s browser keeps nothing of Waypoint');
  assert.deepEqual(errors, []);
  await context.close();

  // The seller opens the reply link: what it changes, then the merge.
  await page.keyboard.press('Escape');
  await page.goto(reply);
  const replyDialog = page.getByTestId('reply-dialog');
  await replyDialog.waitFor();
  const changes = await replyDialog.getByTestId('reply-change').allTextContents();
  assert.equal(changes.length, 3, changes.join(' | '));
  assert.match(changes[0], /客户任务已完成：安排IT评审/);
  const openRow = page.getByTestId('deal-dialog').locator(`[data-testid=plan-row][data-milestone-id="${openStep}"]`);
  assert.match(changes[1], /2027-02-01（等你接受）：Our board meets in February/);
  assert.match(changes[2], /4 分.*Clear and quick/);
  await replyDialog.getByTestId('reply-merge').click();
  await page.getByTestId('notice').filter({ hasText: '已合并客户对' }).waitFor();
  const merged = page.getByTestId('deal-dialog');
  assert.ok(await merged.getByTestId('customer-task').filter({ hasText: '安排IT评审' }).getByTestId('customer-task-done').isChecked());
  await merged.getByTestId('feedback-entry').filter({ hasText: 'Clear and quick' }).waitFor();
  const proposal = merged.getByTestId('proposal');
  assert.match(await proposal.textContent(), /2027-02-01/);
  await proposal.getByTestId('proposal-accept').click();
  await proposal.waitFor({ state: 'detached' });
  assert.equal(await openRow.getByTestId('plan-due').inputValue(), '2027-02-01', 'accepted: our step moves to the proposed date');

  // The same reply again says so and changes nothing.
  await page.keyboard.press('Escape');
  await page.waitForTimeout(400);
  const before = JSON.stringify(await storedDeal(page, '博远食品'));
  await page.goto(reply);
  await page.getByTestId('notice').filter({ hasText: '这条回复已经合并过了' }).waitFor();
  assert.equal(await page.getByTestId('reply-dialog').count(), 0);
  await page.reload();
  await page.getByTestId('board').waitFor();
  const kept = await storedDeal(page, '博远食品');
  assert.equal(JSON.stringify(kept), before);
  assert.ok(kept.customer_tasks[0].done_at, 'the tick survives a reload');
  assert.equal(kept.replies.length, 1);
  assert.deepEqual(seller.errors, []);
  await seller.context.close();
});

test('a cut plan link says why in the browser\'s language; a follow-up is set in the deal form', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${server.url}#plan=eJzLSM3JyVcozy_KSQEAGgQEXQ`);
  await page.getByTestId('customer-page-error').filter({ hasText: 'the link is incomplete or altered' }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  await context.close();

  const { page: seller, context: own, errors } = await openApp(browser, server.url, { locale: 'en-US' });
  const today = await seller.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await addDeal(seller, 'Follow Co');
  await card(seller, 'Follow Co').getByTestId('deal-open').click();
  await seller.getByTestId('field-follow-up').fill('2027-03-04');
  await seller.getByTestId('save-deal').click();
  await seller.waitForTimeout(400);
  assert.equal((await storedDeal(seller, 'Follow Co')).follow_up, '2027-03-04');
  assert.equal(await card(seller, 'Follow Co').getByTestId('card-follow-up').count(), 0, 'not due yet: no flag');

  // Logging a call plans the next follow-up: today, so the card flags it and the today list shows it.
  await card(seller, 'Follow Co').getByTestId('deal-open').click();
  await seller.getByTestId('activity-notes').fill('Called about the pilot');
  await seller.getByTestId('activity-follow-up').fill(today);
  await seller.getByTestId('add-activity').click();
  await seller.getByTestId('activity-entry').filter({ hasText: 'Called about the pilot' }).waitFor();
  await seller.keyboard.press('Escape');
  assert.equal(await card(seller, 'Follow Co').getByTestId('card-follow-up').textContent(), 'Follow up today');
  const list = seller.getByTestId('today-list');
  await list.getByTestId('today-item').filter({ hasText: 'Follow Co' }).click();
  await seller.getByTestId('deal-dialog').waitFor();
  await seller.keyboard.press('Escape');

  // From the card itself: a day in the past makes the flag say how late it is.
  await card(seller, 'Follow Co').getByTestId('card-follow-up-set').click();
  const picker = card(seller, 'Follow Co').getByTestId('card-follow-up-input');
  await picker.fill('2020-01-01');
  await card(seller, 'Follow Co').getByTestId('card-follow-up').filter({ hasText: /Follow-up \d+ days late/ }).waitFor();
  await seller.waitForTimeout(400);
  assert.equal((await storedDeal(seller, 'Follow Co')).follow_up, '2020-01-01');

  // Put away until tomorrow: a reload does not bring the list back, and no permission was asked.
  await list.getByTestId('today-dismiss').click();
  await list.waitFor({ state: 'detached' });
  await seller.reload();
  await seller.getByTestId('board').waitFor();
  await seller.waitForTimeout(500);
  assert.equal(await seller.getByTestId('today-list').count(), 0);
  assert.equal(await seller.evaluate(() => Notification.permission), 'default', 'never asked without the person turning reminders on');
  assert.deepEqual(errors, []);
  await own.close();
});

test('reminders, once turned on, notify of a follow-up due today once a day', async () => {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 900 } });
  await context.grantPermissions(['notifications'], { origin: new URL(server.url).origin });
  // Records notifications instead of showing them (headless Chromium has no notification centre).
  await context.addInitScript(() => {
    window.__shown = [];
    const Real = window.Notification;
    window.Notification = class {
      constructor(title, options) { window.__shown.push([title, options?.body]); }
      static get permission() { return Real.permission; }
      static requestPermission() { return Real.requestPermission(); }
      set onclick(handler) { this.handler = handler; }
    };
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(server.url);
  await page.getByTestId('board').waitFor();
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await addDeal(page, 'Remind Co');
  await card(page, 'Remind Co').getByTestId('deal-open').click();
  await page.getByTestId('field-follow-up').fill(today);
  await page.getByTestId('save-deal').click();
  await page.getByTestId('today-list').getByTestId('today-remind').check();
  await page.waitForFunction(() => window.__shown.length > 0);
  assert.deepEqual(await page.evaluate(() => window.__shown), [['Follow up today: Remind Co', 'Remind Co 项目']]);
  // After a reload reminders start by themselves, and the same deal is not notified twice that day.
  await page.reload();
  await page.getByTestId('board').waitFor();
  await page.waitForTimeout(800);
  assert.deepEqual(await page.evaluate(() => window.__shown), []);
  assert.ok(await page.getByTestId('today-remind').isChecked());
  assert.deepEqual(errors, []);
  await context.close();
});
