// Phones (issue 18): every dialog is a sheet that fits the screen at 390×844 and 360×740 in
// both languages, its buttons are thumb-sized, an action that changes what it shows keeps
// focus inside it, and Escape closes it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, readStored, importText } from './support.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** What does not fit in the open dialog: its box, sideways overflow, small buttons, where focus is. */
const inspect = (page, width) => page.evaluate((width) => {
  const dialog = [...document.querySelectorAll('[role=dialog]')].pop();
  const box = dialog.getBoundingClientRect();
  const small = [...dialog.querySelectorAll('button')]
    .filter((b) => b.getClientRects().length > 0 && getComputedStyle(b).visibility !== 'hidden')
    .filter((b) => b.getBoundingClientRect().height < 43.5)
    .map((b) => b.dataset.testid || b.textContent.trim());
  return {
    fits: box.left >= -0.5 && box.right <= width + 0.5,
    overflow: dialog.scrollWidth - dialog.clientWidth,
    page: document.documentElement.scrollWidth,
    small,
  };
}, width);

const focusInDialog = (page) => page.evaluate(() => !!document.activeElement?.closest('[role=dialog]'));

async function check(page, width, name) {
  // Dialogs load with their own part: under load that can take longer than a frame or two.
  await page.locator('[role=dialog]').last().waitFor();
  await page.waitForTimeout(150);
  const m = await inspect(page, width);
  assert.ok(m.fits, `${name}: the sheet is inside the screen`);
  assert.ok(m.overflow <= 1, `${name}: nothing in it scrolls sideways (${m.overflow} px)`);
  assert.ok(m.page <= width, `${name}: the page is ${m.page} px wide`);
  assert.deepEqual(m.small, [], `${name}: buttons under 44 px`);
}

async function closesOnEscape(page, name) {
  await page.keyboard.press('Escape');
  await page.locator('[role=dialog]').first().waitFor({ state: 'detached', timeout: 3000 }).catch(() => assert.fail(`${name}: Escape did not close it`));
}

async function fromMenu(page, testid) {
  await page.getByTestId('more-actions').tap();
  await page.getByTestId(testid).tap();
  await page.locator('[role=dialog]').first().waitFor();
}

for (const [width, height] of [[390, 844], [360, 740]]) {
  for (const locale of ['zh-CN', 'en-US']) {
    test(`${width}×${height} ${locale}: every dialog fits, keeps focus through its actions, and Escape closes it`, async () => {
      const context = await browser.newContext({ locale, viewport: { width, height }, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.getByTestId('board').waitFor();

      // The deal dialog.
      await page.getByTestId('deal-open').first().tap();
      await check(page, width, 'deal');
      await closesOnEscape(page, 'deal');

      // Help: switching to the shortcut sheet changes what it shows.
      await fromMenu(page, 'help');
      await check(page, width, 'help');
      await page.getByTestId('help-tab-shortcuts').tap();
      await page.getByTestId('shortcut-sheet').waitFor();
      assert.ok(await focusInDialog(page), 'help: focus stays after switching tabs');
      await closesOnEscape(page, 'help');

      // Share.
      await fromMenu(page, 'share');
      await check(page, width, 'share');
      await closesOnEscape(page, 'share');

      // The team list: add someone, then retire them.
      await page.getByTestId('open-team').tap();
      await page.getByTestId('team-dialog').waitFor();
      await check(page, width, 'team');
      await page.getByTestId('team-new-name').fill('Ada');
      await page.getByTestId('team-add').tap();
      const ada = page.getByTestId('team-row').filter({ hasText: 'Ada' });
      await ada.waitFor();
      assert.ok(await focusInDialog(page), 'team: focus stays after adding');
      await ada.getByTestId('team-retire').tap();
      await ada.getByTestId('team-retired').waitFor();
      await page.waitForTimeout(100);
      assert.ok(await focusInDialog(page), 'team: focus stays after retiring');
      await check(page, width, 'team with a retired member');
      await closesOnEscape(page, 'team');

      // A teammate's file to merge: the preview.
      const mate = await readStored(page);
      mate.workspace.deals = mate.workspace.deals.slice(0, 1).map((d) => ({ ...d, id: 'mate-1', sample: false, customer: 'Mate Real', activities: [], feedback: [] }));
      await importText(page, JSON.stringify(mate), 'merge-file');
      await page.getByTestId('merge-dialog').waitFor();
      await check(page, width, 'merge');
      await closesOnEscape(page, 'merge');
      assert.equal(await page.getByText('Mate Real').count(), 0, 'Escape cancels the merge');

      // Deleting a stage asks first.
      await page.getByTestId('tab-roadmap').tap();
      const third = page.getByTestId('stage-editor').nth(2);
      await third.getByTestId('stage-delete').evaluate((e) => e.scrollIntoView({ block: 'center' }));
      await third.getByTestId('stage-delete').tap();
      await page.getByTestId('delete-stage-dialog').waitFor();
      await check(page, width, 'delete stage');
      await closesOnEscape(page, 'delete stage');
      assert.equal(await page.getByTestId('stage-editor').count() >= 3, true);

      // Presenting: the slides turn by touch; showing the funnel keeps focus in it.
      await fromMenu(page, 'present');
      const counter = page.getByTestId('slide-counter');
      const before = await counter.textContent();
      await page.getByTestId('slide-next').tap();
      assert.notEqual(await counter.textContent(), before, 'the next slide by touch');
      await page.getByTestId('slide-previous').tap();
      assert.equal(await counter.textContent(), before, 'and back');
      await page.getByTestId('toggle-funnel').tap();
      await page.getByTestId('presentation-funnel').waitFor();
      assert.ok(await focusInDialog(page), 'presentation: focus stays after showing the funnel');
      await check(page, width, 'presentation');
      await closesOnEscape(page, 'presentation');
      await context.close();
    });
  }
}
