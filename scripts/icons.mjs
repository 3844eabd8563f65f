// Renders the PNG app icons from the SVGs with headless Chromium:
// `node scripts/icons.mjs`. The PNGs are committed; run this after changing an SVG.
import fs from 'node:fs';
import path from 'node:path';
import { launch } from '../tests/e2e/support.mjs';

const root = path.resolve(import.meta.dirname, '..');
const jobs = [
  ['public/icon.svg', 'public/icon-192.png', 192],
  ['public/icon.svg', 'public/icon-512.png', 512],
  ['pwa/icon-maskable.svg', 'public/icon-maskable-512.png', 512],
];
const browser = await launch();
for (const [svg, png, size] of jobs) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const data = fs.readFileSync(path.join(root, svg)).toString('base64');
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style><img src="data:image/svg+xml;base64,${data}" width="${size}" height="${size}">`);
  await page.locator('img').evaluate((img) => img.decode());
  await page.screenshot({ path: path.join(root, png), omitBackground: true });
  await page.close();
  console.log(`icons: ${png}`);
}
await browser.close();
