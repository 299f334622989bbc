// Bench section: the real bot process (src/main.ts on the shipped briefing) next to a bare discord.js client
// (bench/bare-client.ts), each against its own emulator, in the same run: RSS after READY, and the latency
// of 500 mixed interactions from injection to the recorded reply, sent in alternating blocks so that the
// machine's noise falls on both alike.
import { setTimeout as sleep } from 'node:timers/promises';
import { residentMemoryMb, startAgainstEmulator, type Harness } from '../tests/e2e/bot-process.js';
import { inject, interactionMix, type Interaction } from '../tests/support/interaction-mix.js';
import { Random } from '../tests/support/random.js';
import { loadOrThrow } from '../tests/support/content.js';
import type { BenchRow, BenchSection } from './section.js';
import { mb, ms, ratio, summarize } from './stats.js';

const INTERACTIONS = 500;
/** Sent to each client before timing starts, so both have compiled their hot paths. */
const WARM_UP = 50;
const BLOCK = 25;
/** Fresh processes per client for the RSS median; the last pair also serves the latency test. */
const RSS_RUNS = 3;
const SETTLE_MS = 1000;
const RATIO_TARGET = 1.2;

const CLIENTS = ['bot', 'bare'] as const;
type Client = (typeof CLIENTS)[number];
type PerClient<T> = Record<Client, T>;

export const endToEnd: BenchSection = {
  name: 'end to end',
  method:
    `RSS: VmRSS from /proc/<pid>/status ${SETTLE_MS / 1000} s after READY, median of ${RSS_RUNS} fresh processes per client. ` +
    `Latency: ${INTERACTIONS} interactions (45% commands, 30% autocomplete, 25% page and Sources buttons) to each client after ` +
    `${WARM_UP} unmeasured, one at a time, in alternating blocks of ${BLOCK}; timed from injection at the emulator until it records the answer. ` +
    'The bot logs every interaction at info level, as in production; the bare client logs nothing.',
  async run(context) {
    const briefing = await loadOrThrow(context.shippedDir);
    const random = new Random(11);
    const warmUp = interactionMix(briefing, random, WARM_UP);
    const mix = interactionMix(briefing, random, INTERACTIONS);
    const start: PerClient<() => Promise<Harness>> = {
      bot: () => startAgainstEmulator({ env: { CONTENT_DIR: context.shippedDir } }),
      bare: () => startAgainstEmulator({ entry: 'bench/bare-client.ts' }),
    };

    const rss: PerClient<number[]> = { bot: [], bare: [] };
    let running: PerClient<Harness> | undefined;
    for (let run = 1; run <= RSS_RUNS; run++) {
      context.progress(`end to end: RSS after READY, run ${run} of ${RSS_RUNS}`);
      const started = { bot: await start.bot(), bare: await start.bare() };
      await sleep(SETTLE_MS);
      for (const client of CLIENTS) rss[client].push(await residentMemoryMb(started[client].bot.child.pid!));
      if (run < RSS_RUNS) await closeAll(started);
      else running = started;
    }
    const clients = running!;
    try {
      context.progress(`end to end: ${INTERACTIONS} interactions to each client`);
      for (const client of CLIENTS) for (const interaction of warmUp) await roundTrip(clients[client], interaction);
      const latency: PerClient<number[]> = { bot: [], bare: [] };
      for (let from = 0; from < mix.length; from += BLOCK) {
        for (const client of CLIENTS) {
          for (const interaction of mix.slice(from, from + BLOCK)) latency[client].push(await roundTrip(clients[client], interaction));
        }
      }
      const after = `RSS after ${WARM_UP + INTERACTIONS} interactions`;
      return [
        ...comparison('interaction latency (inject -> reply)', 'latency ratio', latency, ms),
        ...comparison(`RSS ${SETTLE_MS / 1000} s after READY`, 'RSS ratio', rss, mb),
        ...(await Promise.all(CLIENTS.map(async (client) => ({ what: after, subject: client, samples: 1, median: mb(await residentMemoryMb(clients[client].bot.child.pid!)), p99: '', target: '' })))),
      ];
    } finally {
      await closeAll(clients);
    }
  },
};

/** Milliseconds from injecting the interaction to the emulator recording the answer. */
export async function roundTrip(client: Harness, interaction: Interaction): Promise<number> {
  const started = performance.now();
  await inject(client.emulator, interaction).waitForReply();
  return performance.now() - started;
}

/** A row per client, and their ratio (bot / bare) for the median, where the target applies, and the p99. */
function comparison(what: string, ratioName: string, samples: PerClient<number[]>, format: (value: number) => string): BenchRow[] {
  const bot = summarize(samples.bot);
  const bare = summarize(samples.bare);
  const medianRatio = bot.median / bare.median;
  return [
    ...CLIENTS.map((client) => {
      const summary = client === 'bot' ? bot : bare;
      return { what, subject: client, samples: summary.count, median: format(summary.median), p99: format(summary.p99), target: '' };
    }),
    { what: ratioName, subject: 'bot / bare', samples: bot.count, median: ratio(medianRatio), p99: ratio(bot.p99 / bare.p99), target: `median ≤ ${RATIO_TARGET}x`, met: medianRatio <= RATIO_TARGET },
  ];
}

async function closeAll(clients: PerClient<Harness>): Promise<void> {
  for (const client of CLIENTS) await clients[client].close();
}
