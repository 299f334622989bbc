// Bench section: the real bot process next to a bare discord.js client, each against its own emulator, in
// the same run, with a control: the same bare client answering with one of the bot's own answers. The bot
// runs as `npm start` runs it (compiled dist/src/main.js, with the node flags of package.json); the bare
// client as plain `node bench/bare-client.mjs`. All log JSON at info level, one line per interaction. Each
// run starts a fresh set of processes, sends each the same mixed interactions one at a time in alternating
// blocks (so that the machine's noise falls on all alike), then samples the resident memory of the bot's
// and the bare client's whole process trees.
import { setTimeout } from 'node:timers/promises';
import { nodeArguments, processTreeMemoryMb, startAgainstEmulator, type Harness } from '../tests/e2e/bot-process.js';
import { inject, interactionMix, type Interaction } from '../tests/support/interaction-mix.js';
import { Random } from '../tests/support/random.js';
import { loadOrThrow } from '../tests/support/content.js';
import type { BenchRow, BenchSection } from './section.js';
import { mb, ms, ratio, summarize, type Summary } from './stats.js';

/** Measured interactions per client per run. */
const INTERACTIONS = 500;
/** Sent to each client before timing starts, so both have compiled their hot paths. */
const WARM_UP = 50;
const BLOCK = 25;
/**
 * The spaced pass waits this long after each answer before sending the next interaction. People's
 * interactions do not arrive 0.1 ms after the last answer: a bot answering 100 a second still has 10 ms
 * between them, and both clients are then idle when one arrives, as they are in production.
 */
const SPACING_MS = 5;
/** Fresh pairs of processes: RSS is the median over runs, latency pools every run's samples. */
const RUNS = 5;
const TARGETS = { latency: 1.0, rss: 1.1 };
const LOG_LEVEL = 'info';

/** The emulator's schema checks of request bodies are the emulator's time, not the client's: off here (the tests keep them on). */
export const BENCH_EMULATOR = { checkBodies: false } as const;

/**
 * `sized` is the control: the bare client giving every command and button one of the bot's own answers,
 * the one of median size. The bot / bare ratio carries the target; bot / sized shows how much of the gap is the cost
 * of carrying a real answer (serializing, sending, and the emulator parsing it) rather than the bot's code.
 */
const CLIENTS = ['bot', 'bare', 'sized'] as const;
type Client = (typeof CLIENTS)[number];
type PerClient<T> = Record<Client, T>;

const BOT_COMMAND = `node ${nodeArguments('src/main.ts').join(' ')}`;
/** The baseline: a bare discord.js client run as plain node. */
export const BARE_ENTRY = 'bench/bare-client.mjs';

export const endToEnd: BenchSection = {
  name: 'end to end',
  method:
    `Bot: \`${BOT_COMMAND}\` (what npm start runs, after npm run build); bare: a discord.js client answering everything with one fixed ` +
    `embed, \`node ${BARE_ENTRY}\`, plain node with V8's defaults. Both log JSON with pino at LOG_LEVEL=${LOG_LEVEL}, one info line per ` +
    `interaction with the same fields. Control: the same bare client answering every command and button with one of the bot's own answers ` +
    `(BARE_ANSWER), the one of median UTF-8 size among its answers to the warm-up interactions (asked first, of a bot process of its own). ` +
    `${RUNS} runs, each with a fresh set of processes: ${WARM_UP} unmeasured then twice ${INTERACTIONS} ` +
    `measured interactions (45% commands, 30% autocomplete, 25% page and Sources buttons) to each, one at a time, in alternating blocks ` +
    `of ${BLOCK}: first back to back (the next sent as soon as the emulator has the answer), then each ${SPACING_MS} ms after the previous ` +
    `answer (both clients idle when it arrives, as between people's interactions), against emulators that skip their schema checks of request bodies (the tests keep them); latency is timed from injection at the emulator until it records the answer, pooled over runs. RSS: the sum of VmRSS ` +
    `(/proc/<pid>/status) over the client's process and all its descendants, sampled right after that run's measured interactions; ` +
    `median over runs.`,
  async run(context) {
    const briefing = await loadOrThrow(context.shippedDir);
    const random = new Random(11);
    const warmUp = interactionMix(briefing, random, WARM_UP);
    const mix = interactionMix(briefing, random, INTERACTIONS);
    const env = { LOG_LEVEL };
    const startBot = () => startAgainstEmulator({ env: { ...env, CONTENT_DIR: context.shippedDir }, emulator: BENCH_EMULATOR });
    const answer = await medianAnswer(startBot, warmUp);
    const start: PerClient<() => Promise<Harness>> = {
      bot: startBot,
      bare: () => startAgainstEmulator({ entry: BARE_ENTRY, env, emulator: BENCH_EMULATOR }),
      sized: () => startAgainstEmulator({ entry: BARE_ENTRY, env: { ...env, BARE_ANSWER: answer.json }, emulator: BENCH_EMULATOR }),
    };

    const rss: Record<'bot' | 'bare', number[]> = { bot: [], bare: [] };
    const backToBack: PerClient<number[]> = { bot: [], bare: [], sized: [] };
    const spaced: PerClient<number[]> = { bot: [], bare: [], sized: [] };
    for (let run = 1; run <= RUNS; run++) {
      context.progress(`end to end: run ${run} of ${RUNS}, ${WARM_UP} + ${INTERACTIONS} interactions to each client`);
      const clients = { bot: await start.bot(), bare: await start.bare(), sized: await start.sized() };
      try {
        for (const client of CLIENTS) for (const interaction of warmUp) await roundTrip(clients[client], interaction);
        for (const [latency, spacingMs] of [[backToBack, 0], [spaced, SPACING_MS]] as const) {
          for (let from = 0; from < mix.length; from += BLOCK) {
            for (const client of CLIENTS) {
              for (const interaction of mix.slice(from, from + BLOCK)) {
                if (spacingMs > 0) await setTimeout(spacingMs);
                latency[client].push(await roundTrip(clients[client], interaction));
              }
            }
          }
        }
        for (const client of ['bot', 'bare'] as const) rss[client].push(await processTreeMemoryMb(clients[client].bot.child.pid!));
      } finally {
        for (const client of CLIENTS) await clients[client].close();
      }
    }
    const sized = `bare, with a bot answer of ${answer.bytes} bytes`;
    return [
      ...comparison('interaction latency (inject -> reply), back to back', 'latency ratio, back to back', backToBack, ms, TARGETS.latency, sized),
      ...comparison(`interaction latency (inject -> reply), ${SPACING_MS} ms apart`, `latency ratio, ${SPACING_MS} ms apart`, spaced, ms, TARGETS.latency, sized),
      ...comparison(`RSS of the process tree after ${WARM_UP + 2 * INTERACTIONS} interactions`, 'RSS ratio', rss, mb, TARGETS.rss),
    ];
  },
};

/** Milliseconds from injecting the interaction to the emulator recording the answer. */
export async function roundTrip(client: Harness, interaction: Interaction): Promise<number> {
  const started = performance.now();
  await inject(client.emulator, interaction).waitForReply();
  return performance.now() - started;
}

/**
 * A row per client, and the ratio bot / bare for the median, where the target applies, and the p99; with a
 * control (`sizedLabel`), its row and the ratio bot / control too, without a target.
 */
function comparison(
  what: string,
  ratioName: string,
  samples: { bot: number[]; bare: number[]; sized?: number[] },
  format: (value: number) => string,
  target: number,
  sizedLabel?: string,
): BenchRow[] {
  const bot = summarize(samples.bot);
  const row = (subject: string, summary: Summary): BenchRow => ({ what, subject, samples: summary.count, median: format(summary.median), p99: format(summary.p99), target: '' });
  const ratioRow = (subject: string, base: Summary, withTarget: boolean): BenchRow => ({
    what: ratioName,
    subject,
    samples: bot.count,
    median: ratio(bot.median / base.median),
    p99: ratio(bot.p99 / base.p99),
    target: withTarget ? `median ≤ ${target.toFixed(1)}x` : '',
    met: withTarget ? bot.median / base.median <= target : undefined,
  });
  const bare = summarize(samples.bare);
  const rows = [row('bot', bot), row('bare', bare)];
  const ratios = [ratioRow('bot / bare', bare, true)];
  if (samples.sized && sizedLabel) {
    const sized = summarize(samples.sized);
    rows.push(row(sizedLabel, sized));
    ratios.push(ratioRow(`bot / ${sizedLabel} (control)`, sized, false));
  }
  return [...rows, ...ratios];
}

/** Of the bot's answers to `interactions` (message callbacks, not autocomplete), the one of median UTF-8 size: its embeds and components. */
async function medianAnswer(startBot: () => Promise<Harness>, interactions: readonly Interaction[]): Promise<{ json: string; bytes: number }> {
  const harness = await startBot();
  try {
    const answers: { json: string; bytes: number }[] = [];
    for (const interaction of interactions) {
      const reply = await inject(harness.emulator, interaction).waitForReply();
      if (reply.choices !== undefined) continue;
      const json = JSON.stringify({ embeds: reply.embeds, components: reply.components });
      answers.push({ json, bytes: Buffer.byteLength(JSON.stringify(reply.data)) });
    }
    answers.sort((a, b) => a.bytes - b.bytes);
    return answers[answers.length >> 1]!;
  } finally {
    await harness.close();
  }
}
