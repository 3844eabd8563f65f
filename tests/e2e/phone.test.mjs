// Phones (issue 18, first part): at 390×844 and 360×740, in both languages, the app's own
// chrome is a compact top bar and a bottom tab bar taking at most a quarter of the screen,
// nothing is wider than the screen, tab labels stay on one line, the actions sit in a menu,
// and what a thumb presses is at least 44 px square.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, card } from './support.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const PHONES = [[390, 844], [360, 740]];

async function openPhone(width, height, locale) {
  const context = await browser.newContext({ locale, viewport: { width, height }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByTestId('board').waitFor();
  return { context, page };
}

/** What does not fit: the page wider than the screen, and the size of the chrome. */
const measure = (page) => page.evaluate(() => {
  const rect = (selector) => document.querySelector(selector).getBoundingClientRect();
  const tabs = [...document.querySelectorAll('.tab')];
  return {
    width: window.innerWidth,
    scrollWidth: document.documentElement.scrollWidth,
    chrome: rect('.topbar').height + rect('.tabs').height,
    height: window.innerHeight,
    // A label on one line has one line box.
    brokenLabels: tabs.map((t) => t.querySelector('.tab-short')).filter((s) => s.getClientRects().length !== 1 || s.getBoundingClientRect().height > 24).map((s) => s.textContent),
    smallTabs: tabs.filter((t) => t.getBoundingClientRect().height < 44 || t.getBoundingClientRect().width < 44).length,
  };
});

for (const [width, height] of PHONES) {
  for (const locale of ['zh-CN', 'en-US']) {
    test(`${width}×${height} ${locale}: compact chrome, nothing sideways, one-line tabs, thumb-sized targets`, async () => {
      const { context, page } = await openPhone(width, height, locale);
      const m = await measure(page);
      assert.equal(m.width, width, 'the page is laid out at the phone width, not zoomed out');
      assert.ok(m.scrollWidth <= width, `nothing scrolls sideways: ${m.scrollWidth}px of ${width}`);
      assert.ok(m.chrome <= m.height / 4, `chrome ${m.chrome}px of ${m.height}`);
      assert.deepEqual(m.brokenLabels, []);
      assert.equal(m.smallTabs, 0);
      const button = await page.getByTestId('move-forward').first().boundingBox();
      assert.ok(button.width >= 44 && button.height >= 44, `card move ${button.width}×${button.height}`);

      // Each screen from the bottom bar, none wider than the phone.
      for (const tab of ['tab-agenda', 'tab-learn', 'tab-analytics', 'tab-roadmap', 'tab-board']) {
        await page.getByTestId(tab).tap();
        await page.waitForTimeout(150);
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scroll <= width, `${tab}: ${scroll}px of ${width}`);
      }

      // The actions are in the menu; a chosen action folds it.
      assert.equal(await page.getByTestId('export').isVisible(), false);
      await page.getByTestId('more-actions').tap();
      assert.ok(await page.getByTestId('export').isVisible());
      await page.getByTestId('share').tap();
      assert.equal(await page.getByTestId('export').isVisible(), false);
      // Dialogs are full-screen sheets, their buttons thumb-sized.
      const sheet = await page.getByRole('dialog').boundingBox();
      assert.ok(sheet.x >= 0 && sheet.width <= width && sheet.width >= width - 1, `dialog ${sheet.x}+${sheet.width}`);
      await page.keyboard.press('Escape');

      // Moving a deal by touch.
      const first = (await page.locator('[data-testid=stage-column]').first().locator('.card-customer').first().textContent()).trim();
      const move = card(page, first).getByTestId('move-forward');
      // Scrolled to the middle of the screen, clear of the bottom bar, as a thumb would.
      await move.evaluate((e) => e.scrollIntoView({ block: 'center', inline: 'nearest' }));
      await move.tap();
      await page.locator('[data-testid=stage-column]').nth(1).getByText(first).waitFor();
      await context.close();
    });
  }
}

test('a trainee on a phone: a scenario from the facilitator\'s link, the learn steps, a self-check, the scenario board', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${server.url}#scenario=saas-launch`);
  await page.getByTestId('sandbox-banner').waitFor();
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 390);
  await page.getByTestId('tab-learn').tap();
  const lesson = page.getByTestId('lesson');
  await lesson.waitFor();
  const first = await lesson.locator('h2, h3').first().textContent();
  await page.getByTestId('learn-mark').tap();
  await page.getByTestId('learn-next').tap();
  assert.notEqual(await lesson.locator('h2, h3').first().textContent(), first, 'the next step is shown');
  // The ordering self-check, by touch: each stage brought up to its place.
  const expected = await page.getByTestId('learn-step').locator('span:not(.learn-step-number):not(.learn-check)').allTextContents();
  await page.getByTestId('learn-section-checks').tap();
  const items = page.getByTestId('quiz-item');
  for (let place = 0; place < expected.length; place++) {
    let at = (await items.locator('.quiz-name').allTextContents()).indexOf(expected[place]);
    while (at > place) {
      const up = items.nth(at).getByRole('button', { name: new RegExp(`${expected[place]}`) }).first();
      await up.evaluate((e) => e.scrollIntoView({ block: 'center' }));
      await up.tap();
      at -= 1;
    }
  }
  const check = page.getByTestId('quiz-check');
  await check.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await check.tap();
  assert.match(await page.getByTestId('quiz-result').locator('.quiz-verdict').textContent(), /全部正确|6/);
  await page.getByTestId('tab-board').tap();
  await page.getByTestId('deal-card').first().waitFor();
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 390);
  await context.close();
});

const AXE = fs.readFileSync(path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

for (const locale of ['zh-CN', 'en-US']) {
  test(`no serious or critical axe findings on a phone, ${locale}`, async () => {
    const { context, page } = await openPhone(390, 844, locale);
    const report = [];
    const check = async (name) => {
      await page.waitForTimeout(250);
      if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
      const found = await page.evaluate(async () => (await window.axe.run(document)).violations);
      for (const v of found.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
        report.push(`${name}: ${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      }
    };
    for (const tab of ['tab-board', 'tab-agenda', 'tab-analytics', 'tab-roadmap', 'tab-learn']) {
      await page.getByTestId(tab).tap();
      await check(tab);
    }
    for (const section of ['concepts', 'glossary', 'checks']) {
      await page.getByTestId(`learn-section-${section}`).tap();
      await check(`learn: ${section}`);
    }
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 390, 'the learn sections fit the phone');
    await page.getByTestId('tab-board').tap();
    await page.getByTestId('more-actions').tap();
    await check('actions menu');
    await page.getByTestId('more-actions').tap();
    await page.getByTestId('deal-open').first().tap();
    await check('deal dialog');
    await context.close();
    assert.deepEqual(report, []);
  });
}

test('on a phone a finger drags a bar of the what-if funnel', async () => {
  const { context, page } = await openPhone(390, 844, 'en-US');
  await page.getByTestId('tab-analytics').tap();
  const panel = page.getByTestId('what-if');
  await panel.waitFor();
  const canvas = panel.getByTestId('what-if-funnel-canvas');
  await canvas.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  const box = await canvas.boundingBox();
  const touch = (type, x) => canvas.dispatchEvent(type, {
    pointerId: 7, pointerType: 'touch', isPrimary: true, bubbles: true,
    clientX: box.x + x, clientY: box.y + 8 + 34 * 1.5, buttons: type === 'pointerup' ? 0 : 1,
  });
  await touch('pointerdown', box.width * 0.5);
  await touch('pointermove', box.width - 2);
  await touch('pointerup', box.width - 2);
  assert.equal(await panel.getByTestId('what-if-conversion').first().inputValue(), '100');
  await context.close();
});
