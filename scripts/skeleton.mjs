// Writes the static skeleton that index.html paints before the wasm arrives: the app's own
// header, tabs, board head and stage columns as the release build draws them on a first
// visit, in Chinese and in English, with every control inert and the workspace's content
// (roadmap and stage names, counts, cards) left blank. Run it after changing the header or
// the board's chrome (`make build && node scripts/skeleton.mjs`); tests/e2e/first_paint
// fails while the skeleton and the app disagree by more than a few pixels.
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch } from '../tests/e2e/support.mjs';

const INDEX = path.resolve(import.meta.dirname, '..', 'index.html');
const START = '<!-- skeleton:start (written by scripts/skeleton.mjs) -->';
const END = '<!-- skeleton:end -->';

/** Runs in the page: the app's first screen, made static. */
function staticCopy(lang) {
  const app = document.querySelector('.app').cloneNode(true);
  const remove = (selector) => app.querySelectorAll(selector).forEach((e) => e.remove());
  remove('.notices, .notice, input[type=file], .team-chip, .card, .card-spacer, .column-empty, .column-add');
  // Lists keep their options (the first visit's people and segments): a list is as wide as its longest.
  // Figures are unknown until the app reads the workspace: keep the line, not the words. The roadmap
  // and stage names are the first visit's; index.html's script puts in a returning person's own.
  app.querySelectorAll('[data-testid=column-count], .column-total, .column-prob').forEach((e) => { e.textContent = '\u00a0'; });
  // Inert: nothing to focus, click or announce twice; no ids to clash with the app's, and test ids
  // renamed (tests look for the app's own).
  for (const e of app.querySelectorAll('[data-testid]')) {
    e.setAttribute('data-skeleton', e.dataset.testid);
    e.removeAttribute('data-testid');
  }
  for (const e of app.querySelectorAll('*')) {
    for (const name of ['id', 'data-stage-id', 'aria-labelledby', 'aria-controls', 'aria-current', 'title', 'for']) e.removeAttribute(name);
    if (e.matches('button, input, select, summary, a, [tabindex]')) e.setAttribute('tabindex', '-1');
  }
  app.querySelectorAll('.cards').forEach((e) => e.removeAttribute('role'));
  app.classList.add('skeleton');
  app.setAttribute('aria-hidden', 'true');
  app.setAttribute('data-lang', lang);
  app.hidden = true;
  return app.outerHTML.replace(/<!---->/g, '');
}

const server = await serveDist();
const browser = await launch();
const parts = [];
try {
  for (const [locale, lang] of [['zh-CN', 'zh-CN'], ['en-US', 'en']]) {
    const context = await browser.newContext({ locale, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByTestId('deal-card').first().waitFor();
    parts.push(await page.evaluate(staticCopy, lang));
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
const html = fs.readFileSync(INDEX, 'utf8');
const at = html.indexOf(START);
const end = html.indexOf(END);
if (at < 0 || end < at) throw new Error(`index.html lacks the ${START} … ${END} markers`);
const block = `${START}\n    ${parts.join('\n    ')}\n    `;
fs.writeFileSync(INDEX, html.slice(0, at) + block + html.slice(end));
console.log(`skeleton: ${parts.map((p) => `${(p.length / 1024).toFixed(1)} KB`).join(' + ')} written into index.html`);
