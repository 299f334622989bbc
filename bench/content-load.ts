// Bench section: content load + validate + index time and memory, for the shipped and the 100x briefing,
// each sample in a fresh process of plain node on the compiled loader (bench/load-sample.mjs).
import { nodeArguments, startProcess } from '../tests/e2e/bot-process.js';
import type { BenchRow, BenchSection } from './section.js';
import { mb, ms, summarize } from './stats.js';

interface LoadSample {
  ok: boolean;
  loadMs: number;
  peakHeapMb: number;
  retainedHeapMb: number;
  peakRssMb: number;
  firstQueryMs: number;
  firstSearchMs: number;
}

const SAMPLES = { shipped: 11, '100x': 5 } as const;
/** The node flags `npm start` gives the bot (package.json): the load runs under the same heap settings. */
const START_FLAGS = nodeArguments('src/main.ts').filter((argument) => argument.startsWith('--'));
const NODE_OPTIONS = ['--expose-gc', ...START_FLAGS].join(' ');
const LOAD_TARGET_MS = { '100x': 800 } as const;

export const contentLoad: BenchSection = {
  name: 'content load',
  method:
    'loadBriefing (read, parse, validate, check references, index), compiled (dist/) as npm start runs it, in a fresh plain node process ' +
    `per sample (node ${NODE_OPTIONS} bench/load-sample.mjs: the flags of npm start, and gc for the retained heap), so the JIT is ` +
    'as cold as at start-up. Peak heap: V8 used_heap_size sampled by a 1 ms timer, which runs between file reads, and at the end (before ' +
    'any GC), so it can miss a peak inside one file. Retained: used heap after two forced GCs, less the same before loading. Peak RSS: the ' +
    "kernel's high-water mark (getrusage maxrss) for the whole process, Node included. Then, in the same process, the first query " +
    "(findActor) and the first quote search (filterQuotes): the indexes they build on first use are not part of the load, so the first " +
    'interactions after a (re)load pay for them.',
  async run(context) {
    const rows: BenchRow[] = [];
    for (const [subject, dir] of [['shipped', context.shippedDir], ['100x', context.hundredXDir]] as const) {
      const samples: LoadSample[] = [];
      for (let index = 0; index < SAMPLES[subject]; index++) {
        context.progress(`content load: ${subject}, sample ${index + 1} of ${SAMPLES[subject]}`);
        samples.push(await loadInFreshProcess(dir));
      }
      const time = summarize(samples.map((sample) => sample.loadMs));
      const target = subject === '100x' ? LOAD_TARGET_MS[subject] : undefined;
      rows.push({
        what: 'load + validate + index',
        subject,
        samples: time.count,
        median: ms(time.median),
        p99: ms(time.p99),
        target: target ? `median < ${target} ms` : '',
        met: target ? time.median < target : undefined,
      });
      const informative = (what: string, values: number[], format: (value: number) => string): BenchRow => {
        const summary = summarize(values);
        return { what, subject, samples: summary.count, median: format(summary.median), p99: format(summary.p99), target: '' };
      };
      rows.push(informative('then the first query (builds the query indexes)', samples.map((sample) => sample.firstQueryMs), ms));
      rows.push(informative('then the first quote search (builds its word index)', samples.map((sample) => sample.firstSearchMs), ms));
      rows.push(informative('peak heap used during load', samples.map((sample) => sample.peakHeapMb), mb));
      rows.push(informative('heap retained by the briefing', samples.map((sample) => sample.retainedHeapMb), mb));
      rows.push(informative('peak RSS of the loading process', samples.map((sample) => sample.peakRssMb), mb));
    }
    return rows;
  },
};

async function loadInFreshProcess(dir: string): Promise<LoadSample> {
  const child = startProcess('bench/load-sample.mjs', { CONTENT_DIR: dir, NODE_OPTIONS });
  const { code } = await child.waitForExit();
  const line = child.logs.find((entry) => entry.msg === 'load sample') as unknown as LoadSample | undefined;
  if (code !== 0 || !line?.ok) throw new Error(`loading ${dir} failed (exit ${code}):\n${child.output.slice(-2000)}`);
  return line;
}
