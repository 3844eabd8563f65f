// Trunk post-build hook (after csp.mjs): writes sw.js into the build with the
// list of every built file and a version that is the hash of all of them, so a
// new deployment is a new service worker and an unchanged one is not.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const template = path.join(import.meta.dirname, '..', 'pwa', 'sw.js');

function walk(folder) {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

const files = walk(dir)
  .map((file) => path.relative(dir, file).split(path.sep).join('/'))
  .filter((rel) => rel !== 'sw.js')
  .sort();
const hash = crypto.createHash('sha256');
for (const rel of files) hash.update(rel).update('\0').update(fs.readFileSync(path.join(dir, rel)));
const version = hash.digest('hex').slice(0, 16);
const urls = files.map((rel) => `./${rel}`);
const text = fs.readFileSync(template, 'utf8')
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace('__FILES__', JSON.stringify(urls));
fs.writeFileSync(path.join(dir, 'sw.js'), text);
console.log(`pwa: sw.js ${version}, ${files.length} file(s) cached for offline use`);
