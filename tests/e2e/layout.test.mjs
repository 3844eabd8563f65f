// Layouts for the rooms Waypoint is used in: a laptop, a tablet either way up and a
// 1280×720 projector. Nothing may need sideways page scrolling or fall off the screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch } from './support.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const VIEWPORTS = {
  laptop: { width: 1366, height: 768 },
  projector: { width: 1280, height: 720 },
  'tablet portrait': { width: 820, height: 1180 },
  'tablet landscape': { width: 1180, height: 820 },
};

/** Controls and texts that reach past the right edge (the board's own scroller excepted). */
const offScreen = (page) => page.evaluate(() => [...document.querySelectorAll('button, select, input, canvas, h1, h2, p, table, label')]
  .filter((e) => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.right > window.innerWidth + 1 && !e.closest('.columns');
  })
  .map((e) => e.dataset.testid || e.className || e.tagName));

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  test(`every screen fits a ${name} (${viewport.width}×${viewport.height})`, async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport, hasTouch: name.startsWith('tablet') });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByTestId('board').waitFor();
    const problems = [];
    for (const tab of ['board', 'agenda', 'analytics', 'roadmap', 'learn']) {
      await page.getByTestId(`tab-${tab}`).click();
      await page.waitForTimeout(250);
      const { scrollWidth, clientWidth } = await page.evaluate(() => document.documentElement);
      if (scrollWidth > clientWidth) problems.push(`${tab}: the page scrolls sideways (${scrollWidth} > ${clientWidth})`);
      for (const what of await offScreen(page)) problems.push(`${tab}: ${what} is cut off`);
    }
    // The board: its first cards are in view without scrolling.
    await page.getByTestId('tab-board').click();
    const card = await page.getByTestId('deal-card').first().boundingBox();
    if (card.y + 120 > viewport.height) problems.push(`board: the first card starts at ${card.y}px`);
    // Presentation mode: large type, and the slide fits without scrolling.
    await page.getByTestId('present').click();
    const slide = await page.evaluate(() => {
      const body = document.querySelector('.presentation-body');
      return { fits: body.scrollHeight <= body.clientHeight + 1, title: parseFloat(getComputedStyle(document.querySelector('.slide-title')).fontSize) };
    });
    if (!slide.fits) problems.push('presentation: the slide scrolls');
    if (slide.title < 36) problems.push(`presentation: title only ${slide.title}px`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the board\'s search box shows its whole hint, in Chinese and English, on a laptop and a phone', async () => {
  const problems = [];
  for (const locale of ['zh-CN', 'en-US']) {
    for (const viewport of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
      const context = await browser.newContext({ locale, viewport });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.getByTestId('deal-card').first().waitFor();
      // The placeholder's width in the box's own font, against the room inside the box.
      const { text, needed, room } = await page.getByTestId('filter-text').evaluate((input) => {
        const style = getComputedStyle(input);
        const context = document.createElement('canvas').getContext('2d');
        context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return { text: input.placeholder, needed: context.measureText(input.placeholder).width, room };
      });
      if (needed > room) problems.push(`${locale} ${viewport.width}: "${text}" needs ${Math.ceil(needed)} px, has ${Math.floor(room)}`);
      await context.close();
    }
  }
  assert.deepEqual(problems, []);
});
