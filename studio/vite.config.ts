// The studio's front end, built into dist/studio-web (npm run build:studio), which the studio's server serves.
// Everything it needs is bundled: nothing is fetched at run time.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/studio-web', import.meta.url)),
    emptyOutDir: true,
    // One editor, one renderer: a few hundred kB that an editor's browser loads once.
    chunkSizeWarningLimit: 2000,
  },
});
