import { serveDist, launch } from '../tests/e2e/support.mjs';
const browser = await launch();
const server = await serveDist({});
for (const [w, h, locale] of [[1440, 900, 'zh-CN'], [390, 844, 'en-US'], [390, 844, 'zh-CN'], [1440, 900, 'en-US']]) {
  const context = await browser.newContext({ locale, viewport: { width: w, height: h }, isMobile: w < 500, hasTouch: w < 500 });
  const page = await context.newPage();
  page.on('pageerror', e => console.log('ERR', e.message));
  await page.goto(server.url);
  await page.getByTestId('deal-card').first().waitFor();
  const tag = `${w}-${locale}`;
  await page.screenshot({ path: `/tmp/shots/f-board-${tag}.png` });
  await page.getByTestId('deal-card').nth(2).locator('[data-testid=deal-open], .card-open').first().click().catch(async () => { await page.getByTestId('deal-open').nth(2).click(); });
  await page.getByTestId('deal-ics').waitFor();
  await page.screenshot({ path: `/tmp/shots/f-deal-${tag}.png` });
  await page.getByTestId('cancel-deal').click();
  await page.getByTestId('tab-agenda').click();
  await page.getByTestId('agenda-owner').selectOption({ index: 1 });
  await page.getByTestId('agenda-ics').waitFor();
  await page.screenshot({ path: `/tmp/shots/f-agenda-${tag}.png` });
  await page.getByTestId('tab-learn').click();
  await page.getByTestId('learn-step').first().waitFor();
  await page.screenshot({ path: `/tmp/shots/f-learn-${tag}.png` });
  await context.close();
}
await server.close(); await browser.close();
