// Waypoint's service worker: after the first visit the whole app comes from this
// cache, so it opens in a room with no network. scripts/pwa.mjs fills in the two
// constants below at build time; any change to any built file changes VERSION,
// which makes the browser install the new worker and the page offer a reload.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `waypoint-${VERSION}`;
/** The cache, opened once per worker start rather than once per request. */
let opened;

self.addEventListener('install', (event) => {
  // Everything or nothing: a half-filled cache would open a broken app offline. Past the
  // browser's HTTP cache, so a host's max-age cannot slip an older index.html in, except for
  // the files named by their content (the wasm folder `pkg-<hash>/`): whatever copy the HTTP
  // cache holds is the right one, and a first visit has just fetched the board's files and is
  // fetching the later parts, so on a phone's network they are not downloaded twice.
  const named = (url) => /\/pkg-[0-9a-f]{16}\//.test(url);
  const fresh = ['./', ...FILES].map((url) => new Request(url, { cache: named(url) ? 'force-cache' : 'reload' }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(fresh)));
  // The wasm and JavaScript of the build come straight from this cache, without waking
  // this script for each: a visit with a stored copy asks for some sixty parts at once.
  // (Chromium's static routing; elsewhere the fetch handler below serves them.)
  if (event.addRoutes) {
    event.addRoutes([{ condition: { urlPattern: new URLPattern({ pathname: '*/pkg-*' }) }, source: { cacheName: CACHE } }]);
  }
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
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  // The app's page (with any query or hash) is the cached one; other pages that share
  // the host folder are left to the network.
  const scope = new URL(self.registration.scope).pathname;
  const appPage = url.pathname === scope || url.pathname === `${scope}index.html`;
  if (request.mode === 'navigate' && !appPage) return;
  event.respondWith((async () => {
    const cache = await (opened ??= caches.open(CACHE));
    // Exact matches only: ignoreSearch makes the cache compare every entry, and a visit
    // with a stored copy fetches some sixty wasm parts at once before its board shows.
    const cached = await cache.match(appPage ? './' : request);
    return cached ?? fetch(request);
  })());
});
