// Phones and the charts (issue 18): the roadmap chart keeps its stage names readable by
// scrolling sideways inside its own box, a finger slides it, taps a stage for its details
// and drags a milestone; the deal timeline takes a finger drag at 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, readStored } from './support.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const DAY = 24 * 60 * 60 * 1000;

async function openPhone(width, height, locale) {
  const context = await browser.newContext({ locale, viewport: { width, height }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByTestId('board').waitFor();
  return { context, page };
}

/** A finger on `locator`: down at `from`, sliding to `to`, lifted there (page coordinates). */
async function finger(locator, from, to) {
  const at = (type, p) => locator.dispatchEvent(type, {
    pointerId: 11, pointerType: 'touch', isPrimary: true, bubbles: true, clientX: p.x, clientY: p.y, buttons: type === 'pointerup' ? 0 : 1,
  });
  await at('pointerdown', from);
  for (const f of [0.25, 0.5, 0.75, 1]) await at('pointermove', { x: from.x + (to.x - from.x) * f, y: from.y + (to.y - from.y) * f });
  await at('pointerup', to);
}

for (const [width, height, locale] of [[360, 740, 'zh-CN'], [390, 844, 'en-US']]) {
  test(`${width} px ${locale}: the roadmap chart scrolls inside its box, slides, shows a tapped stage and takes a milestone drag`, async () => {
    const { context, page } = await openPhone(width, height, locale);
    await page.getByTestId('tab-roadmap').tap();
    const canvas = page.getByTestId('roadmap-canvas');
    await canvas.waitFor();
    await page.waitForTimeout(300);
    const scroller = page.getByTestId('roadmap-scroll');
    await scroller.evaluate((e) => e.scrollIntoView({ block: 'center' }));
    const inside = await scroller.evaluate((s) => ({ client: s.clientWidth, scroll: s.scrollWidth }));
    assert.ok(inside.scroll > inside.client, `the chart is wider than its box: ${inside.scroll} of ${inside.client}`);
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= width, 'the page itself does not scroll sideways');

    // Every stage block keeps room for its name (72 CSS px at least).
    const roadmap = (await readStored(page)).workspace.roadmaps[0];
    const total = roadmap.stages.reduce((sum, s) => sum + s.target_days, 0);
    let box = await canvas.boundingBox();
    const narrowest = Math.min(...roadmap.stages.map((s) => (box.width - 32) * s.target_days / total - 3));
    assert.ok(narrowest >= 71.5, `the narrowest stage is ${narrowest.toFixed(1)} px`);

    // A slide on the day axis (off the blocks) scrolls the chart.
    const scrollBox = await scroller.boundingBox();
    const axisY = box.y + box.height - 8;
    await finger(canvas, { x: scrollBox.x + scrollBox.width * 0.8, y: axisY }, { x: scrollBox.x + scrollBox.width * 0.8 - 150, y: axisY });
    const slid = await scroller.evaluate((s) => s.scrollLeft);
    assert.ok(Math.abs(slid - 150) <= 2, `scrolled by ${slid}`);

    // A tap on the second stage shows its details, inside the screen.
    box = await canvas.boundingBox();
    const x = (day) => box.x + 16 + (box.width - 32) * day / total;
    const second = roadmap.stages[1];
    const start = roadmap.stages[0].target_days;
    const centre = { x: x(start + second.target_days / 2), y: box.y + 46 + 32 };
    await finger(canvas, centre, { x: centre.x + 1, y: centre.y });
    const tip = page.getByTestId('chart-tooltip');
    await tip.filter({ hasText: second.name[locale === 'zh-CN' ? 'zh' : 'en'] }).waitFor();
    const tipBox = await tip.boundingBox();
    assert.ok(tipBox.x >= 0 && tipBox.x + tipBox.width <= width + 0.5, `the details card ${tipBox.x}+${tipBox.width}`);
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= width);

    // A finger drags the second stage's first milestone four days later.
    const milestone = second.milestones[0];
    const from = { x: x(start + milestone.day_offset), y: box.y + 122 + 13 };
    await finger(canvas, from, { x: x(start + milestone.day_offset + 4), y: from.y });
    for (let i = 0; i < 40; i++) {
      const now = (await readStored(page)).workspace.roadmaps[0].stages[1].milestones.find((m) => m.id === milestone.id);
      if (now.day_offset === milestone.day_offset + 4) break;
      assert.ok(i < 39, `the milestone is due on day ${now.day_offset}, not ${milestone.day_offset + 4}`);
      await page.waitForTimeout(100);
    }
    await context.close();
  });
}

test('390 px: a finger drags a milestone on the deal timeline', async () => {
  const { context, page } = await openPhone(390, 844, 'en-US');
  await page.getByTestId('deal-card').filter({ hasText: 'Harbor River Logistics' }).getByTestId('deal-open').tap();
  const canvas = page.getByTestId('deal-timeline');
  await canvas.waitFor();
  await page.waitForTimeout(200);
  await canvas.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  const box = await canvas.boundingBox();
  const first = Date.parse(await canvas.getAttribute('data-first-day'));
  const days = Number(await canvas.getAttribute('data-days'));
  const rows = page.getByTestId('plan-row');
  const names = await rows.locator('.plan-title span').allTextContents();
  const row = names.indexOf('Walk the customer through it and record their views');
  const due = Date.parse(await rows.nth(row).getByTestId('plan-due').inputValue());
  // On a phone the titles take two fifths of the width; the dates the rest.
  const left = 12 + Math.min(220, box.width * 0.4);
  const x = (date) => box.x + left + (box.width - left - 12) * ((date - first) / DAY) / days;
  const y = box.y + 58 + 28 * (row + 0.5);
  await finger(canvas, { x: x(due), y }, { x: x(due + 5 * DAY), y });
  const expected = new Date(due + 5 * DAY).toISOString().slice(0, 10);
  await page.waitForTimeout(150);
  assert.equal(await rows.nth(row).getByTestId('plan-due').inputValue(), expected);
  await context.close();
});
