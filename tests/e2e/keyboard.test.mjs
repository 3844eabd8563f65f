// The keyboard alone: shortcuts, focus kept inside dialogs and given back, visible focus,
// a deal created, moved and opened without a mouse.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp } from './support.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const activeTestId = (page) => page.evaluate(() => document.activeElement?.dataset.testid ?? document.activeElement?.id ?? document.activeElement?.tagName);
const focusInside = (page, testid) => page.evaluate((id) => document.querySelector(`[data-testid="${id}"]`)?.contains(document.activeElement) ?? false, testid);

test('? shows the shortcut sheet; Tab stays in it; Esc closes it and gives focus back', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'en-US' });
  await page.getByTestId('help').focus();
  await page.keyboard.press('?');
  await page.getByTestId('shortcut-sheet').waitFor();
  assert.match(await page.getByTestId('shortcut-sheet').textContent(), /Show this list of shortcuts/);
  assert.ok(await focusInside(page, 'help-dialog'), 'focus moved into the dialog');
  for (let i = 0; i < 8; i += 1) {
    await page.keyboard.press('Tab');
    assert.ok(await focusInside(page, 'help-dialog'), `Tab ${i + 1} left the dialog`);
  }
  await page.keyboard.press('Shift+Tab');
  assert.ok(await focusInside(page, 'help-dialog'));
  // The guide tab, in Chinese too.
  await page.getByTestId('help-tab-guide').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('help-guide').getByText('Your data, backups and sharing').waitFor();
  await page.keyboard.press('Escape');
  assert.equal(await page.getByTestId('help-dialog').count(), 0);
  assert.equal(await activeTestId(page), 'help', 'focus is back on the button that opened it');
  await page.getByTestId('switch-lang').click();
  await page.getByTestId('help').click();
  await page.getByTestId('help-guide').getByText('数据、备份与共享').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('number keys switch screens, / searches, and nothing fires while typing', async () => {
  const { page, context } = await openApp(browser, server.url, { locale: 'en-US' });
  await page.keyboard.press('3');
  await page.getByTestId('analytics-period').waitFor();
  assert.equal(new URL(page.url()).hash, '#analytics');
  await page.keyboard.press('4');
  await page.waitForFunction(() => location.hash === '#roadmap');
  await page.keyboard.press('/');
  await page.getByTestId('board').waitFor();
  assert.equal(await activeTestId(page), 'filter-text');
  await page.keyboard.type('Eastline 3?n');
  // Typed into the field: no screen change, no dialog.
  assert.equal(await page.getByTestId('filter-text').inputValue(), 'Eastline 3?n');
  assert.equal(await page.getByTestId('deal-dialog').count(), 0);
  assert.equal(await page.getByTestId('help-dialog').count(), 0);
  assert.equal(new URL(page.url()).hash, '#board');
  await context.close();
});

test('a deal created, moved and opened with the keyboard only, with a visible focus ring', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'en-US' });
  await page.keyboard.press('n');
  await page.getByTestId('deal-dialog').waitFor();
  assert.equal(await activeTestId(page), 'field-customer', 'the first field has focus');
  await page.keyboard.type('Keyboard Works');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Only keys');
  await page.keyboard.press('Tab');
  await page.keyboard.type('1200');
  await page.getByTestId('field-owner').focus();
  await page.keyboard.type('Ana');
  await page.keyboard.press('Enter');
  const card = page.getByTestId('deal-card').filter({ hasText: 'Keyboard Works' });
  await card.waitFor();
  assert.equal(await page.getByTestId('deal-dialog').count(), 0);

  // Tab reaches the card's buttons; the focused one shows a ring.
  await page.getByTestId('new-deal').focus();
  let reached = false;
  for (let i = 0; i < 200 && !reached; i += 1) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => {
      const a = document.activeElement;
      return a?.dataset.testid === 'move-forward' && a.closest('[data-testid="deal-card"]')?.textContent.includes('Keyboard Works');
    });
  }
  assert.ok(reached, 'Tab reaches the new card\'s ▶ button');
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(ring, 'solid');
  await page.keyboard.press('Enter');
  await page.getByTestId('stage-column').nth(1).getByText('Keyboard Works').waitFor();

  const open = page.getByTestId('stage-column').nth(1).getByTestId('deal-card').filter({ hasText: 'Keyboard Works' }).getByTestId('deal-open');
  await open.focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('deal-dialog').waitFor();
  assert.ok(await focusInside(page, 'deal-dialog'));
  await page.keyboard.press('Escape');
  await page.getByTestId('deal-dialog').waitFor({ state: 'detached' });
  assert.equal(await activeTestId(page), 'deal-open', 'focus is back on the card');

  // Undo by keyboard takes the move back.
  await page.keyboard.press('Control+z');
  await page.getByTestId('stage-column').nth(0).getByText('Keyboard Works').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('p presents, the arrows step through, Esc leaves', async () => {
  const { page, context } = await openApp(browser, server.url, { locale: 'en-US' });
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('p');
  await page.getByTestId('presentation').waitFor();
  const counter = page.getByTestId('slide-counter');
  const first = await counter.textContent();
  await page.keyboard.press('ArrowRight');
  assert.notEqual(await counter.textContent(), first);
  // Page shortcuts are quiet under presentation mode.
  await page.keyboard.press('n');
  assert.equal(await page.getByTestId('deal-dialog').count(), 0);
  await page.keyboard.press('Escape');
  await page.getByTestId('presentation').waitFor({ state: 'detached' });
  await context.close();
});
