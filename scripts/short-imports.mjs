// Trunk post-build hook, before the JavaScript is minified: the main wasm's imports from its
// wasm-bindgen glue get short names.
//
// wasm-bindgen names each function the wasm imports from its glue after the web API it wraps
// plus a 16-digit hash (`__wbg_setAttribute_f75317b2b5cabfb4`), and writes that name twice: in
// the wasm's import section and as a key of the glue's import object. ~300 imports make ~15 KB
// of names that compress poorly (the hashes), ~7 KB gzip of the bytes a first visit waits for
// before its board. Each becomes a short name (`w0`, `w1`, …) in both files; nothing else in
// either file changes. Every old name must occur exactly once in the glue, or the build stops.
import fs from 'node:fs';
import path from 'node:path';
import { readLeb, sections } from './wasm-sections.mjs';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const pkg = path.join(dir, 'pkg');
const WASM = path.join(pkg, 'waypoint_bg.wasm');
const GLUE = path.join(pkg, 'waypoint.js');
/** The module name wasm-bindgen gives the glue's own functions. */
const GLUE_MODULE = './waypoint_bg.js';

/** `value` as an unsigned LEB128 number. */
function writeLeb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}

function readName(bytes, at) {
  const [length, start] = readLeb(bytes, at);
  return [bytes.subarray(start, start + length).toString('utf8'), start + length];
}

function encodeName(name) {
  const utf8 = Buffer.from(name, 'utf8');
  return Buffer.concat([writeLeb(utf8.length), utf8]);
}

/** The bytes after an import's names (its kind and type), up to the next import. */
function skipImportDescription(bytes, at) {
  const kind = bytes[at++];
  if (kind === 0) return readLeb(bytes, at)[1]; // function: type index
  if (kind === 1) at += 1; // table: reference type, then limits
  if (kind === 1 || kind === 2) {
    const flags = bytes[at++];
    at = readLeb(bytes, at)[1];
    return flags & 1 ? readLeb(bytes, at)[1] : at;
  }
  if (kind === 3) return at + 2; // global: value type, mutability
  if (kind === 4) return readLeb(bytes, at + 1)[1]; // tag: attribute, type index
  throw new Error(`short-imports: unknown import kind ${kind}`);
}

/** The wasm with its glue imports renamed, and the map from old to new names. */
function renameImports(wasm) {
  const parts = [wasm.subarray(0, 8)];
  const renamed = new Map();
  for (const { id, start, body, end } of sections(wasm)) {
    if (id !== 2) {
      parts.push(wasm.subarray(start, end));
      continue;
    }
    const [count, first] = readLeb(wasm, body);
    const entries = [writeLeb(count)];
    let cursor = first;
    for (let i = 0; i < count; i++) {
      const [module, afterModule] = readName(wasm, cursor);
      const [name, afterName] = readName(wasm, afterModule);
      const afterDescription = skipImportDescription(wasm, afterName);
      let newName = name;
      if (module === GLUE_MODULE) {
        newName = `w${renamed.size.toString(36)}`;
        renamed.set(name, newName);
      }
      entries.push(encodeName(module), encodeName(newName), wasm.subarray(afterName, afterDescription));
      cursor = afterDescription;
    }
    if (cursor !== end) throw new Error('short-imports: the import section did not end where its size says');
    const section = Buffer.concat(entries);
    parts.push(Buffer.from([2]), writeLeb(section.length), section);
  }
  return { wasm: Buffer.concat(parts), renamed };
}

/** The glue with each renamed import's key changed; throws unless each old name occurs once. */
function renameInGlue(glue, renamed) {
  const escape = (s) => s.replace(/[$]/g, '\\$');
  for (const [oldName, newName] of renamed) {
    const pattern = new RegExp(`(?<![\\w$])${escape(oldName)}(?![\\w$])`, 'g');
    const found = glue.match(pattern)?.length ?? 0;
    if (found !== 1) throw new Error(`short-imports: ${oldName} occurs ${found} times in the glue, expected once`);
    glue = glue.replace(pattern, newName);
  }
  return glue;
}

{
  const before = fs.statSync(WASM).size + fs.statSync(GLUE).size;
  const { wasm, renamed } = renameImports(fs.readFileSync(WASM));
  const glue = renameInGlue(fs.readFileSync(GLUE, 'utf8'), renamed);
  fs.writeFileSync(WASM, wasm);
  fs.writeFileSync(GLUE, glue);
  const after = wasm.length + Buffer.byteLength(glue);
  console.log(`short-imports: ${renamed.size} glue imports renamed, ${Math.round((before - after) / 1024)} KB less`);
}
