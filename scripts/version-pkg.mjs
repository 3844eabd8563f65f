// Trunk post-build hook, first step: the split wasm and its JavaScript keep fixed names
// (the chunk loader finds its parts by name), so their folder takes the content hash
// instead: dist/pkg/ becomes dist/pkg-<hash>/ and index.html follows. Every file but
// index.html, sw.js and manifest.webmanifest can then be cached for a year.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const pkg = path.join(dir, 'pkg');

function walk(folder) {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

const hash = crypto.createHash('sha256');
for (const file of walk(pkg).sort()) hash.update(path.relative(pkg, file)).update('\0').update(fs.readFileSync(file));
const name = `pkg-${hash.digest('hex').slice(0, 16)}`;
fs.renameSync(pkg, path.join(dir, name));
const index = path.join(dir, 'index.html');
const html = fs.readFileSync(index, 'utf8');
let renamed = html.replace(/(["'(]\.?\/?)pkg\//g, `$1${name}/`);
if (renamed === html) throw new Error('index.html names no pkg/ file');
// The modules waypoint.js imports (the chunk loader, the JavaScript snippets) are preloaded
// beside it: otherwise they are asked for only once it has arrived, one round trip later.
const main = fs.readFileSync(path.join(dir, name, 'waypoint.js'), 'utf8');
// Static imports only (minified, they share one line): `import{a as b}from"./x.js"`.
const imported = [...new Set([...main.matchAll(/\bimport\s*[^'"();]*?['"]\.\/([^'"]+\.js)['"]/g)].map((m) => m[1]))];
if (!imported.length) throw new Error('waypoint.js imports no module: the modulepreload scan is out of date');
const anchor = `<link rel="modulepreload" href="${name}/waypoint.js" />`;
if (!renamed.includes(anchor)) throw new Error('index.html has no modulepreload of waypoint.js');
renamed = renamed.replace(anchor, [anchor, ...imported.map((file) => `<link rel="modulepreload" href="${name}/${file}" />`)].join('\n    '));
// A returning visit reads its stored copy with the codec part before its board: index.html's
// first script starts compiling the part's files at once when a copy is stored (`codecFiles`
// below), while the main wasm downloads, and the part loader takes the compiled modules.
const placeholder = '/* codec-files */';
if (!renamed.includes(placeholder)) throw new Error('index.html has no codec-files placeholder');
renamed = renamed.replace(placeholder, codecFiles(fs.readFileSync(path.join(dir, name, '__wasm_split.js'), 'utf8')).map((file) => `"${name}/${file}"`).join(', '));
fs.writeFileSync(index, renamed);

/** The files the chunk loader fetches for the codec part: its own and every chunk it waits on.
 *  Each part's loader, minified or not, reads `NAME = … makeLoad(() => { const … = new URL("./FILE.wasm", …) … }, [DEPS])`. */
function codecFiles(loader) {
  const loads = new Map();
  const pattern = /([\w$]+)\s*=\s*(?:[\w$]+\()?[\w$]+\(\(\)\s*=>\s*\{\s*const [\w$]+\s*=\s*new URL\("\.\/([\w.]+\.wasm)"[\s\S]*?\}\s*,\s*\[([\w$,\s]*)\]\)/g;
  for (const m of loader.matchAll(pattern)) {
    loads.set(m[1], { file: m[2], deps: m[3].split(',').map((d) => d.trim()).filter(Boolean) });
  }
  const fetches = loader.split('new URL("./').length - 1;
  if (loads.size !== fetches) throw new Error(`__wasm_split.js: ${loads.size} loaders read of ${fetches}: the codec early-compile scan is out of date`);
  const entry = [...loads.keys()].find((name) => /^__wasm_split_load_codec_\d+$/.test(name));
  if (!entry) throw new Error('__wasm_split.js has no codec part: the codec early-compile scan is out of date');
  const files = [];
  const visit = (name) => {
    const load = loads.get(name);
    if (!load) throw new Error(`__wasm_split.js: no loader named ${name}`);
    if (files.includes(load.file)) return;
    load.deps.forEach(visit);
    files.push(load.file);
  };
  visit(entry);
  return files;
}
