// Screenshots for the README, in both languages: `node scripts/screenshot.mjs [outdir]`.
import { serveDist, launch, openApp } from '../tests/e2e/support.mjs';

const out = process.argv[2] ?? 'docs';
const server = await serveDist();
const browser = await launch();
for (const locale of ['zh-CN', 'en-US']) {
  const { page, context } = await openApp(browser, server.url, { locale });
  await page.screenshot({ path: `${out}/board-${locale}.png` });
  await page.getByTestId('deal-open').nth(3).click();
  await page.getByTestId('deal-timeline').waitFor();
  await page.waitForTimeout(200);
  await page.getByTestId('deal-timeline').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/deal-plan-${locale}.png` });
  await page.getByTestId('cancel-deal').click();
  await page.getByTestId('tab-roadmap').click();
  await page.getByTestId('roadmap-canvas').waitFor();
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${out}/roadmap-${locale}.png` });
  await page.getByTestId('tab-analytics').click();
  await page.getByTestId('analytics-period').selectOption('all');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/analytics-${locale}.png` });
  await context.close();
}
// Dark mode and sharing a scenario by link and QR code.
{
  const context = await browser.newContext({ locale: 'zh-CN', colorScheme: 'dark', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByTestId('board').waitFor();
  await page.getByTestId('practice').selectOption('saas-launch');
  await page.getByTestId('share').click();
  await page.getByTestId('share-qr').waitFor();
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${out}/share-dark-zh-CN.png` });
  await context.close();
}
// Working as a team: the team list, and a team file a colleague has just written to.
// The synced folder is the origin-private file system, the pickers pointed at it.
for (const locale of ['zh-CN', 'en-US']) {
  const context = await browser.newContext({ locale, viewport: { width: 1440, height: 900 } });
  await context.addInitScript(() => {
    const file = async () => (await navigator.storage.getDirectory()).getFileHandle('waypoint-team.json', { create: true });
    window.showOpenFilePicker = async () => [await file()];
    window.showSaveFilePicker = file;
  });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByTestId('board').waitFor();
  await page.getByTestId('open-team').click();
  const zh = locale === 'zh-CN';
  const mate = zh ? '李娜' : 'Li Na';
  for (const name of [zh ? '陈静' : 'Chen Jing']) {
    await page.getByTestId('team-new-name').fill(name);
    await page.getByTestId('team-add').click();
  }
  await page.getByTestId('team-file-create').click();
  await page.getByTestId('team-file-status').filter({ hasText: /已同步|Synced/ }).waitFor();
  // Li Na's planner adds two deals to the file.
  const added = zh ? [['海川物流', '仓储系统升级'], ['启明精密机械', '质检平台']] : [['Harbour Logistics', 'Warehouse upgrade'], ['Polar Precision', 'Quality platform']];
  await page.evaluate(async ({ mate, added }) => {
    const handle = await (await navigator.storage.getDirectory()).getFileHandle('waypoint-team.json');
    const doc = JSON.parse(await (await handle.getFile()).text());
    const roadmap = doc.workspace.roadmaps[0];
    const now = Date.now();
    added.forEach(([customer, title], i) => {
      const stage = roadmap.stages[i + 1].id;
      doc.workspace.deals.push({
        id: `lina-${i}`, customer, title, value_minor: 36000000 * (i + 1), currency: doc.workspace.default_currency,
        owner: mate, roadmap_id: roadmap.id, stage_id: stage, status: 'open', created_at: now, updated_at: now,
        updated_by: mate, stage_history: [{ stage_id: stage, entered_at: now }], milestones: [],
      });
    });
    const writable = await handle.createWritable();
    await writable.write(JSON.stringify(doc));
    await writable.close();
  }, { mate, added });
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await page.getByTestId('team-file-chip').filter({ hasText: mate }).waitFor();
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${out}/team-${locale}.png` });
  await context.close();
}
// A phone (390×844): the board, a deal's plan, a learn step.
{
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByTestId('board').waitFor();
  await page.screenshot({ path: `${out}/phone-board-zh-CN.png` });
  await page.getByTestId('deal-open').nth(2).tap();
  await page.getByTestId('deal-timeline').waitFor();
  await page.locator('.plan-list').evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await page.getByTestId('deal-timeline').evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${out}/phone-deal-zh-CN.png` });
  await page.keyboard.press('Escape');
  await page.getByTestId('tab-learn').tap();
  await page.getByTestId('lesson').waitFor();
  await page.getByTestId('lesson').evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${out}/phone-learn-zh-CN.png` });
  await context.close();
}
await browser.close();
await server.close();
