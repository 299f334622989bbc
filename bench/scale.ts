// Bench section `scale`: (1) the bot in HTTP interactions mode next to the gateway bot and a bare
// discord.js client, each against its own emulator: RSS after start and interaction latency; (2) a recap
// fanned out to 2,000 channels by 3 replicas in HTTP mode on one PostgreSQL database, their REST through
// one @discordjs/proxy, with 5% of first posts answered 429 and the replica holding the most claims killed
// (SIGKILL) a few seconds in: wall time against the floor Discord's global limit sets, deliveries,
// duplicates, losses and the 429s the emulator sent.
import { BARE_ENTRY, BENCH_EMULATOR } from './end-to-end.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { startEmulator } from '../tests/emulator/index.js';
import { httpModeEnv, residentMemoryMb, startAgainstEmulator, startProcess, type BotProcess, type Harness } from '../tests/e2e/bot-process.js';
import { loadOrThrow } from '../tests/support/content.js';
import { interactionMix } from '../tests/support/interaction-mix.js';
import { claimsByPid, ensurePostgresServer, freshDatabase, SERVER_URL_VARIABLE } from '../tests/support/postgres-server.js';
import { Random } from '../tests/support/random.js';
import { cronAt, secondsFromNow } from '../tests/support/schedule.js';
import { roundTrip } from './end-to-end.js';
import type { BenchRow, BenchSection } from './section.js';
import { mb, ms, summarize } from './stats.js';

const INTERACTIONS = 200;
const WARM_UP = 30;
const CHANNELS = 2000;
const REPLICAS = 3;
const FIRST_POST_429_SHARE = 0.05;
const LEASE_SECONDS = 5;
const KILL_AFTER_MS = 4000;
const GLOBAL_LIMIT = 50;

export const scale: BenchSection = {
  name: 'scale',
  method:
    `Modes: gateway bot, HTTP-mode bot and bare discord.js client, each against its own emulator (schema checks of bodies off, as in the end-to-end section); RSS 1 s after ready; ${INTERACTIONS} mixed interactions ` +
    `one at a time after ${WARM_UP} unmeasured, timed from injection to the recorded answer (HTTP mode: the emulator POSTs signed requests). ` +
    `Fan-out: ${CHANNELS} channels (RECAP_CHANNEL_IDS), ${REPLICAS} replicas in HTTP mode on one PostgreSQL database, REST through one @discordjs/proxy ` +
    `(npm run rest-proxy, 45 requests/s), the emulator enforcing ${GLOBAL_LIMIT} requests/s per token, ${FIRST_POST_429_SHARE * 100}% of first posts answered 429, ` +
    `the replica holding the most unsettled claims SIGKILLed ${KILL_AFTER_MS / 1000} s after posting starts, RECAP_CLAIM_LEASE_SECONDS=${LEASE_SECONDS}. ` +
    `Wall time from the slot (or the last replica's start, if later) to the last channel's first post (not measured while any channel has none); floor = ${CHANNELS} / ${GLOBAL_LIMIT} per second.`,
  async run(context) {
    return [...(await modes(context)), ...(await fanOut(context))];
  },
};

async function modes(context: Parameters<BenchSection['run']>[0]): Promise<BenchRow[]> {
  const briefing = await loadOrThrow(context.shippedDir);
  const random = new Random(23);
  const warmUp = interactionMix(briefing, random, WARM_UP);
  const mix = interactionMix(briefing, random, INTERACTIONS);
  const starts: Record<string, () => Promise<Harness>> = {
    gateway: () => startAgainstEmulator({ env: { CONTENT_DIR: context.shippedDir }, emulator: BENCH_EMULATOR }),
    http: () => startAgainstEmulator({ http: true, env: { CONTENT_DIR: context.shippedDir }, emulator: BENCH_EMULATOR }),
    bare: () => startAgainstEmulator({ entry: BARE_ENTRY, emulator: BENCH_EMULATOR }),
  };
  const rows: BenchRow[] = [];
  for (const [subject, start] of Object.entries(starts)) {
    context.progress(`scale: ${subject}: RSS and ${INTERACTIONS} interactions`);
    const harness = await start();
    try {
      await sleep(1000);
      const rss = await residentMemoryMb(harness.bot.child.pid!);
      for (const interaction of warmUp) await roundTrip(harness, interaction);
      const latency = [];
      for (const interaction of mix) latency.push(await roundTrip(harness, interaction));
      const summary = summarize(latency);
      rows.push({ what: 'interaction latency (inject -> reply)', subject, samples: summary.count, median: ms(summary.median), p99: ms(summary.p99), target: '' });
      rows.push({ what: 'RSS 1 s after ready', subject, samples: 1, median: mb(rss), p99: '', target: '' });
    } finally {
      await harness.close();
    }
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

