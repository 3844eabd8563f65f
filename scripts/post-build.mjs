// Trunk's post-build hook: the steps must run in this order (the split wasm's folder
// takes its hash before the CSP hashes index.html's scripts; the service
// worker's version hashes the index.html that the CSP step rewrites, and lists no
// compressed copies).
await import('./version-pkg.mjs');
await import('./csp.mjs');
await import('./pwa.mjs');
await import('./compress.mjs');
