// The team file through the File System Access API (desktop Chromium browsers).
// The handle is kept in IndexedDB (localStorage cannot hold it), so the link
// survives a restart; the browser then asks once again for permission.

const DB = 'waypoint-team-file';
const STORE = 'handles';
const KEY = 'team-file';
const TYPES = [{ description: 'Waypoint', accept: { 'application/json': ['.json'] } }];

export function supported() {
  return typeof window.showOpenFilePicker === 'function' && typeof window.showSaveFilePicker === 'function';
}

function db() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

async function request(mode, work) {
  const base = await db();
  try {
    return await new Promise((resolve, reject) => {
      const tx = base.transaction(STORE, mode);
      const req = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    base.close();
  }
}

export const remember = (handle) => request('readwrite', (s) => s.put(handle, KEY));
export const recall = async () => (await request('readonly', (s) => s.get(KEY))) ?? null;
export const forget = () => request('readwrite', (s) => s.delete(KEY));

/** Lets the person choose a file: an existing one, or a new one to create. */
export async function pick(create) {
  if (create) return window.showSaveFilePicker({ suggestedName: 'waypoint-team.json', types: TYPES });
  const [handle] = await window.showOpenFilePicker({ types: TYPES, multiple: false });
  return handle;
}

export const name = (handle) => handle.name;

/** 'granted', 'prompt' or 'denied'; asks the person when `ask` (needs a click). */
export async function permission(handle, ask) {
  const mode = { mode: 'readwrite' };
  if (typeof handle.queryPermission !== 'function') return 'granted';
  const state = await handle.queryPermission(mode);
  if (state === 'granted' || !ask) return state;
  return handle.requestPermission(mode);
}

export async function read(handle) {
  return (await handle.getFile()).text();
}

export async function write(handle, text) {
  const writable = await handle.createWritable();
  await writable.write(text);
  await writable.close();
}
