// The studio's front end, built into studio/dist (npm run build:studio), which the studio's server serves; apart
// from the bot's dist/, which holds only what npm start runs.
// Everything it needs is bundled: nothing is fetched at run time.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('dist', import.meta.url)),
    emptyOutDir: true,
    // One editor, one renderer: a few hundred kB that an editor's browser loads once.
    chunkSizeWarningLimit: 2000,
  },
});
