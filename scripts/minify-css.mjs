// Trunk post-build hook: the style sheet without its comments and runs of white space.
//
// The style sheet is render-blocking and fetched beside the main wasm on a first visit; its
// comments (the why of each rule) are a fifth of it and compress poorly: 11.7 → ~9.2 KB gzip.
// Trunk can minify CSS only together with index.html, whose placeholders and anchors the
// later steps need, so this step does the safe part itself: comments go, white space shrinks
// to one space, and none is kept beside `{`, `}` or `;`. Strings in the sheet hold single
// spaces only (checked below), so no string changes. Trunk wrote the sheet's integrity hash
// into index.html; it is written again for the new content.
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
fs.writeFileSync(file, minified);

const integrity = (text) => `sha384-${crypto.createHash('sha384').update(text).digest('base64')}`;
const html = path.join(dir, 'index.html');
const page = fs.readFileSync(html, 'utf8');
const before = `integrity="${integrity(source)}"`;
if (!page.includes(before)) throw new Error('minify-css: index.html does not carry the style sheet\'s integrity hash');
fs.writeFileSync(html, page.replace(before, `integrity="${integrity(minified)}"`));
console.log(`minify-css: ${sheets[0]} ${Math.round(source.length / 1024)} → ${Math.round(minified.length / 1024)} KB`);
