// Trunk post-build hook: adds a Content-Security-Policy to the built index.html.
// Trunk's wasm loader is an inline module script whose text changes with every
// build (it names hashed files), so the policy allows exactly that script by its
// SHA-256 and nothing else inline. The wasm needs 'wasm-unsafe-eval'.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const file = path.join(dir, 'index.html');
let html = fs.readFileSync(file, 'utf8');
const scripts = [...html.matchAll(/<script(?:\s[^>]*)?>([\s\S]*?)<\/script>/g)].map((m) => m[1]).filter((s) => s.trim());
const hashes = scripts.map((s) => `'sha256-${crypto.createHash('sha256').update(s, 'utf8').digest('base64')}'`);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  // The style sheet is written into index.html (scripts/minify-css.mjs), and inline style
  // attributes position the tooltip and size canvases and replay bars.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, '');
html = html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
fs.writeFileSync(file, html);
console.log(`csp: ${hashes.length} inline script(s) allowed by hash`);
