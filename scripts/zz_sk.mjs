import { serveDist, launch } from '../tests/e2e/support.mjs';
const server = await serveDist();
const browser = await launch();
for (const [locale, w, h, scheme] of [['zh-CN', 1440, 900, 'light'], ['en-US', 390, 844, 'dark'], ['zh-CN', 390, 844, 'light']]) {
  const ctx = await browser.newContext({ locale, viewport: { width: w, height: h }, colorScheme: scheme });
  const page = await ctx.newPage();
  await page.route('**/*.wasm', (r) => r.abort());
  await page.goto(server.url);
  await page.waitForTimeout(500);
  await page.screenshot({ path: `/tmp/sk-${locale}-${w}-${scheme}.png` });
  await ctx.close();
  const ctx2 = await browser.newContext({ locale, viewport: { width: w, height: h }, colorScheme: scheme });
  const p2 = await ctx2.newPage();
  await p2.goto(server.url);
  await p2.getByTestId('deal-card').first().waitFor();
  await p2.screenshot({ path: `/tmp/app-${locale}-${w}-${scheme}.png` });
  await ctx2.close();
}
await browser.close(); await server.close();
