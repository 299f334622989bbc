// `NODE_OPTIONS=--import <this file's URL> RECORD_MODULES=<file>`: writes to <file>, one a line, every module
// the process loads: each URL its imports resolve to (a resolve hook, run in node's loader thread) and, when
// the process exits, every CommonJS module in require's cache (what CommonJS packages such as discord.js
// require, which node 20's hooks do not see). Used by tests/serving-imports.test.ts.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const file = process.env.RECORD_MODULES;
if (file) {
  register('./module-recorder-hooks.mjs', import.meta.url, { data: file });
  const { cache } = createRequire(import.meta.url);
  process.on('exit', () => appendFileSync(file, Object.keys(cache).map((path) => `${path}\n`).join('')));
}
