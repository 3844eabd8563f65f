// Offline and installable: after one visit the app opens with the host gone; a new
// deployment is announced and taken on reload; Chromium finds nothing missing to install it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDist, launch, launchProfile, openApp } from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Waits until the service worker controls the page (the first visit ends with it in charge). */
const controlled = (page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null);

test('after one visit the planner opens, with its data, with no network at all', async () => {
  const server = await serveDist();
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'en-US' });
  await controlled(page);
  await page.getByTestId('deal-card').filter({ hasText: 'Eastline Precision' }).getByTestId('move-forward').click();
  await page.getByTestId('stage-column').nth(1).getByText('Eastline Precision').waitFor();
  await page.waitForTimeout(400);
  await server.close();

  await page.reload();
  await page.getByTestId('board').waitFor();
  await page.getByTestId('stage-column').nth(1).getByText('Eastline Precision').waitFor();
  // A second tab, opened from the address bar, and a screen reached by its hash.
  const other = await context.newPage();
  await other.goto(`${server.url}#analytics`);
  await other.getByTestId('analytics-period').waitFor();
  // Other pages in the host folder are not the app: they are left to the (absent) network.
  await assert.rejects(other.goto(`${server.url}notes/readme.html`));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a first visit downloads each file of the build once, its offline copy included', async () => {
  // As GitHub Pages serves it: any file may be kept for ten minutes.
  const server = await serveDist({}, { cacheControl: 'max-age=600' });
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'en-US' });
  await controlled(page);
  // Once the board is up the later parts load one after another: wait until the host hears nothing more.
  let heard = -1;
  while (heard !== server.requests.length) {
    heard = server.requests.length;
    await page.waitForTimeout(1500);
  }
  // The files named by their content: the wasm folder (the style sheet is in index.html).
  const named = server.requests.filter((p) => /\/pkg-[0-9a-f]{16}\//.test(p));
  assert.ok(named.length > 100, `the service worker copied the build (${named.length} of its files asked for)`);
  const twice = [...new Set(named)].filter((p) => named.indexOf(p) !== named.lastIndexOf(p));
  assert.deepEqual(twice, [], 'fetched by the page and again by the service worker');
  // The worker is registered once the page has fetched its later parts, so its install (every
  // file of the build) does not share the network with them or with a part someone opens.
  const pageParts = await page.evaluate(() => performance.getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname).filter((p) => /\/(split|chunk)_[^/]+\.wasm$/.test(p)));
  assert.ok(pageParts.length > 10, `the page preloaded its later parts (${pageParts.length})`);
  const registered = server.requests.indexOf(server.requests.find((p) => p.endsWith('/sw.js')));
  assert.ok(registered > 0, 'the service worker was asked for');
  const late = pageParts.filter((p) => server.requests.indexOf(p) > registered);
  assert.deepEqual(late, [], 'parts the page fetched after the service worker began its install');
  // The copy is whole: with the host gone the planner still opens.
  await server.close();
  await page.reload();
  await page.getByTestId('deal-card').first().waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a new deployment is announced; reloading takes it and drops the old cache', async () => {
  // A copy of dist/ that can be "redeployed" while the page is open.
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'waypoint-deploy-'));
  fs.cpSync(path.resolve(import.meta.dirname, '../../dist'), copy, { recursive: true });
  const server = await serveDist({ '/deployed/': copy });
  const url = server.url.replace('/team/waypoint/', '/deployed/');
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId('board').waitFor();
  await controlled(page);
  const cachesBefore = await page.evaluate(() => caches.keys());
  assert.equal(cachesBefore.length, 1);
  assert.equal(await page.getByTestId('update-ready').count(), 0, 'the first install is not an update');

  const sw = path.join(copy, 'sw.js');
  fs.writeFileSync(sw, fs.readFileSync(sw, 'utf8').replace(/const VERSION = "([0-9a-f]+)"/, 'const VERSION = "$1-next"'));
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  const banner = page.getByTestId('update-ready');
  await banner.waitFor();
  assert.match(await banner.textContent(), /new version/);

  await Promise.all([page.waitForEvent('load'), page.getByTestId('reload-update').click()]);
  await page.getByTestId('board').waitFor();
  await page.waitForFunction(async () => (await caches.keys()).every((name) => name.endsWith('-next')));
  assert.equal(await page.getByTestId('update-ready').count(), 0);
  await context.close();
  await server.close();
  fs.rmSync(copy, { recursive: true, force: true });
});

test('the manifest and icons make it installable, in Chromium’s own judgement', async () => {
  // A real (persistent) profile: Chromium never offers to install from an incognito one.
  const server = await serveDist();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'waypoint-profile-'));
  const context = await launchProfile(profile);
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByTestId('board').waitFor();
    await controlled(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.deepEqual(manifest.errors, []);
    const parsed = JSON.parse(manifest.data);
    assert.equal(parsed.short_name, 'Waypoint');
    assert.ok(parsed.icons.some((icon) => icon.sizes === '512x512' && icon.purpose === 'maskable'));
    for (const icon of parsed.icons) {
      const response = await page.request.get(new URL(icon.src, manifest.url).href);
      assert.equal(response.status(), 200, icon.src);
    }
  } finally {
    await context.close();
    await server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});
