import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';

// `npm run build` (electron-vite build): main (ESM), preload (CJS: a sandboxed preload cannot be an ES module)
// and the renderer, all into out/. The renderer options mirror vite.renderer.config.ts: extracted CSS, no
// inline preload polyfill, so the strict CSP of rpc.md §7 holds.
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  main: {
    build: {
      outDir: here('./out/main'),
      rolldownOptions: { input: { index: here('./electron/main/index.ts') }, output: { format: 'es' } },
    },
  },
  preload: {
    build: {
      outDir: here('./out/preload'),
      // Bundled whole: the sandbox gives the preload no require() for anything but electron.
      externalizeDeps: false,
      rolldownOptions: { input: { index: here('./electron/preload/index.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: here('./renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: here('./out/renderer'),
      emptyOutDir: true,
      target: 'es2022',
      cssCodeSplit: false,
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
      chunkSizeWarningLimit: 2048,
      rolldownOptions: { input: here('./renderer/index.html') },
    },
  },
});
