// Trunk's post-build hook: the steps must run in this order (the JavaScript is minified
// before the split wasm's folder takes its hash; that hash is taken before the CSP
// hashes index.html's scripts; the service worker's version hashes the index.html that
// the CSP step rewrites, and lists no compressed copies).
await import('./minify-js.mjs');
await import('./version-pkg.mjs');
await import('./csp.mjs');
await import('./pwa.mjs');
await import('./compress.mjs');
