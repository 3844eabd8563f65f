// Trunk post-build hook (after pwa.mjs, so the service worker does not list these): writes
// a .gz and a .br beside every text and wasm file of the build, for hosts that serve
// precompressed files (nginx `gzip_static on;` and `brotli_static on;`, see the README).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const COMPRESSIBLE = /\.(html|js|css|wasm|svg|json|webmanifest)$/;

function walk(folder) {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

let raw = 0;
let gz = 0;
let br = 0;
for (const file of walk(dir).filter((f) => COMPRESSIBLE.test(f))) {
  const bytes = fs.readFileSync(file);
  const gzipped = zlib.gzipSync(bytes, { level: 9 });
  const brotli = zlib.brotliCompressSync(bytes, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  });
  fs.writeFileSync(`${file}.gz`, gzipped);
  fs.writeFileSync(`${file}.br`, brotli);
  raw += bytes.length;
  gz += gzipped.length;
  br += brotli.length;
}
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.log(`compress: ${kb(raw)} of text and wasm → ${kb(gz)} .gz, ${kb(br)} .br`);
