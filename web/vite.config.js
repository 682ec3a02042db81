// Vite builds the app into dist/ (cmake/web.cmake passes --outDir into the build
// directory). JSX is compiled by esbuild for Preact directly: no Babel, no plugin.
import { defineConfig } from 'vite';

export default defineConfig({
  esbuild: {
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
  },
  build: {
    target: 'es2020',
    // Every file is embedded in the kembar binary: no inlined data: URLs (the CSP
    // allows only 'self'), no source maps in the binary.
    assetsInlineLimit: 0,
    sourcemap: false,
    reportCompressedSize: false,
    // The map chunk (shapes included) is large by design and loaded only on map pages.
    chunkSizeWarningLimit: 600,
    modulePreload: { polyfill: false },
  },
  server: {
    // `npm run dev` with `kembar serve` running on the default address, or on the
    // one KEMBAR_API names (KEMBAR_API=http://127.0.0.1:8081 npm run dev).
    proxy: { '/api': process.env.KEMBAR_API || 'http://127.0.0.1:8080' },
  },
  preview: {
    // `vite preview` (the built app, /api proxied as above) with the policy `kembar
    // serve` sends (src/server/api.cc, AddSecurityHeaders), so a style or script the
    // server would block is blocked here too.
    headers: {
      'Content-Security-Policy':
        "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    },
  },
});
