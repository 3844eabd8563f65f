import { serveDist, launch } from '../tests/e2e/support.mjs';
const server = await serveDist();
const browser = await launch();
for (const [locale, w, h] of [['zh-CN', 1440, 900], ['en-US', 390, 844]]) {
  const ctx = await browser.newContext({ locale, viewport: { width: w, height: h } });
  const page = await ctx.newPage();
  await page.goto(server.url);
  await page.getByTestId('deal-card').first().waitFor();
  const html = await page.evaluate(() => {
    const app = document.querySelector('.app').cloneNode(true);
    app.querySelectorAll('.cards').forEach((c) => (c.innerHTML = ''));
    app.querySelectorAll('.notices, .notice').forEach((c) => c.remove());
    return app.outerHTML;
  });
  console.log(`==== ${locale} ${w}\n${html}\n`);
  await ctx.close();
}
await browser.close(); await server.close();
