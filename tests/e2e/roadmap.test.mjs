// Designing a roadmap as a person would: drag on the chart, reload, edit the
// stage list, delete a stage with deals in it, start a roadmap from a template.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serveDist, launch, openApp, readStored, waitForStored } from './support.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const stored = async (page) => (await readStored(page)).workspace;
/** Waits until `predicate(stored workspace, arg)` holds. */
const savedAfter = (page, predicate, arg = null) => waitForStored(page, (doc) => predicate(doc.workspace, arg));

/** Where things are on the chart, in page coordinates (the layout's CSS-pixel geometry). */
async function chartGeometry(page) {
  const box = await page.getByTestId('roadmap-canvas').boundingBox();
  const roadmap = (await stored(page)).roadmaps[0];
  const total = roadmap.stages.reduce((sum, s) => sum + s.target_days, 0);
  const x = (day) => box.x + 16 + (box.width - 32) * day / total;
  let start = 0;
  const stages = roadmap.stages.map((s) => {
    const stage = { id: s.id, start, centre: x(start + s.target_days / 2), y: box.y + 46 + 32,
      milestones: s.milestones.map((m, lane) => ({ id: m.id, offset: m.day_offset, x: x(start + Math.min(m.day_offset, s.target_days)), y: box.y + 122 + 26 * (lane + 0.5) })) };
    start += s.target_days;
    return stage;
  });
  return { stages, x };
}

async function drag(page, from, to) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, to.y, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
}

async function openDesigner(locale = 'en-US') {
  const app = await openApp(browser, server.url, { locale });
  await app.page.getByTestId('tab-roadmap').click();
  await app.page.getByTestId('roadmap-canvas').waitFor();
  await app.page.waitForTimeout(200);
  return app;
}

test('dragging a stage block on the chart reorders the stages, and a reload keeps it', async () => {
  const { page, context, errors } = await openDesigner();
  const g = await chartGeometry(page);
  await drag(page, { x: g.stages[0].centre, y: g.stages[0].y }, { x: g.stages[2].centre + 4, y: g.stages[0].y });
  await savedAfter(page, (ws) => ws.roadmaps[0].stages[2].name.en === 'Prospect identification');
  await page.reload();
  await page.getByTestId('roadmap-canvas').waitFor();
  assert.match(page.url(), /#roadmap$/, 'the reload returns to the designer');
  const names = await page.getByTestId('stage-name').evaluateAll((inputs) => inputs.map((i) => i.value));
  assert.deepEqual(names.slice(0, 3), ['Needs analysis', 'Solution design', 'Prospect identification']);
  await page.getByTestId('tab-board').click();
  assert.equal(await page.getByTestId('stage-column').nth(2).locator('.column-title').textContent(), 'Prospect identification');
  assert.deepEqual(errors, []);
  await context.close();
});

test('dragging a milestone marker changes its due day, and a reload keeps it', async () => {
  const { page, context } = await openDesigner();
  const g = await chartGeometry(page);
  // "Needs analysis" (21 days from day 14): move its first milestone to day 14 + 18 = 32.
  const m = g.stages[1].milestones[0];
  await page.mouse.move(m.x, m.y);
  await page.getByTestId('chart-tooltip').filter({ hasText: "Document the customer's needs" }).waitFor();
  await drag(page, m, { x: g.x(32), y: m.y });
  await savedAfter(page, (ws, id) => ws.roadmaps[0].stages[1].milestones[0].day_offset === 18, m.id);
  await page.reload();
  await page.getByTestId('roadmap-canvas').waitFor();
  assert.equal(await page.getByTestId('stage-editor').nth(1).getByTestId('milestone-day').first().inputValue(), '18');
  await context.close();
});

test('the stage list edits fields and reorders from the keyboard', async () => {
  const { page, context } = await openDesigner();
  const second = page.getByTestId('stage-editor').nth(1);
  await second.getByTestId('stage-probability').fill('35');
  await second.getByTestId('stage-probability').press('Enter');
  await second.getByRole('button', { name: 'Move stage up: Needs analysis' }).focus();
  await page.keyboard.press('Enter');
  await savedAfter(page, (ws) => {
    const stages = ws.roadmaps[0].stages;
    return stages[0].name.en === 'Needs analysis' && stages[0].win_probability === 35;
  });
  await page.getByTestId('stage-editor').first().getByTestId('add-milestone').click();
  const rows = page.getByTestId('stage-editor').first().getByTestId('milestone-row');
  assert.equal(await rows.count(), 4);
  await rows.last().getByTestId('milestone-title').fill('Site survey');
  await rows.last().getByTestId('milestone-title').press('Tab');
  await savedAfter(page, (ws) => ws.roadmaps[0].stages[0].milestones[3]?.title === 'Site survey');
  await context.close();
});

test('deleting a stage that holds deals asks where they go and moves them', async () => {
  const { page, context } = await openDesigner('zh-CN');
  // "方案设计" (third stage) holds the sample 海川物流 and the lost sample 明德职业学院.
  await page.getByTestId('stage-editor').nth(2).getByTestId('stage-delete').click();
  const dialog = page.getByTestId('delete-stage-dialog');
  assert.match(await dialog.textContent(), /该阶段有 2 个商机/);
  await dialog.getByTestId('delete-stage-target').selectOption({ label: '方案提交' });
  await dialog.getByTestId('confirm-delete-stage').click();
  await page.getByTestId('notice').filter({ hasText: '阶段“方案设计”已删除' }).waitFor();
  await page.getByTestId('tab-board').click();
  const titles = await page.getByTestId('stage-column').locator('.column-title').allTextContents();
  assert.deepEqual(titles, ['潜在客户识别', '需求分析', '方案提交', '报价阶段', '合同签署']);
  assert.equal(await page.getByTestId('stage-column').nth(2).getByText('海川物流').count(), 1);
  await context.close();
});

test('a roadmap from a template becomes the board, and the chart downloads as SVG', async () => {
  const { page, context } = await openDesigner('en-US');
  await page.getByTestId('new-roadmap').selectOption('key-account');
  await page.getByTestId('notice').filter({ hasText: 'Roadmap “Key-account roadmap” created' }).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-svg').click()]);
  const svg = fs.readFileSync(await download.path(), 'utf8');
  assert.match(svg, /^<svg/);
  assert.match(svg, /Needs analysis/);
  assert.match(svg, /After-sales service/);
  await page.getByTestId('tab-board').click();
  assert.equal(await page.getByTestId('roadmap-name').textContent(), 'Roadmap: Key-account roadmap');
  assert.equal(await page.getByTestId('deal-card').count(), 0, 'the samples stay on their own roadmap');
  assert.equal(await page.getByTestId('stage-column').last().locator('.column-title').textContent(), 'After-sales service');
  await context.close();
});

test('stages and milestones reorder by dragging their handles in the list', async () => {
  const { page, context } = await openDesigner('en-US');
  // Tall enough that source and target are both on screen: a drag that scrolls midway is another test.
  await page.setViewportSize({ width: 1440, height: 2600 });
  const editors = page.getByTestId('stage-editor');
  await editors.nth(3).getByTestId('stage-handle').dragTo(editors.nth(0));
  await savedAfter(page, (ws) => ws.roadmaps[0].stages[0].name.en === 'Proposal submission');
  const rows = page.getByTestId('stage-editor').nth(1).getByTestId('milestone-row');
  const before = await rows.getByTestId('milestone-title').evaluateAll((inputs) => inputs.map((i) => i.value));
  await rows.nth(1).locator('.drag-handle').dragTo(rows.nth(0));
  await savedAfter(page, (ws, first) => ws.roadmaps[0].stages[1].milestones[0].title.en === first, before[1]);
  await context.close();
});

test('the timeline downloads as SVG with the deal\'s milestones', async () => {
  const { page, context } = await openApp(browser, server.url, { locale: 'zh-CN' });
  await page.getByTestId('deal-card').filter({ hasText: '盛和医疗' }).getByTestId('deal-open').click();
  await page.getByTestId('deal-timeline').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('timeline-svg').click()]);
  const svg = fs.readFileSync(await download.path(), 'utf8');
  assert.match(svg, /今天/);
  assert.match(svg, /向客户提交方案/);
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('timeline-png').click()]);
  assert.match(png.suggestedFilename(), /\.png$/);
  assert.deepEqual([...fs.readFileSync(await png.path()).subarray(1, 4)].map((b) => String.fromCharCode(b)).join(''), 'PNG');
  await context.close();
});
