/** Bundles the preload into one CommonJS file: a sandboxed preload cannot require siblings. */
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    outDir: 'dist/node/electron',
    emptyOutDir: false,
    minify: false,
    sourcemap: true,
    lib: { entry: 'electron/preload.ts', formats: ['cjs'], fileName: () => 'preload.cjs' },
    rollupOptions: { external: ['electron'] },
  },
});
