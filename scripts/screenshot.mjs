// Screenshots for the README, in both languages: `node scripts/screenshot.mjs [outdir]`.
import { serveDist, launch, openApp } from '../tests/e2e/support.mjs';

const out = process.argv[2] ?? 'docs';
const server = await serveDist();
const browser = await launch();
for (const locale of ['zh-CN', 'en-US']) {
  const { page, context } = await openApp(browser, server.url, { locale });
  await page.screenshot({ path: `${out}/board-${locale}.png` });
  await page.getByTestId('deal-open').nth(3).click();
  await page.getByTestId('deal-timeline').waitFor();
  await page.waitForTimeout(200);
  await page.getByTestId('deal-timeline').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/deal-plan-${locale}.png` });
  await page.getByTestId('cancel-deal').click();
  await page.getByTestId('tab-roadmap').click();
  await page.getByTestId('roadmap-canvas').waitFor();
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${out}/roadmap-${locale}.png` });
  await page.getByTestId('tab-analytics').click();
  await page.getByTestId('analytics-period').selectOption('all');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/analytics-${locale}.png` });
  await context.close();
}
// Dark mode and sharing a scenario by link and QR code.
{
  const context = await browser.newContext({ locale: 'zh-CN', colorScheme: 'dark', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByTestId('board').waitFor();
  await page.getByTestId('practice').selectOption('saas-launch');
  await page.getByTestId('share').click();
  await page.getByTestId('share-qr').waitFor();
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${out}/share-dark-zh-CN.png` });
  await context.close();
}
await browser.close();
await server.close();
