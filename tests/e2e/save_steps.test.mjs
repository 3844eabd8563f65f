// A large workspace is saved in short steps between frames. A change that comes
// in while a save is being packed must not be lost, and leaving the page mid-save
// or hiding the tab mid-save must still save everything at once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp, readStored, waitForStored, withCopies, importText } from './support.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const BULK = 3000;

/** The sample workspace with BULK more open deals (about 3 MB of JSON: a dozen save steps). */
function bigFile(page) {
  return withCopies(page, BULK, (ws) => [ws.deals.find((d) => d.status === 'open')], (i) => `Big customer ${i}`);
}

/**
 * In the page: when the next save starts, runs `action` (by name) while it is
 * still being packed, and reports whether the save had indeed not finished.
 */
function whenNextSaveStarts(page, action) {
  return page.evaluate((action) => {
    performance.clearMeasures('waypoint:save');
    window.__midSave = new Promise((resolve) => {
      new PerformanceObserver((list, observer) => {
        if (!list.getEntries().some((e) => e.name === 'waypoint:save-start')) return;
        observer.disconnect();
        const unfinished = performance.getEntriesByName('waypoint:save').length === 0;
        const revision = () => Number(localStorage.getItem('waypoint.revision'));
        const before = revision();
        if (action === 'move') {
          document.querySelector('[data-testid=stage-column]:nth-child(2) [data-testid=move-back]').click();
        } else if (action === 'hide') {
          // Another tab comes to the front: this one is hidden (and its timers slowed).
          Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
          Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
          document.dispatchEvent(new Event('visibilitychange'));
        } else {
          window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
        }
        resolve({ unfinished, before, after: revision() });
      }).observe({ type: 'mark' });
    });
  }, action);
}

test('a change made while a large save is packed is saved too', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'en-US' });
  const file = await bigFile(page);
  const moved = await page.getByTestId('stage-column').nth(1).getByTestId('deal-card').first().getAttribute('data-deal-id');
  const first = await page.evaluate(() => document.querySelector('[data-testid=stage-column] h3').id.replace('stage-', ''));
  await whenNextSaveStarts(page, 'move');
  await importText(page, file);
  const mid = await page.evaluate(() => window.__midSave);
  assert.ok(mid.unfinished, 'the move came in while the save was still being packed');
  assert.equal(mid.after, mid.before, 'nothing was written yet');
  // The dropped save is followed by one of the newer state: the import and the move.
  await waitForStored(page, (doc) => doc.workspace.deals.length > BULK
    && doc.workspace.deals.find((d) => d.id === moved)?.stage_id === first, 15000);
  await page.reload();
  await page.getByTestId('board').waitFor();
  assert.equal(await page.getByTestId('stage-column').first().locator(`[data-deal-id="${moved}"]`).count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [how, action] of [['leaving the page', 'leave'], ['hiding the tab', 'hide']]) test(`${how} while a large save is packed saves at once`, async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'en-US' });
  const file = await bigFile(page);
  await whenNextSaveStarts(page, action);
  await importText(page, file);
  const mid = await page.evaluate(() => window.__midSave);
  assert.ok(mid.unfinished, `${how} happened while the save was still being packed`);
  assert.equal(mid.after, mid.before + 1, 'the copy was written before the event returned');
  const doc = await readStored(page);
  assert.equal(doc.workspace.deals.filter((d) => d.customer.startsWith('Big customer')).length, BULK);
  assert.deepEqual(errors, []);
  await context.close();
});
