// Trunk's post-build hook: the steps must run in this order (the service
// worker's version hashes the index.html that the CSP step rewrites).
await import('./csp.mjs');
await import('./pwa.mjs');
