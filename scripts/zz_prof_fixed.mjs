import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch } from '../tests/e2e/support.mjs';
const ROOT = path.resolve(import.meta.dirname, '..');
const text = fs.readFileSync(path.join(ROOT, 'target/bench/workspace-1000-seed7-v2.json'), 'utf8');
const workspace = JSON.parse(text).workspace;
const open = workspace.deals.filter((d) => d.status === 'open').length;
const server = await serveDist({});
const browser = await launch();
const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
const page = await context.newPage();
await page.goto(server.url);
await page.getByTestId('board').waitFor();
await page.evaluate(async (text) => {
  const input = document.querySelector('[data-testid=import-file]');
  const t = new DataTransfer(); t.items.add(new File([text], 'b.json', { type: 'application/json' })); input.files = t.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}, text);
await page.waitForFunction((n) => document.querySelectorAll('[data-testid=deal-card]').length >= n, open);
await page.waitForTimeout(1500);
if (process.argv[2] === 'empty') { await page.getByTestId('filter-text').fill('zzzzqqq'); await page.waitForTimeout(300); }
const n = process.argv[2] === 'empty' ? 0 : open;
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
const profiles = [];
for (let i = 0; i < 8; i++) {
  await page.getByTestId('tab-learn').click();
  await page.getByTestId('board').waitFor({ state: 'detached' });
  await page.waitForTimeout(200);
  await cdp.send('Profiler.start');
  await page.evaluate(async (n) => {
    const ch = new MessageChannel();
    document.querySelector('[data-testid=tab-board]').click();
    for (let i = 0; i < 20; i++) await Promise.resolve();
    while (!(document.querySelector('[data-testid=board]') && document.querySelectorAll('[data-testid=deal-card]').length >= n)) await new Promise((r) => { ch.port1.onmessage = r; ch.port2.postMessage(0); });
    void document.body.offsetHeight;
  }, n);
  const { profile } = await cdp.send('Profiler.stop');
  if (i > 0) profiles.push(profile);
}
fs.writeFileSync('/tmp/zz/render-profs.json', JSON.stringify(profiles));
await context.close(); await server.close(); await browser.close();
