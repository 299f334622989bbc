// Imports every compiled module of the bot (dist/, except the entry points, which start things) with
// every Intl constructor and locale-aware method wrapped (icu-recorder.mjs), and prints what was used at import time as one
// JSON line. ICU data (about 6.4 MB) is paged in by the first Intl object: no module may make one when
// it is imported, only when a reply needs it. Run by tests/build.test.ts: node tests/support/icu-probe.mjs
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { recordIcu } from './icu-recorder.mjs';

const ENTRY_POINTS = ['src/main.js', 'src/deploy-commands.js', 'src/cli/preview.js', 'src/cli/rest-proxy.js', 'src/cli/publish.js', 'src/cli/releases.js'];
const used = [];
const record = (what) => used.push(`${what} ${new Error().stack.split('\n').slice(3, 5).map((line) => line.trim()).join(' ')}`);

recordIcu(record);

const dist = path.resolve(process.argv[2] ?? 'dist');
const modules = readdirSync(dist, { recursive: true })
  .filter((file) => file.endsWith('.js') && !ENTRY_POINTS.includes(file.split(path.sep).join('/')))
  .sort();
for (const file of modules) await import(pathToFileURL(path.join(dist, file)).href);
console.log(JSON.stringify({ modules, used }));
