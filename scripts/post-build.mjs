// Trunk's post-build hook: the steps must run in this order (the main wasm's glue imports
// are renamed while the glue is still as wasm-bindgen wrote it; the JavaScript and the style
// sheet are minified before the split wasm's folder takes its hash; that hash is taken before
// the CSP hashes index.html's scripts; the service worker's version hashes the index.html that
// the CSP step rewrites, and lists no compressed copies).
await import('./short-imports.mjs');
await import('./minify-js.mjs');
await import('./minify-css.mjs');
await import('./version-pkg.mjs');
await import('./csp.mjs');
await import('./pwa.mjs');
await import('./compress.mjs');
