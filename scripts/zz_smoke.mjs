import { serveDist, launch } from '../tests/e2e/support.mjs';
const server = await serveDist();
const browser = await launch();
const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
const page = await ctx.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push('console: ' + m.text()); });
const wasm = [];
page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url().split('/').pop()); });
await page.goto(server.url);
await page.getByTestId('deal-card').first().waitFor();
console.log('board up; wasm so far', wasm.length);
for (const [tab, ready] of [['analytics', 'funnel-canvas'], ['roadmap', 'roadmap-canvas'], ['learn', null], ['agenda', null], ['board', 'deal-card']]) {
  await page.getByTestId(`tab-${tab}`).click();
  if (ready) await page.getByTestId(ready).first().waitFor({ timeout: 10000 });
  await page.waitForTimeout(500);
  console.log(tab, 'wasm so far', wasm.length);
}
await page.getByTestId('help').click(); await page.waitForTimeout(500);
await page.screenshot({ path: '/tmp/smoke-help.png' });
console.log('errors', errors);
await browser.close(); await server.close();
