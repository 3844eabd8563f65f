// Waypoint's service worker: after the first visit the whole app comes from this
// cache, so it opens in a room with no network. scripts/pwa.mjs fills in the two
// constants below at build time; any change to any built file changes VERSION,
// which makes the browser install the new worker and the page offer a reload.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `waypoint-${VERSION}`;

self.addEventListener('install', (event) => {
  // Everything or nothing: a half-filled cache would open a broken app offline.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(['./', ...FILES])));
  // No skipWaiting here: the open page keeps its version until the user reloads.
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((n) => n.startsWith('waypoint-') && n !== CACHE).map((n) => caches.delete(n)));
    await self.clients.claim();
  })());
});

// The page posts this when the user chooses "reload" on the new-version notice.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // Any page address inside the app (a query string, index.html or not) is the app's one page.
    const cached = request.mode === 'navigate'
      ? await cache.match('./', { ignoreSearch: true })
      : await cache.match(request, { ignoreSearch: true });
    return cached ?? fetch(request);
  })());
});
