// One sample of loading a briefing, run in a fresh process per sample so that the time includes a cold
// JIT, as at start-up, and the heap holds nothing from earlier samples. It loads with the compiled code
// (dist/, npm run build) under plain node, as `npm start` does: with DATABASE_PATH, the current release
// from that database into a served briefing, as the bot starts; else the YAML drafts in CONTENT_DIR, as
// publish and the preview read them. Prints one JSON line: load time, peak heap, heap retained by the
// briefing, peak RSS, and the first query's and first search's time.
//   DATABASE_PATH=<file> | CONTENT_DIR=<dir> node --expose-gc [npm start's flags] bench/load-sample.mjs (bench/content-load.ts passes them)
import { getHeapStatistics } from 'node:v8';
import { filterQuotes, findActor } from '../dist/src/briefing/queries.js';

const MB = 1024 * 1024;
const { CONTENT_DIR: dir, DATABASE_PATH: database } = process.env;
const collect = globalThis.gc;
if ((!dir && !database) || !collect) {
  console.error('usage: npm run build && DATABASE_PATH=<file> | CONTENT_DIR=<dir> node --expose-gc bench/load-sample.mjs');
  process.exit(2);
}

// Each way imports only its own code, as the bot and the publish step do. The database is opened before
// measuring: the bot opens it before it loads the release.
const storage = database ? await (await import('../dist/src/recaps/storage.js')).openStorage({ DATABASE_PATH: database }) : undefined;
const { ReleaseFeed } = storage ? await import('../dist/src/releases/served.js') : {};
const { loadBriefing } = storage ? {} : await import('../dist/src/briefing/loader.js');
const load = async () => {
  if (!storage) return loadBriefing(dir);
  const feed = await ReleaseFeed.open(storage.releases, { switched() {}, scheduled() {}, problem() {} });
  return feed ? { ok: true, briefing: feed.briefing } : { ok: false };
};

collect();
const heapBefore = getHeapStatistics().used_heap_size;
// Loading awaits each file read, so a 1 ms timer samples the heap after every file is parsed.
let peakHeap = heapBefore;
const sample = () => (peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size));
const sampler = setInterval(sample, 1);
const started = performance.now();
const result = await load();
const loadMs = performance.now() - started;
sample();
clearInterval(sampler);
// Twice: a collection that finishes a concurrent marking begun during the load keeps what was alive when
// that marking began (the raw YAML texts, say); the second one frees it.
collect();
collect();
const retained = getHeapStatistics().used_heap_size - heapBefore;
// What the first interactions after a load pay on top: the queries' indexes are built on first use (any
// lookup), the quote search's word index on the first search.
const timed = (work) => {
  const start = performance.now();
  work();
  return performance.now() - start;
};
const firstQueryMs = result.ok ? timed(() => findActor(result.briefing, 'nobody')) : 0;
const firstSearchMs = result.ok ? timed(() => filterQuotes(result.briefing, { search: 'talks' })) : 0;

console.log(
  JSON.stringify({
    level: 30,
    msg: 'load sample',
    ok: result.ok,
    loadMs,
    peakHeapMb: peakHeap / MB,
    retainedHeapMb: retained / MB,
    firstQueryMs,
    firstSearchMs,
    // The kernel's high-water mark of the whole process, in kB.
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    // Keeps the briefing alive until after the retained heap was measured.
    quotes: result.ok ? result.briefing.quotes.length : 0,
  }),
);
await storage?.close();
