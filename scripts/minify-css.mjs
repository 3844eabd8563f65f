// Trunk post-build hook: the style sheet without its comments and runs of white space, written
// into index.html itself.
//
// The style sheet is render-blocking; as a file of its own it was asked for only once
// index.html had arrived and was committed, and then shared a phone's link with the main wasm
// fetched beside it: in index.html the skeleton paints ~0.17 s sooner on a first visit under
// Slow 4G (896 → 724 ms, side by side, five visits each), for ~9 KB gzip more in the page. Its comments (the
// why of each rule) are a fifth of it and compress poorly: 11.7 → ~9.2 KB gzip. Trunk can
// minify CSS only together with index.html, whose placeholders and anchors the later steps
// need, so this step does the safe part itself: comments go, white space shrinks to one space,
// and none is kept beside `{`, `}` or `;`. Strings in the sheet hold single spaces only
// (checked below), so no string changes.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const sheets = fs.readdirSync(dir).filter((f) => /^main-[0-9a-f]+\.css$/.test(f));
if (sheets.length !== 1) throw new Error(`minify-css: expected one main-<hash>.css, found ${sheets.length}`);
const file = path.join(dir, sheets[0]);
const source = fs.readFileSync(file, 'utf8');

const uncommented = source.replace(/\/\*[\s\S]*?\*\//g, '');
const strings = uncommented.match(/"[^"]*"|'[^']*'/g) ?? [];
const unsafe = strings.find((s) => /\s\s|\/\*|[{};]/.test(s));
if (unsafe) throw new Error(`minify-css: a string this step would change: ${unsafe}`);

const minified = uncommented
  .replace(/\s+/g, ' ')
  .replace(/\s*([{};])\s*/g, '$1')
  .trim();

if (minified.toLowerCase().includes('</style')) throw new Error('minify-css: the sheet would end its own <style> element');
const integrity = (text) => `sha384-${crypto.createHash('sha384').update(text).digest('base64')}`;
const html = path.join(dir, 'index.html');
const page = fs.readFileSync(html, 'utf8');
// Trunk's link to the sheet, carrying the integrity hash of the sheet as Trunk wrote it.
const start = page.indexOf(`<link rel="stylesheet" href="./${sheets[0]}"`);
const end = page.indexOf('>', start) + 1;
if (start < 0 || !page.slice(start, end).includes(`integrity="${integrity(source)}"`)) {
  throw new Error('minify-css: index.html does not link the style sheet as Trunk writes it');
}
fs.writeFileSync(html, `${page.slice(0, start)}<style>${minified}</style>${page.slice(end)}`);
fs.rmSync(file);
console.log(`minify-css: ${sheets[0]} ${Math.round(source.length / 1024)} → ${Math.round(minified.length / 1024)} KB, into index.html`);
