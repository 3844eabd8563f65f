// Two tabs of one browser on one workspace: undo, simultaneous creates and an
// import inside the save window, as a person would do them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, readStored, importText, openTwoTabs } from './support.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function createDeal(page, customer) {
  await page.getByTestId('new-deal').click();
  await page.getByTestId('field-customer').fill(customer);
  await page.getByTestId('field-title').fill('Pilot');
  await page.getByTestId('field-value').fill('100');
  await page.getByTestId('save-deal').click();
  await page.getByTestId('deal-card').filter({ hasText: customer }).waitFor();
}

const shown = async (page) => (await page.getByTestId('deal-card').locator('.card-customer').allTextContents()).sort();
const storedCustomers = async (page) => (await readStored(page)).workspace.deals.map((d) => d.customer).sort();
const stageOf = async (page, customer) => {
  const ws = (await readStored(page)).workspace;
  const deal = ws.deals.find((d) => d.customer === customer);
  return ws.roadmaps[0].stages.findIndex((s) => s.id === deal.stage_id);
};

test("A creates, B creates, A undoes: A's deal goes, B's stays, in both tabs and after a reload", async () => {
  const { context, a, b, errors } = await openTwoTabs(browser, server.url);
  await createDeal(a, 'Deal from A');
  await a.waitForTimeout(400);
  await createDeal(b, 'Deal from B');
  await a.keyboard.press('Control+z');
  await a.getByTestId('notice').filter({ hasText: 'Undone' }).waitFor();
  await a.waitForTimeout(800);
  for (const page of [a, b]) {
    const names = await shown(page);
    assert.ok(!names.includes('Deal from A'), "A's deal is gone");
    assert.ok(names.includes('Deal from B'), "B's deal stays");
  }
  await a.reload();
  await a.getByTestId('board').waitFor();
  assert.ok((await shown(a)).includes('Deal from B'));
  assert.ok(!(await shown(a)).includes('Deal from A'));
  assert.deepEqual(await shown(a), await shown(b));
  assert.deepEqual(errors, []);
  await context.close();
});

test("A moves a card, B moves another and A undoes 50 ms later: B's move survives a reload", async () => {
  const { context, a, b, errors } = await openTwoTabs(browser, server.url);
  const forward = (page, customer) => page.getByTestId('deal-card').filter({ hasText: customer }).getByTestId('move-forward').click();
  await forward(a, 'Eastline Precision');
  await a.waitForTimeout(400);
  await forward(b, 'Harbor River Logistics');
  await b.waitForTimeout(50);
  await a.keyboard.press('Control+z');
  await a.waitForTimeout(1000);
  await a.reload();
  await a.getByTestId('board').waitFor();
  assert.equal(await stageOf(a, 'Harbor River Logistics'), 3, "B's move is kept");
  assert.equal(await stageOf(a, 'Eastline Precision'), 0, "A's move is undone");
  // After taking in B's save, A can still undo (here: redo its undo) and is told what happened.
  await b.keyboard.press('Control+z');
  await b.getByTestId('notice').filter({ hasText: 'Undone' }).waitFor();
  await b.waitForTimeout(800);
  assert.equal(await stageOf(b, 'Harbor River Logistics'), 2);
  assert.deepEqual(errors, []);
  await context.close();
});

test('A and B create within 100 ms: both deals are kept', async () => {
  const { context, a, b, errors } = await openTwoTabs(browser, server.url);
  const fill = async (page, customer) => {
    await page.getByTestId('new-deal').click();
    await page.getByTestId('field-customer').fill(customer);
    await page.getByTestId('field-title').fill('Pilot');
    await page.getByTestId('field-value').fill('100');
  };
  await fill(a, 'Quick A');
  await fill(b, 'Quick B');
  await Promise.all([a.getByTestId('save-deal').click(), b.getByTestId('save-deal').click()]);
  await a.waitForTimeout(1200);
  const names = await storedCustomers(a);
  assert.ok(names.includes('Quick A') && names.includes('Quick B'), names.join(', '));
  assert.deepEqual(await shown(a), await shown(b));
  assert.deepEqual(errors, []);
  await context.close();
});

test("A imports a file while B's change is unsaved: B's change survives", async () => {
  const { context, a, b, errors } = await openTwoTabs(browser, server.url);
  const file = await readStored(a);
  file.workspace.deals.push({ ...file.workspace.deals[0], id: 'file-1', customer: 'From the file', sample: false, activities: [], feedback: [] });
  await createDeal(b, 'Unsaved in B');
  await importText(a, JSON.stringify(file));
  await a.getByTestId('deal-card').filter({ hasText: 'From the file' }).waitFor();
  await a.waitForTimeout(1200);
  for (const page of [a, b]) {
    const names = await shown(page);
    assert.ok(names.includes('From the file') && names.includes('Unsaved in B'), names.join(', '));
  }
  const stored = await storedCustomers(a);
  assert.ok(stored.includes('From the file') && stored.includes('Unsaved in B'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('nothing to undo is said, not silent', async () => {
  const { context, a } = await openTwoTabs(browser, server.url);
  await a.keyboard.press('Control+z');
  await a.getByTestId('notice').filter({ hasText: 'There is nothing to undo.' }).waitFor();
  await context.close();
});
