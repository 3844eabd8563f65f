// Trunk post-build hook, first step: the JavaScript wasm-bindgen and wasm-split write
// (the glue, the chunk loader, the page snippets) is minified with terser. Every byte of
// it is fetched before the board can start: on a phone's slow network this is ~5 KB
// gzip, ~25 ms. index.html's inline loader is left alone (the CSP step hashes it as is).
import fs from 'node:fs';
import path from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const pkg = path.join(dir, 'pkg');

let before = 0;
let after = 0;
const scripts = fs.readdirSync(pkg, { recursive: true }).filter((f) => f.endsWith('.js')).map((f) => path.join(pkg, f));
for (const file of scripts) {
  const source = fs.readFileSync(file, 'utf8');
  // ES modules: top-level names may be mangled, exports and property names are kept
  // (the wasm imports its glue functions by property name).
  const result = await minify(source, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (!result.code) throw new Error(`terser returned nothing for ${file}`);
  fs.writeFileSync(file, result.code);
  before += source.length;
  after += result.code.length;
}
console.log(`minify-js: ${Math.round(before / 1024)} KB of JavaScript is now ${Math.round(after / 1024)} KB`);
