/** The renderer: one build served by Electron (app://) and by browser mode (http://127.0.0.1). */
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

import { RENDERER_CSP } from './electron/core/csp.ts';

/** The same CSP as the adapters' header (frame-ancestors is ignored in a meta tag); the dev server needs inline styles. */
const PROD_CSP = RENDERER_CSP.replace("; frame-ancestors 'none'", '');
const DEV_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; connect-src 'self' ws: http:; img-src 'self' data: blob:";

function csp(): Plugin {
  let policy = PROD_CSP;
  return {
    name: 'remote-panel-csp',
    configResolved(config) {
      policy = config.command === 'serve' ? DEV_CSP : PROD_CSP;
    },
    transformIndexHtml: (html) => html.replace('%CSP%', policy),
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), csp()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true, target: 'chrome120' },
  server: { port: 5173, strictPort: true },
});
