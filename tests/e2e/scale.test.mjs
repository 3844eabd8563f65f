// A long column as a growing team meets it: only the cards in view are drawn,
// scrolling brings the rest, a card far down moves like any other and stays moved,
// and keyboard focus survives its card being scrolled away.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp, waitForStored, withCopies, importText } from './support.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const BULK = 400;

/** The sample workspace with BULK more open deals in its first stage. */
function longColumnFile(page) {
  return withCopies(page, BULK, (ws) => [ws.deals.find((d) => d.stage_id === ws.roadmaps[0].stages[0].id && d.status === 'open')],
    (i) => `Bulk customer ${i}`);
}

/** Opens the app in English with the long column imported. */
async function openLongColumn() {
  const opened = await openApp(browser, server.url, { locale: 'en-US' });
  await importText(opened.page, await longColumnFile(opened.page));
  await opened.page.getByTestId('notice').filter({ hasText: 'Imported' }).waitFor();
  return opened;
}

test('a column of hundreds of deals draws what is in view, scrolls, and moves a card from far down', async () => {
  const { page, context, errors } = await openLongColumn();

  const column = page.getByTestId('stage-column').first();
  const total = Number((await column.getByTestId('column-count').textContent()).match(/\d+/)[0]);
  assert.ok(total > BULK, `the column holds them all (${total})`);
  const list = column.locator('.cards');
  assert.match(await list.getAttribute('class'), /windowed/);
  const drawn = await column.getByTestId('deal-card').count();
  assert.ok(drawn > 3 && drawn < 40, `only the cards in view are drawn (${drawn})`);
  await page.waitForFunction(() => document.querySelector('[data-testid=stage-column] [data-testid=deal-card]')?.getAttribute('aria-posinset') === '1');
  assert.equal(await column.getByTestId('deal-card').first().getAttribute('aria-setsize'), String(total));

  // Scroll to the end: the last deal is drawn, the first no longer is.
  await list.evaluate((el) => { el.scrollTop = el.scrollHeight; });
  const last = column.getByTestId('deal-card').filter({ hasText: `Bulk customer ${BULK - 1}` });
  await last.waitFor();
  assert.equal(await column.getByTestId('deal-card').count() < 40, true);
  await page.waitForFunction((n) => [...document.querySelectorAll('[data-testid=stage-column]:first-child [data-testid=deal-card]')]
    .some((c) => c.getAttribute('aria-posinset') === String(n)), total);

  await last.getByTestId('move-forward').click();
  const next = page.getByTestId('stage-column').nth(1);
  await next.getByTestId('deal-card').filter({ hasText: `Bulk customer ${BULK - 1}` }).waitFor();
  assert.equal(await column.getByTestId('column-count').textContent(), `${total - 1} deals`);
  await waitForStored(page, (doc) => doc.workspace.deals.find((d) => d.customer === `Bulk customer ${BULK - 1}`)?.stage_id === doc.workspace.roadmaps[0].stages[1].id);

  await page.reload();
  await page.getByTestId('board').waitFor();
  assert.equal(await next.getByTestId('deal-card').filter({ hasText: `Bulk customer ${BULK - 1}` }).count(), 1, 'saved in its new stage');
  assert.equal(await column.getByTestId('column-count').textContent(), `${total - 1} deals`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('focus in a card scrolled far away waits on the list and comes back with the card', async () => {
  const { page, context, errors } = await openLongColumn();
  const column = page.getByTestId('stage-column').first();
  const list = column.locator('.cards');
  await page.waitForFunction(() => document.querySelector('[data-testid=stage-column] [data-testid=deal-card]')?.getAttribute('aria-posinset') === '1');

  const first = column.getByTestId('deal-card').first();
  const dealId = await first.getAttribute('data-deal-id');
  await first.getByTestId('move-forward').focus();
  const focused = () => page.evaluate(() => {
    const a = document.activeElement;
    return { tag: a.tagName, list: a.classList.contains('cards'), deal: a.closest('[data-deal-id]')?.dataset.dealId ?? null, testid: a.dataset.testid ?? null };
  });
  assert.deepEqual(await focused(), { tag: 'BUTTON', list: false, deal: dealId, testid: 'move-forward' });

  // Scrolled to the end, the card is gone from the page; focus waits on the list, not on the page.
  await list.evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await page.waitForFunction((id) => !document.querySelector(`[data-deal-id="${id}"]`), dealId);
  assert.deepEqual(await focused(), { tag: 'DIV', list: true, deal: null, testid: null });

  // Back at the top, the same button of the same card has focus again.
  await list.evaluate((el) => { el.scrollTop = 0; });
  await page.waitForFunction((id) => document.activeElement?.closest('[data-deal-id]')?.dataset.dealId === id, dealId);
  assert.deepEqual(await focused(), { tag: 'BUTTON', list: false, deal: dealId, testid: 'move-forward' });

  // Parked on the list, Tab goes on to a card in view.
  await list.evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await page.waitForFunction((id) => !document.querySelector(`[data-deal-id="${id}"]`), dealId);
  await page.keyboard.press('Tab');
  const next = await focused();
  assert.equal(next.tag, 'BUTTON');
  assert.ok(next.deal && next.deal !== dealId, 'a drawn card has focus');

  // Scrolling up a little redraws the window, moving the cards that stay: focus stays with its card.
  await page.waitForTimeout(100);
  await list.evaluate((el) => { el.scrollTop -= 3 * 214; });
  await page.waitForTimeout(200);
  assert.deepEqual(await focused(), next, 'the same button of the same card');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a long agenda shows a page of lines with whole counts, and more on request', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'en-US' });
  await page.getByTestId('tab-agenda').click();
  const items = page.getByTestId('agenda-item');
  await items.first().waitFor();
  const few = await items.count();
  assert.equal(await page.getByTestId('agenda-more').count(), 0, 'a short agenda shows everything');

  // Every open deal 150 times over: the agenda grows to 151 times its lines.
  await importText(page, await withCopies(page, 150, (ws) => ws.deals.filter((d) => d.status === 'open')));
  await page.getByTestId('notice').filter({ hasText: 'Imported' }).waitFor();
  const total = few * 151;
  const more = page.getByTestId('agenda-more');
  await more.waitFor();
  assert.equal(await items.count(), 100);
  const grouped = (n) => n.toLocaleString('en-US');
  assert.equal(await more.textContent(), `Show 100 more (${grouped(total - 100)} not shown)`);
  const counts = (await page.getByTestId('agenda-count').allTextContents()).map((t) => Number(t.replace(/,/g, '').match(/\d+/)[0]));
  assert.ok(counts.reduce((a, b) => a + b, 0) <= total && counts[0] > 100, `the first group counts all its lines: ${counts}`);

  await more.click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=agenda-item]').length === 200);
  assert.equal(await more.textContent(), `Show 100 more (${grouped(total - 200)} not shown)`);
  // Another period starts from the first page again.
  await page.getByTestId('agenda-horizon').selectOption('30');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=agenda-item]').length === 100);
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone a long column gives each card a taller slot, with every line whole, and the wide one when turned wide', async () => {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(server.url);
  await page.getByTestId('board').waitFor();
  await importText(page, await longColumnFile(page));
  await page.getByTestId('notice').filter({ hasText: 'Imported' }).waitFor();
  const column = page.getByTestId('stage-column').first();
  const total = Number((await column.getByTestId('column-count').textContent()).match(/\d+/)[0]);
  await page.waitForFunction(() => document.querySelector('[data-testid=stage-column] [data-testid=deal-card]')?.getAttribute('aria-posinset') === '1');

  /** The slot the page gives this column's cards, and whether its spacers and drawn cards add up to every card in that slot. */
  const layout = () => column.locator('.cards').evaluate((list, total) => {
    const slot = parseFloat(getComputedStyle(list).getPropertyValue('--slot'));
    const spacers = [...list.querySelectorAll(':scope > .card-spacer')].reduce((sum, s) => sum + parseFloat(s.style.height), 0);
    const cards = [...list.querySelectorAll(':scope > .card')];
    // A line squeezed by the card's fixed height shows less than it holds.
    const squeezed = cards.flatMap((card) => [...card.querySelectorAll(':scope > .card-tags, :scope > .card-meta, :scope > .card-foot')]
      .filter((line) => line.clientHeight < line.scrollHeight - 1).map((line) => `${card.querySelector('.card-customer').textContent}: ${line.className}`));
    const cardHeight = cards[0].getBoundingClientRect().height;
    return { slot, cardHeight, addsUp: Math.abs(spacers + cards.length * slot - total * slot) < 1, squeezed };
  }, total);

  await page.waitForFunction(() => {
    const list = document.querySelector('[data-testid=stage-column] .cards');
    const slot = parseFloat(getComputedStyle(list).getPropertyValue('--slot'));
    return [...list.querySelectorAll(':scope > .card-spacer')].reduce((sum, s) => sum + parseFloat(s.style.height), 0) % slot < 1;
  });
  const phone = await layout();
  assert.ok(phone.slot > 214, `a touch screen's slot is taller than a wide screen's (${phone.slot})`);
  assert.equal(phone.cardHeight, phone.slot - 8);
  assert.ok(phone.addsUp, 'the spacers stand for the undrawn cards in the phone slot');
  assert.deepEqual(phone.squeezed, []);

  // Scrolled to the end, the last card is drawn and whole.
  await column.locator('.cards').evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await column.getByTestId('deal-card').filter({ hasText: `Bulk customer ${BULK - 1}` }).waitFor();
  assert.deepEqual((await layout()).squeezed, []);

  // Turned into a wide window: the wide screen's slot, and the spacers follow it.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.waitForFunction(() => {
    const list = document.querySelector('[data-testid=stage-column] .cards');
    return [...list.querySelectorAll(':scope > .card-spacer')].reduce((sum, s) => sum + parseFloat(s.style.height), 0) % 214 < 1;
  });
  const wide = await layout();
  assert.equal(wide.slot, 214);
  assert.ok(wide.addsUp, 'the spacers stand for the undrawn cards in the wide slot');
  assert.deepEqual(errors, []);
  await context.close();
});
