// First paint (issue 19): index.html paints the app's chrome before the wasm arrives, in the
// language the app will open in, light or dark as the system asks, with this person's own
// stages on a return visit; the app takes it over without moving anything. A first visit's
// board needs no later part; a visit with a stored copy loads the codec part first; a dialog
// opened before its part has loaded is fetched before the rest of the later parts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serveDist, launch, delayParts } from './support.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Where the chrome sits: tabs, board head, filters, the first stage's heading and the second column. */
const LANDMARKS = ['tab-board', 'tab-learn', 'more-actions', 'new-deal', 'filter-text', 'filter-status'];
const geometry = (page, attribute) => page.evaluate(({ attribute, landmarks }) => {
  const box = (e) => {
    if (!e) return null;
    const r = e.getBoundingClientRect();
    return [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
  };
  const root = attribute === 'data-skeleton' ? document.querySelector('.skeleton:not([hidden])') : document.querySelector('.app:not(.skeleton)');
  const out = Object.fromEntries(landmarks.map((id) => [id, box(root.querySelector(`[${attribute}="${id}"]`))]));
  out.topbar = box(root.querySelector('.topbar'));
  out.boardHead = box(root.querySelector('.board-head'));
  out.firstColumnTitle = box(root.querySelector('.column-title'));
  out.secondColumn = box(root.querySelectorAll('.column')[1]);
  return out;
}, { attribute, landmarks: LANDMARKS });

/** A page whose wasm never arrives: what a phone shows while it downloads. */
async function skeletonOnly(context) {
  const page = await context.newPage();
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(server.url);
  await page.locator('.skeleton:not([hidden])').waitFor();
  return page;
}

for (const [width, height] of [[1440, 900], [390, 844]]) {
  for (const locale of ['zh-CN', 'en-US']) {
    test(`${width}×${height} ${locale}: the skeleton paints the app's chrome where the app puts it`, async () => {
      const options = { locale, viewport: { width, height }, isMobile: width < 500, hasTouch: width < 500 };
      const context = await browser.newContext(options);
      const early = await skeletonOnly(context);
      const lang = await early.evaluate(() => document.documentElement.lang);
      assert.equal(lang, locale === 'zh-CN' ? 'zh-CN' : 'en');
      assert.equal(await early.locator('.skeleton:not([hidden])').getAttribute('data-lang'), lang, 'one skeleton, in the language the app opens in');
      assert.equal(await early.locator('.skeleton:not([hidden]) .column-title').first().textContent(), locale === 'zh-CN' ? '潜在客户识别' : 'Prospect identification');
      const before = await geometry(early, 'data-skeleton');
      await early.close();

      const page = await context.newPage();
      await page.goto(server.url);
      await page.getByTestId('deal-card').first().waitFor();
      const after = await geometry(page, 'data-testid');
      assert.equal(await page.locator('.skeleton').count(), 0, 'the app removes the skeleton as it mounts');
      for (const [name, box] of Object.entries(before)) {
        assert.ok(box && after[name], `${name} is in both`);
        // The same place and size, within a pixel or two (text metrics may round differently).
        // A column grows as its cards come in: its height is content, not a jump.
        (name === 'secondColumn' ? box.slice(0, 3) : box).forEach((value, i) => assert.ok(Math.abs(value - after[name][i]) <= 2, `${name} moved: skeleton ${box}, app ${after[name]}`));
      }
      await context.close();
    });
  }
}

test('the page carries its own style sheet: nothing but the page stands between a first visit and its skeleton', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 } });
  const page = await skeletonOnly(context);
  const [sheets, display] = await page.evaluate(() => [
    performance.getEntriesByType('resource').filter((r) => /\.css(\?|$)/.test(r.name)).map((r) => r.name),
    getComputedStyle(document.querySelector('.skeleton:not([hidden]) .topbar')).display,
  ]);
  assert.deepEqual(sheets, [], 'no style sheet file fetched');
  assert.notEqual(display, 'block', 'the skeleton\'s top bar is laid out by the app\'s styles');
  await context.close();
});

test('dark mode is honoured before the wasm arrives, and the skeleton cannot be used', async () => {
  const context = await browser.newContext({ locale: 'en-US', colorScheme: 'dark', viewport: { width: 390, height: 844 } });
  const page = await skeletonOnly(context);
  const [background, pointer, hidden] = await page.evaluate(() => {
    const shell = document.querySelector('.skeleton:not([hidden])');
    return [getComputedStyle(document.body).backgroundColor, getComputedStyle(shell).pointerEvents, shell.getAttribute('aria-hidden')];
  });
  const [r, g, b] = background.match(/\d+/g).map(Number);
  assert.ok(r + g + b < 200, `a dark page, not ${background}`);
  assert.equal(pointer, 'none');
  assert.equal(hidden, 'true', 'screen readers wait for the app, not a copy of it');
  await context.close();
});

test('a returning person sees their own language and stages at once', async () => {
  // No service worker: it would serve the wasm past the test's block on the second visit.
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}#roadmap`);
  await page.getByTestId('roadmap-canvas').waitFor();
  await page.getByTestId('switch-lang').click();
  const first = page.getByTestId('stage-name').first();
  await first.fill('Qualified leads');
  await first.press('Tab');
  await page.waitForFunction(() => (localStorage.getItem('waypoint.shell') ?? '').includes('Qualified leads'));
  assert.deepEqual(errors, [], 'a browser that stubs service workers runs the app all the same');
  await page.close();

  const early = await skeletonOnly(context);
  assert.equal(await early.evaluate(() => document.documentElement.lang), 'en', 'the chosen language, not the browser\'s');
  const titles = await early.locator('.skeleton:not([hidden]) .column-title').allTextContents();
  assert.equal(titles[0], 'Qualified leads');
  assert.equal(titles.length, 6);
  assert.match(await early.locator('.skeleton:not([hidden]) .roadmap-name').textContent(), /^Roadmap: /);
  await context.close();
});

test('a first visit starts without the codec; a visit with a stored copy compiles it and one shared chunk at once', async () => {
  // The wasm files asked for before the board was usable.
  const wasmBeforeBoard = (page) => page.evaluate(() => {
    const interactive = performance.getEntriesByName('waypoint:interactive')[0].startTime;
    return performance.getEntriesByType('resource')
      .filter((r) => r.name.endsWith('.wasm') && r.startTime < interactive)
      .map((r) => new URL(r.name).pathname.split('/').pop().replace(/_\d+\.wasm$/, '').replace(/\.wasm$/, ''))
      .sort();
  });
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  await page.getByTestId('deal-card').first().waitFor();
  assert.deepEqual(await wasmBeforeBoard(page), ['waypoint_bg'], 'the samples are made, not read: no later part');
  // Saved once the codec has loaded after the first paint; an edit then is saved too.
  await page.waitForFunction(() => localStorage.getItem('waypoint.workspace.v1') !== null);
  await page.getByTestId('deal-card').filter({ hasText: 'Eastline Precision' }).getByTestId('move-forward').click();
  await page.getByTestId('stage-column').nth(1).getByText('Eastline Precision').waitFor();
  await page.waitForTimeout(400);

  await page.reload();
  await page.getByTestId('stage-column').nth(1).getByText('Eastline Precision').waitFor();
  const loaded = await wasmBeforeBoard(page);
  assert.ok(loaded.includes('split_codec'), `the codec loads before a stored copy is read: ${loaded}`);
  // Its code shared with other parts is one chunk (tools/wasm-split-gather.patch), not sixty,
  // fetched once: the module index.html started compiling is the one the app's loader uses.
  assert.equal(loaded.filter((name) => name.startsWith('chunk')).length, 1, `one shared chunk, fetched once: ${loaded}`);
  assert.equal(loaded.filter((name) => name === 'split_codec').length, 1, `the codec fetched once: ${loaded}`);
  // Both were asked for by index.html, beside the main wasm, before the app had started.
  const askedBeforeStart = await page.evaluate(() => {
    const wasmStart = performance.getEntriesByName('waypoint:wasm-start')[0].startTime;
    return performance.getEntriesByType('resource')
      .filter((r) => /\/(split_codec_\d+|chunk_\d+)\.wasm$/.test(r.name) && r.startTime < wasmStart).length;
  });
  assert.equal(askedBeforeStart, 2, 'the codec part and its chunk are asked for before the wasm starts');
  // The loader took both early compiles (tools/wasm-split-compile-early.patch) rather than its own.
  assert.deepEqual(await page.evaluate(() => self.__wasm_split_early && Object.keys(self.__wasm_split_early)), [],
    'index.html compiled the codec part and its chunk, and the loader took them');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a move and an export asked for before the codec has loaded are done once it has', async () => {
  // No service worker, so the page's own request for the codec can be held back here.
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 900 }, acceptDownloads: true, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/split_codec_*.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(server.url);
  const eastline = page.getByTestId('deal-card').filter({ hasText: 'Eastline Precision' });
  await eastline.getByTestId('move-forward').click();
  await page.getByTestId('stage-column').nth(1).getByText('Eastline Precision').waitFor();
  const download = page.waitForEvent('download');
  await page.getByTestId('export').click();
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => localStorage.getItem('waypoint.workspace.v1')), null, 'nothing is written without the codec');
  release();
  const file = JSON.parse(fs.readFileSync(await (await download).path(), 'utf8'));
  assert.equal(file.format, 'waypoint', 'the export waited for the codec, then was written');
  await page.waitForFunction(() => localStorage.getItem('waypoint.workspace.v1') !== null);
  await page.waitForTimeout(400);
  await page.reload();
  await page.getByTestId('stage-column').nth(1).getByText('Eastline Precision').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a dialog opened while the later parts still load comes first: the preloading waits for its part', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  // Help is one of the last parts the preloading fetches: opened at once, the person waits for it.
  const parts = await delayParts(page, 'split_help_dialog');
  await page.goto(server.url);
  await page.getByTestId('deal-card').first().waitFor();
  await page.getByTestId('more-actions').click();
  await page.getByTestId('help').click();
  await page.getByTestId('help-dialog').waitFor();
  assert.deepEqual(parts.meanwhile(), [], 'parts asked for while the help dialog waited for its own');
  await context.close();
});
