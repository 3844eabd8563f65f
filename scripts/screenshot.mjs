// Screenshots of the board in both languages: `node scripts/screenshot.mjs [outdir]`.
import { serveDist, launch, openApp } from '../tests/e2e/support.mjs';

const out = process.argv[2] ?? 'docs';
const server = await serveDist();
const browser = await launch();
for (const locale of ['zh-CN', 'en-US']) {
  const { page, context } = await openApp(browser, server.url, { locale });
  await page.screenshot({ path: `${out}/board-${locale}.png` });
  await page.getByTestId('new-deal').click();
  await page.getByTestId('field-value').fill('-5');
  await page.getByTestId('save-deal').click();
  await page.screenshot({ path: `${out}/form-${locale}.png` });
  await context.close();
}
await browser.close();
await server.close();
