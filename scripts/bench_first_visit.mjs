// The first visit on a phone, as `make bench` measures it: a cold profile (no cache, no
// service worker) opens the release build through a gzip-serving static server, under
// Lighthouse's Slow 4G profile (150 ms round trip, 1.6 Mbps down, 750 kbps up, CPU 4×
// slower) at 390×844. Reports when the first content painted, when the board's cards were
// on screen and usable, and what was fetched before that (gzip as served; brotli of the
// same files, for hosts that serve it).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { serveDist } from '../tests/e2e/support.mjs';

const DIST = path.resolve(import.meta.dirname, '..', 'dist');
const VISITS = 3;
/** Lighthouse's mobile throttling, in the units the DevTools protocol takes. */
export const SLOW_4G = { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8, cpuSlowdown: 4 };

/** Runs in the page before anything else: notes when the first card is in the document. */
const WATCH_CARDS = () => {
  const observer = new MutationObserver(() => {
    if (document.querySelector('[data-testid=deal-card]')) {
      performance.mark('bench:first-card');
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One cold visit; resolves with its figures. */
async function coldVisit(browser, url) {
  const context = await browser.newContext({
    locale: 'zh-CN', viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true,
  });
  await context.addInitScript(WATCH_CARDS);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const { cpuSlowdown, ...network } = SLOW_4G;
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...network });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url, { waitUntil: 'commit' });
  await page.getByTestId('deal-card').first().waitFor({ timeout: 60000 });
  // Usable: the app has attached its handlers (it marks that right after mounting).
  await page.waitForFunction(() => performance.getEntriesByName('waypoint:interactive').length > 0, null, { timeout: 60000 });
  const figures = await page.evaluate(() => {
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    const interactive = Math.max(at('waypoint:interactive'), at('bench:first-card'));
    const navigation = performance.getEntriesByType('navigation')[0];
    const fetched = performance.getEntriesByType('resource').filter((r) => r.responseEnd <= interactive);
    const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('_bg.wasm'));
    return {
      wasmArrived: wasm?.responseEnd ?? NaN,
      firstPaint: at('first-contentful-paint'),
      interactive,
      files: [{ url: navigation.name, bytes: navigation.transferSize }, ...fetched.map((r) => ({ url: r.name, bytes: r.transferSize }))],
    };
  });
  await context.close();
  if (errors.length) throw new Error(`page errors on a cold visit: ${errors.join('; ')}`);
  return figures;
}

/** The file of dist/ a URL under the server's sub-path names. */
function distFile(url, base) {
  const rel = decodeURIComponent(new URL(url).pathname.slice(new URL(base).pathname.length)) || 'index.html';
  return path.join(DIST, rel);
}

/** The cold-visit figures, each the median of several visits. */
export async function firstVisit(browser) {
  const server = await serveDist({}, { gzip: true });
  try {
    const visits = [];
    for (let i = 0; i < VISITS; i++) visits.push(await coldVisit(browser, server.url));
    const files = visits.at(-1).files;
    const brotli = files.reduce((sum, f) => {
      const file = distFile(f.url, server.url);
      const text = fs.existsSync(file) ? fs.readFileSync(file) : Buffer.alloc(0);
      return sum + zlib.brotliCompressSync(text, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    }, 0);
    return {
      slow4g_first_paint_ms: median(visits.map((v) => v.firstPaint)),
      slow4g_interactive_ms: median(visits.map((v) => v.interactive)),
      // When the main wasm had arrived: the rest of the wait is compiling and starting the app.
      slow4g_wasm_arrived_ms: median(visits.map((v) => v.wasmArrived)),
      first_visit_gzip_kb: files.reduce((sum, f) => sum + f.bytes, 0) / 1024,
      first_visit_brotli_kb: brotli / 1024,
      first_visit_files: files.map((f) => path.basename(new URL(f.url).pathname) || 'index.html').join(' '),
    };
  } finally {
    await server.close();
  }
}
