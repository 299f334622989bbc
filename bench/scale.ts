// Bench section `scale`: (1) the bot in HTTP interactions mode next to the gateway bot, a bare discord.js
// client and a minimal HTTP interactions handler, each against its own emulator, at npm start's node flags
// and at V8's defaults: RSS after start and after answering, and interaction latency; (2) a recap
// fanned out to 2,000 channels by 3 replicas in HTTP mode on one PostgreSQL database, their REST through
// one @discordjs/proxy, with 5% of first posts answered 429 and the replica holding the most claims killed
// (SIGKILL) a few seconds in: wall time against the floor Discord's global limit sets, deliveries,
// duplicates, losses and the 429s the emulator sent.
import { BARE_ENTRY, BENCH_EMULATOR } from './end-to-end.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { startEmulator } from '../tests/emulator/index.js';
import { httpModeEnv, nodeArguments, processTreeMemoryMb, startAgainstEmulator, startProcess, type BotProcess, type Harness } from '../tests/e2e/bot-process.js';
import { loadOrThrow } from '../tests/support/content.js';
import { interactionMix } from '../tests/support/interaction-mix.js';
import { claimsByPid, ensurePostgresServer, freshDatabase, SERVER_URL_VARIABLE } from '../tests/support/postgres-server.js';
import { Random } from '../tests/support/random.js';
import { cronAt, secondsFromNow } from '../tests/support/schedule.js';
import { roundTrip } from './end-to-end.js';
import type { BenchRow, BenchSection } from './section.js';
import { mb, ms, ratio, summarize } from './stats.js';

const INTERACTIONS = 200;
const WARM_UP = 30;
/** Fresh processes per subject, one subject after another in each round: RSS is the median over rounds. */
const RUNS = 3;
/** The node flags npm start gives the bot (`--max-semi-space-size=1`); the baselines get them through NODE_OPTIONS. */
const BOT_FLAGS = nodeArguments('src/main.ts').slice(0, -1);
const MINIMAL_ENTRY = 'bench/minimal-http.mjs';
const CHANNELS = 2000;
const REPLICAS = 3;
const FIRST_POST_429_SHARE = 0.05;
const LEASE_SECONDS = 5;
const KILL_AFTER_MS = 4000;
const GLOBAL_LIMIT = 50;

export const scale: BenchSection = {
  name: 'scale',
  method:
    `Modes: the bot (compiled, as npm start runs it) on the gateway and over HTTP, a bare discord.js client (\`${BARE_ENTRY}\`) and a minimal HTTP interactions handler ` +
    `(\`${MINIMAL_ENTRY}\`: node:http, an Ed25519 check, PONG and one fixed answer, started and driven as the bot's HTTP mode), each against its own emulator ` +
    `(schema checks of bodies off, as in the end-to-end section), at npm start's node flags (${BOT_FLAGS.join(' ')}, through NODE_OPTIONS for the baselines) ` +
    `and, for the gateway bot (\`node dist/src/main.js\`) and the bare client, at V8's defaults. ${RUNS} rounds of fresh processes, one subject after another; ` +
    `RSS of the process tree 1 s after ready and after ${WARM_UP} unmeasured + ${INTERACTIONS} mixed interactions sent one at a time, median over rounds; ` +
    `latency timed from injection to the recorded answer (HTTP: the emulator POSTs signed requests), pooled over rounds. ` +
    `Fan-out: ${CHANNELS} channels (RECAP_CHANNEL_IDS), ${REPLICAS} replicas in HTTP mode on one PostgreSQL database, REST through one @discordjs/proxy ` +
    `(npm run rest-proxy, 45 requests/s), the emulator enforcing ${GLOBAL_LIMIT} requests/s per token, ${FIRST_POST_429_SHARE * 100}% of first posts answered 429, ` +
    `the replica holding the most unsettled claims SIGKILLed ${KILL_AFTER_MS / 1000} s after posting starts, RECAP_CLAIM_LEASE_SECONDS=${LEASE_SECONDS}. ` +
    `Wall time from the slot (or the last replica's start, if later) to the last channel's first post (not measured while any channel has none); floor = ${CHANNELS} / ${GLOBAL_LIMIT} per second.`,
  async run(context) {
    return [...(await modes(context)), ...(await fanOut(context))];
  },
};

type Subject = 'gateway bot' | 'HTTP bot' | 'bare client' | 'minimal HTTP handler' | 'gateway bot, V8 defaults' | 'bare client, V8 defaults';

/** Each subject's RSS over the ratio's: the target is met when the median ratio is at most `target`. */
const RSS_TARGETS: { of: Subject; over: Subject; target: number }[] = [
  { of: 'HTTP bot', over: 'bare client', target: 0.75 },
  { of: 'HTTP bot', over: 'minimal HTTP handler', target: 1.2 },
  { of: 'gateway bot', over: 'bare client', target: 1.05 },
  { of: 'gateway bot, V8 defaults', over: 'bare client, V8 defaults', target: 1.05 },
];

async function modes(context: Parameters<BenchSection['run']>[0]): Promise<BenchRow[]> {
  const briefing = await loadOrThrow(context.shippedDir);
  const random = new Random(23);
  const warmUp = interactionMix(briefing, random, WARM_UP);
  const mix = interactionMix(briefing, random, INTERACTIONS);
  const bot = { CONTENT_DIR: context.shippedDir };
  const botFlags = { NODE_OPTIONS: BOT_FLAGS.join(' ') };
  const starts: Record<Subject, () => Promise<Harness>> = {
    'gateway bot': () => startAgainstEmulator({ env: bot, emulator: BENCH_EMULATOR }),
    'HTTP bot': () => startAgainstEmulator({ http: true, env: bot, emulator: BENCH_EMULATOR }),
    'bare client': () => startAgainstEmulator({ entry: BARE_ENTRY, env: botFlags, emulator: BENCH_EMULATOR }),
    'minimal HTTP handler': () => startAgainstEmulator({ entry: MINIMAL_ENTRY, http: true, env: botFlags, emulator: BENCH_EMULATOR }),
    'gateway bot, V8 defaults': () => startAgainstEmulator({ entry: 'dist/src/main.js', env: bot, emulator: BENCH_EMULATOR }),
    'bare client, V8 defaults': () => startAgainstEmulator({ entry: BARE_ENTRY, emulator: BENCH_EMULATOR }),
  };
  const subjects = Object.keys(starts) as Subject[];
  const samples = new Map(subjects.map((subject) => [subject, { latency: [] as number[], atReady: [] as number[], answered: [] as number[] }]));
  for (let round = 1; round <= RUNS; round++) {
    context.progress(`scale: round ${round} of ${RUNS}: RSS and ${WARM_UP} + ${INTERACTIONS} interactions to each of ${subjects.length} subjects`);
    for (const subject of subjects) {
      const harness = await starts[subject]();
      const sampled = samples.get(subject)!;
      try {
        await sleep(1000);
        sampled.atReady.push(await processTreeMemoryMb(harness.bot.child.pid!));
        for (const interaction of warmUp) await roundTrip(harness, interaction);
        for (const interaction of mix) sampled.latency.push(await roundTrip(harness, interaction));
        sampled.answered.push(await processTreeMemoryMb(harness.bot.child.pid!));
      } finally {
        await harness.close();
      }
    }
  }
  const rows: BenchRow[] = [];
  const answeredMedian = (subject: Subject) => summarize(samples.get(subject)!.answered).median;
  for (const subject of subjects) {
    const { latency, atReady, answered } = samples.get(subject)!;
    const timing = summarize(latency);
    rows.push({ what: 'interaction latency (inject -> reply)', subject, samples: timing.count, median: ms(timing.median), p99: ms(timing.p99), target: '' });
    rows.push({ what: 'RSS of the process tree 1 s after ready', subject, samples: atReady.length, median: mb(summarize(atReady).median), p99: '', target: '' });
    rows.push({ what: `RSS of the process tree after ${WARM_UP + INTERACTIONS} interactions`, subject, samples: answered.length, median: mb(answeredMedian(subject)), p99: '', target: '' });
  }
  for (const { of, over, target } of RSS_TARGETS) {
    const value = answeredMedian(of) / answeredMedian(over);
    rows.push({ what: `RSS ratio after ${WARM_UP + INTERACTIONS} interactions`, subject: `${of} / ${over}`, samples: RUNS, median: ratio(value), p99: '', target: `≤ ${target.toFixed(2)}x`, met: value <= target });
  }
  return rows;
}

/** Unsettled claims per replica pid, waiting (up to 20 s) until some replica holds any. */
async function claimsHeld(url: string): Promise<Map<number, number>> {
  for (const deadline = Date.now() + 20_000; ; await sleep(200)) {
    const claims = await claimsByPid(url);
    if (claims.size > 0 || Date.now() > deadline) return claims;
  }
}

async function fanOut(context: Parameters<BenchSection['run']>[0]): Promise<BenchRow[]> {
  const server = await ensurePostgresServer();
  process.env[SERVER_URL_VARIABLE] = server.url;
  const database = await freshDatabase('bench');
  const emulator = await startEmulator({
    guilds: Array.from({ length: CHANNELS / 500 }, (_, guild) => ({ name: `Guild ${guild}`, channels: Array.from({ length: 500 }, (_, n) => ({ name: `c${guild}-${n}` })) })),
  });
  const channelIds = emulator.guilds.flatMap((guild) => guild.channels.map((channel) => channel.id));
  const refused = channelIds.filter((_, index) => index % Math.round(1 / FIRST_POST_429_SHARE) === 0);
  for (const id of refused) emulator.failNext({ method: 'POST', path: `/channels/${id}/messages`, status: 429, retryAfter: 0.5 });
  let proxy: BotProcess | undefined;
  let replicas: BotProcess[] = [];
  try {
    proxy = startProcess('src/cli/rest-proxy.ts', { PORT: '0', DISCORD_API_URL: emulator.restUrl });
    const ready = await proxy.waitForLog((line) => line.msg === 'ready');
    const slot = secondsFromNow(20);
    const env = {
      DISCORD_TOKEN: emulator.token,
      DISCORD_API_URL: `http://127.0.0.1:${String(ready.port)}/api`,
      DATABASE_URL: database.url,
      RECAP_CHANNEL_IDS: channelIds.join(','),
      RECAP_SCHEDULE: cronAt(slot),
      RECAP_CLAIM_LEASE_SECONDS: String(LEASE_SECONDS),
      LOG_LEVEL: 'warn',
      ...httpModeEnv(emulator),
    };
    context.progress(`scale: starting ${REPLICAS} replicas for a fan-out to ${CHANNELS} channels`);
    replicas = Array.from({ length: REPLICAS }, () => startProcess('src/main.ts', { ...env, LOG_LEVEL: 'info' }));
    await Promise.all(replicas.map((replica) => replica.waitForLog((line) => line.msg === 'recap scheduler started', 60_000)));
    // Posting starts at the slot, or when the last replica is up if the machine was slow to start them
    // (a missed slot is caught up at start).
    const postingFrom = Math.max(slot.getTime(), Date.now());
    await sleep(Math.max(0, postingFrom + KILL_AFTER_MS - Date.now()));
    const claims = await claimsHeld(database.url);
    const victim = replicas.reduce((most, replica) => ((claims.get(replica.child.pid!) ?? 0) > (claims.get(most.child.pid!) ?? 0) ? replica : most));
    const victimClaims = claims.get(victim.child.pid!) ?? 0;
    context.progress(`scale: killing replica ${victim.child.pid} holding ${victimClaims} claims`);
    await victim.stop('SIGKILL');
    const deadline = Date.now() + 180_000;
    let lastFirstPost = 0;
    for (;;) {
      const firsts = channelIds.map((id) => emulator.messages(id)[0]);
      if (firsts.every(Boolean)) {
        lastFirstPost = Math.max(...firsts.map((message) => Number((BigInt(message!.id) >> 22n) + 1420070400000n)));
        break;
      }
      if (Date.now() > deadline) break;
      await sleep(250);
    }
    // Past another lease and sweep, for any duplicate to show.
    await sleep((LEASE_SECONDS + 3) * 1000);
    const counts = channelIds.map((id) => emulator.messages(id).length);
    const delivered = counts.filter((count) => count > 0).length;
    const duplicates = counts.reduce((sum, count) => sum + Math.max(0, count - 1), 0);
    const losses = counts.filter((count) => count === 0).length;
    const tooMany = emulator.requests.filter((request) => request.status === 429).length;
    const wallMs = lastFirstPost ? lastFirstPost - postingFrom : Number.NaN;
    const floorMs = (CHANNELS / GLOBAL_LIMIT) * 1000;
    const subject = `${REPLICAS} replicas + proxy`;
    return [
      { what: `fan-out wall time, ${CHANNELS} channels (floor ${ms(floorMs)})`, subject, samples: 1, median: ms(wallMs), p99: '', target: `≤ 2x floor`, met: wallMs <= 2 * floorMs },
      { what: 'claims held by the killed replica', subject, samples: 1, median: String(victimClaims), p99: '', target: '> 0', met: victimClaims > 0 },
      { what: 'fan-out deliveries / duplicates / losses', subject, samples: CHANNELS, median: `${delivered} / ${duplicates} / ${losses}`, p99: '', target: '0 duplicates, 0 losses', met: duplicates === 0 && losses === 0 },
      { what: `429s sent by the emulator (${refused.length} injected, rest global)`, subject, samples: 1, median: String(tooMany), p99: '', target: '' },
    ];
  } finally {
    await Promise.all(replicas.map((replica) => replica.stop('SIGKILL')));
    await proxy?.stop();
    await emulator.close();
    await database.drop();
    await server.stop();
  }
}

