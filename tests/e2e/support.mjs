// Shared E2E helpers: serve dist/ under a sub-path and launch Debian's Chromium.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';

export const SUB_PATH = '/team/waypoint/';
const DIST = path.resolve(import.meta.dirname, '../../dist');
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves dist/ only below SUB_PATH, as a static host would; everything else is 404.
 * `extra` maps more URL prefixes to folders (the benchmark's baseline page). `cacheControl`
 * is sent with every file (GitHub Pages sends `max-age=600`); `requests` lists the paths asked for.
 */
export async function serveDist(extra = {}, { gzip = false, cacheControl = null } = {}) {
  const mounts = [[SUB_PATH, DIST], ...Object.entries(extra)];
  const gzipped = new Map();
  const requests = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    requests.push(url.pathname);
    if (cacheControl) res.setHeader('cache-control', cacheControl);
    const mount = mounts.find(([prefix]) => url.pathname.startsWith(prefix));
    if (!mount) { res.writeHead(404).end(); return; }
    const [prefix, root] = mount;
    let rel = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
    const file = path.join(root, path.normalize(rel));
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end(); return;
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    // As GitHub Pages does: text and wasm gzipped (at zlib's default level) for a browser that accepts it.
    if (gzip && !type.startsWith('image/png') && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      if (!gzipped.has(file)) gzipped.set(file, zlib.gzipSync(fs.readFileSync(file)));
      const body = gzipped.get(file);
      res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'content-length': body.length, vary: 'Accept-Encoding' });
      res.end(body);
      return;
    }
    res.writeHead(200, { 'content-type': type });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}${SUB_PATH}`;
  // Closing drops kept-alive connections too, so a test can take the host away ("offline").
  return { url, requests, close: () => new Promise((resolve) => { server.close(resolve); server.closeAllConnections(); }) };
}

const CHROMIUM = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic'],
};

export async function launch() {
  return chromium.launch(CHROMIUM);
}

/** A browser with a real profile in `dir` (not incognito), for what only such a profile does. */
export async function launchProfile(dir) {
  return chromium.launchPersistentContext(dir, CHROMIUM);
}

/** A fresh profile (context) with a page that fails the test on any page error. */
export async function openApp(browser, url, { locale = 'zh-CN' } = {}) {
  const context = await browser.newContext({ locale, acceptDownloads: true, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(url);
  await page.getByTestId('board').waitFor();
  return { context, page, errors };
}

/**
 * Makes every later part (`split_*.wasm`) answer `laterMs` late and the one whose name starts
 * with `waited` answer `waitedMs` late, so the background preloading is still going when a
 * test asks for that part. `meanwhile()` lists the later parts asked for while the waited-for
 * part was on its way (the codec, which loads first of all, aside).
 */
export async function delayParts(page, waited, { waitedMs = 1500, laterMs = 200 } = {}) {
  const asked = [];
  await page.route(/\/split_[^/]+\.wasm$/, async (route) => {
    const name = route.request().url().split('/').pop();
    const isWaited = name.startsWith(waited);
    asked.push({ name, waited: isWaited, at: Date.now() });
    await new Promise((resolve) => setTimeout(resolve, isWaited ? waitedMs : laterMs));
    await route.continue();
  });
  const meanwhile = () => {
    const first = asked.find((a) => a.waited);
    if (!first) throw new Error(`${waited} was never asked for`);
    return asked.filter((a) => !a.waited && !a.name.startsWith('split_codec') && a.at > first.at && a.at < first.at + waitedMs - 100)
      .map((a) => a.name);
  };
  return { meanwhile };
}

/**
 * One browser profile with two tabs of the app (they share localStorage and hear
 * each other's saves), the second opened once the first has saved.
 */
export async function openTwoTabs(browser, url, { locale = 'en-US' } = {}) {
  const context = await browser.newContext({ locale, viewport: { width: 1440, height: 900 } });
  const errors = [];
  const open = async () => {
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e));
    await page.goto(url);
    await page.getByTestId('board').waitFor();
    return page;
  };
  const a = await open();
  await a.waitForTimeout(400);
  const b = await open();
  return { context, a, b, errors };
}

export const STORE_KEY = 'waypoint.workspace.v1';

/**
 * Reads a stored copy the way the app does: plain JSON, or the packed form
 * ("wp1z:{bytes}:" then 15 bits per character, offset 0x20, of raw deflate).
 */
export function decodeStored(text) {
  const packed = /^wp1z:(\d+):/.exec(text);
  if (!packed) return JSON.parse(text);
  const length = Number(packed[1]);
  const bytes = Buffer.alloc(length);
  let acc = 0, held = 0, n = 0;
  for (const ch of text.slice(packed[0].length)) {
    acc = ((acc << 15) | (ch.codePointAt(0) - 0x20)) >>> 0;
    held += 15;
    while (held >= 8 && n < length) { held -= 8; bytes[n++] = (acc >>> held) & 0xff; }
    acc &= (1 << held) - 1;
  }
  return JSON.parse(zlib.inflateRawSync(bytes).toString('utf8'));
}

/** The text under `key` in `page`'s localStorage. */
export async function readKey(page, key) {
  return page.evaluate((k) => localStorage.getItem(k), key);
}

/** Waits for a first visit's first save: its samples are saved once the codec has loaded, a
 *  moment after its board (a test that writes the stored copy itself waits for this first). */
export async function firstSave(page, key = STORE_KEY) {
  await page.waitForFunction((k) => localStorage.getItem(k) !== null, key);
}

/** The stored document (envelope) of `page`'s origin, once there is one (`firstSave`). */
export async function readStored(page, key = STORE_KEY) {
  await firstSave(page, key);
  return decodeStored(await page.evaluate((k) => localStorage.getItem(k), key));
}

/** Waits until `predicate(stored document)` holds, polling as a saved change lands. */
export async function waitForStored(page, predicate, timeout = 5000) {
  const end = Date.now() + timeout;
  for (;;) {
    const text = await page.evaluate((k) => localStorage.getItem(k), STORE_KEY);
    if (text && predicate(decodeStored(text))) return;
    if (Date.now() > end) throw new Error(`the stored copy did not reach the expected state in ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The stored workspace of `page` with `copies` more copies of each deal `pick`
 * chooses, as file text: a large pipeline without a generator. Copies are the
 * user's own (not samples) and carry no activities or feedback (whose ids must
 * stay unique); `customer(i, deal)` names them when given.
 */
export async function withCopies(page, copies, pick, customer) {
  const doc = await readStored(page);
  const models = pick(doc.workspace);
  for (let i = 0; i < copies; i++) {
    for (const model of models) {
      const copy = { ...model, id: `${model.id}-copy${i}`, sample: false, activities: [], feedback: [] };
      if (customer) copy.customer = customer(i, model);
      doc.workspace.deals.push(copy);
    }
  }
  return JSON.stringify(doc);
}

/**
 * Makes the first visit's sample deals the person's own (by importing them as such),
 * for tests that use them as a pipeline to export, share or merge: samples never travel.
 */
export async function ownDeals(page) {
  const doc = await readStored(page);
  for (const deal of doc.workspace.deals) deal.sample = false;
  await importText(page, JSON.stringify(doc));
  await page.getByTestId('notice').filter({ hasText: /Imported|已导入/ }).waitFor();
}

/** Picks `text` as a JSON file in the header's Import (or, with `testid`, Merge) input. */
export function importText(page, text, testid = 'import-file') {
  return page.getByTestId(testid).setInputFiles({ name: 'workspace.json', mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** The board card of the deal with this customer. */
export const card = (page, customer) => page.getByTestId('deal-card').filter({ hasText: customer });

/** The customers on the board's cards, in board order. */
export const customers = (page) => page.getByTestId('deal-card').locator('.card-customer').allTextContents();

/** Adds a deal through the new-deal dialog and waits for its card. */
export async function addDeal(page, customer, value = '50,000') {
  await page.getByTestId('new-deal').click();
  await page.getByTestId('field-customer').fill(customer);
  await page.getByTestId('field-title').fill(`${customer} 项目`);
  await page.getByTestId('field-value').fill(value);
  await page.getByTestId('save-deal').click();
  await card(page, customer).waitFor();
}
