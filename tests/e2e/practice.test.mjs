// Practice scenarios open in a sandbox: whatever happens there, the person's own
// workspace is exactly as it was, in the page and in storage.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp } from './support.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const storedWorkspace = (page) => page.evaluate(() => JSON.stringify(JSON.parse(localStorage.getItem('waypoint.workspace.v1')).workspace));
const customers = (page) => page.getByTestId('deal-card').locator('.card-customer').allTextContents();

test('a scenario session leaves the own workspace untouched', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'zh-CN' });
  page.on('dialog', (d) => d.accept());
  await page.getByTestId('deal-card').filter({ hasText: '海川物流' }).getByTestId('move-forward').click();
  await page.waitForTimeout(400);
  const before = await storedWorkspace(page);
  const ownCards = await customers(page);

  await page.getByTestId('practice').selectOption('equipment-project');
  const banner = page.getByTestId('sandbox-banner');
  await banner.waitFor();
  assert.match(await banner.textContent(), /练习模式：恒力机械：设备项目销售/);
  assert.ok((await customers(page)).includes('光明家电'), 'the scenario is on the board');
  // Work in the scenario: move a deal, add one, delete the samples' equivalents.
  await page.getByTestId('deal-card').filter({ hasText: '江南汽车零部件' }).getByTestId('move-forward').click();
  await page.getByTestId('new-deal').click();
  await page.getByTestId('field-customer').fill('练习客户');
  await page.getByTestId('field-title').fill('练习商机');
  await page.getByTestId('field-value').fill('5000');
  await page.getByTestId('save-deal').click();
  await page.waitForTimeout(400);
  assert.equal(await storedWorkspace(page), before, 'nothing reached storage');

  await page.getByTestId('reset-scenario').click();
  assert.ok(!(await customers(page)).includes('练习客户'), 'reset gives the scenario back as it started');
  assert.equal(await page.getByTestId('stage-column').first().getByText('江南汽车零部件').count(), 1);

  await page.getByTestId('leave-sandbox').click();
  await banner.waitFor({ state: 'detached' });
  assert.deepEqual(await customers(page), ownCards);
  await page.waitForTimeout(400);
  assert.equal(await storedWorkspace(page), before);
  await page.reload();
  await page.getByTestId('board').waitFor();
  assert.deepEqual(await customers(page), ownCards);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a reload during practice comes back to the own workspace', async () => {
  const { page, context } = await openApp(browser, server.url, { locale: 'en-US' });
  const ownCards = await customers(page);
  await page.getByTestId('practice').selectOption('saas-launch');
  await page.getByTestId('sandbox-banner').waitFor();
  await page.getByTestId('deal-card').filter({ hasText: 'Orange Education' }).getByTestId('move-forward').click();
  await page.reload();
  await page.getByTestId('board').waitFor();
  assert.equal(await page.getByTestId('sandbox-banner').count(), 0);
  assert.deepEqual(await customers(page), ownCards);
  await context.close();
});
