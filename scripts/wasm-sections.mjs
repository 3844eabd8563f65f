// Reading a wasm binary's top level, for the build steps and the benchmark that look inside it.

/** The unsigned LEB128 number at `at` in `bytes`, and the offset after it: `[value, next]`. */
export function readLeb(bytes, at) {
  let value = 0;
  for (let shift = 0; ; shift += 7) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [value, at];
  }
}

/** Each section after the 8-byte header: its id, where it starts (at its id), where its body
 *  starts and where it ends. */
export function sections(bytes) {
  const found = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, body] = readLeb(bytes, at + 1);
    found.push({ id, start: at, body, end: body + size });
    at = body + size;
  }
  return found;
}
