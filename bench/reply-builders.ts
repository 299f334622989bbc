// Bench section: time of the pure reply builders (what the bot runs per interaction, without Discord),
// per command and for autocomplete, on the shipped briefing and the 100x one.
import { briefingCommands } from '../commands/index.js';
import { complete, reply } from '../tests/support/commands.js';
import { loadOrThrow } from '../tests/support/content.js';
import { Random } from '../tests/support/random.js';
import { Scenarios } from '../tests/support/scenarios.js';
import type { BenchRow, BenchSection } from './section.js';
import { ms, summarize } from './stats.js';

/** 2,000 samples put 20 above the p99, enough for it to mean something. */
const SAMPLES = 2000;
/** Calls made before timing starts, so the JIT has compiled the hot paths. */
const WARM_UP = 300;
/** A slow builder gets fewer samples (its n says how many) so the whole bench stays within minutes. */
const BUDGET_MS = { warmUp: 1000, samples: 4000 };

const TARGETS = {
  shipped: { reply: 1, autocomplete: 1 },
  '100x': { reply: 5, autocomplete: 2 },
} as const;
/** Issue 10: /quotes at 100x under 2 ms, answered from an index instead of a scan per search. */
const REPLY_TARGETS: Partial<Record<string, Partial<Record<keyof typeof TARGETS, number>>>> = { quotes: { '100x': 2 } };

export const replyBuilders: BenchSection = {
  name: 'reply builders',
  method:
    `Each command's reply(briefing, options, page) and autocomplete called in this process, ${SAMPLES} timed calls after ${WARM_UP} ` +
    `unmeasured (fewer when a builder is slow: at most ${BUDGET_MS.samples / 1000} s a row), after a forced GC. Options as users give them ` +
    '(bench/scenarios.ts): every actor in turn by id, name or alias, random topics, searches for words from quotes, half the calls on a later ' +
    'page (up to page 5000), names typed letter by letter with typos. No reply is remembered between calls: each builds its reply from the briefing, ' +
    "with the indexes and the list items' blocks and sizes the bot keeps per loaded briefing and language (made during the warm-up, as in a running bot).",
  async run(context) {
    const rows: BenchRow[] = [];
    for (const [subject, dir] of [['shipped', context.shippedDir], ['100x', context.hundredXDir]] as const) {
      const briefing = await loadOrThrow(dir);
      // Measure replies, not the garbage loading left behind (npm run bench passes --expose-gc).
      globalThis.gc?.();
      const scenarios = new Scenarios(briefing, new Random(7));
      for (const command of briefingCommands) {
        const name = command.data.name;
        context.progress(`reply builders: /${name} on ${subject}`);
        const asked = Array.from({ length: WARM_UP + SAMPLES }, () => scenarios.call(command));
        const calls = asked.map(({ options, page }) => () => reply(command, briefing, options, page));
        rows.push(row(`/${name} reply`, subject, time(calls), REPLY_TARGETS[name]?.[subject] ?? TARGETS[subject].reply));
      }
      for (const command of briefingCommands) {
        if (!command.autocomplete) continue;
        context.progress(`reply builders: /${command.data.name} autocomplete on ${subject}`);
        const calls = Array.from({ length: WARM_UP + SAMPLES }, () => {
          const { focused, options } = scenarios.autocomplete(command);
          return () => complete(command, briefing, focused, options);
        });
        rows.push(row(`/${command.data.name} autocomplete`, subject, time(calls), TARGETS[subject].autocomplete));
      }
    }
    return rows;
  },
};

/** Runs the warm-up calls, then times each of the rest, each phase within its time budget. */
function time(calls: readonly (() => unknown)[]): number[] {
  const warmUpEnds = performance.now() + BUDGET_MS.warmUp;
  for (const call of calls.slice(0, WARM_UP)) {
    call();
    if (performance.now() > warmUpEnds) break;
  }
  const samples: number[] = [];
  const samplingEnds = performance.now() + BUDGET_MS.samples;
  for (const call of calls.slice(WARM_UP)) {
    const started = performance.now();
    call();
    const ended = performance.now();
    samples.push(ended - started);
    if (ended > samplingEnds) break;
  }
  return samples;
}

function row(what: string, subject: string, samples: number[], targetMs: number): BenchRow {
  const summary = summarize(samples);
  return { what, subject, samples: summary.count, median: ms(summary.median), p99: ms(summary.p99), target: `p99 < ${targetMs} ms`, met: summary.p99 < targetMs };
}
