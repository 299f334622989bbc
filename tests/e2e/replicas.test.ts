// End to end: three replicas of the bot (HTTP interactions mode: no gateway, as behind a load balancer)
// share one PostgreSQL database. A recap fans out to 60 channels; one replica is killed with SIGKILL
// while its posts are in flight (Discord has created them but not yet answered). Every channel must end
// with exactly one post: the survivors take over the dead replica's claims once their lease runs out and
// re-post with the same nonce, which returns the message already there instead of a second one.
import { afterAll, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulator/index.js';
import { claimsByPid, freshDatabase } from '../support/postgres-server.js';
import { cronAt, secondsFromNow } from '../support/schedule.js';
import { httpModeEnv, startProcess, type BotProcess } from './bot-process.js';

const CHANNELS = 60;
const LEASE_SECONDS = 3;

let emulator: Emulator | undefined;
let replicas: BotProcess[] = [];
let drop: (() => Promise<void>) | undefined;
afterAll(async () => {
  await Promise.all(replicas.map((replica) => replica.stop('SIGKILL')));
  await emulator?.close();
  await drop?.();
});

it('posts exactly once in each of 60 channels from 3 replicas on PostgreSQL when one is killed mid-fan-out', { timeout: 60_000 }, async () => {
  // Each post takes a second to be answered, so a replica's posts are still in flight when it dies.
  emulator = await startEmulator({
    guilds: [{ name: 'Newsroom', channels: Array.from({ length: CHANNELS }, (_, n) => ({ name: `talks-${n}` })) }],
    messageLatencyMs: 1000,
  });
  const database = await freshDatabase('replicas');
  drop = database.drop;
  const channelIds = emulator.guilds[0]!.channels.map((channel) => channel.id);
  const slot = secondsFromNow(12);
  const env = {
    DISCORD_TOKEN: emulator.token,
    DISCORD_API_URL: emulator.restUrl,
    DATABASE_URL: database.url,
    RECAP_CHANNEL_IDS: channelIds.join(','),
    RECAP_SCHEDULE: cronAt(slot),
    RECAP_CLAIM_LEASE_SECONDS: String(LEASE_SECONDS),
    ...httpModeEnv(emulator),
  };
  replicas = [0, 1, 2].map(() => startProcess('src/main.ts', env));
  await Promise.all(replicas.map((replica) => replica.waitForLog((line) => line.msg === 'recap scheduler started', 20_000)));
  expect(Date.now()).toBeLessThan(slot.getTime() - 1000);

  // Mid-fan-out: the slots are claimed and posted, and no post has been answered yet. The replica holding
  // the most claims dies (the first timer to fire often claims them all: claiming takes a millisecond).
  await new Promise((resolve) => setTimeout(resolve, slot.getTime() + 500 - Date.now()));
  const claims = await claimsByPid(database.url);
  const victim = replicas.reduce((most, replica) => ((claims.get(replica.child.pid!) ?? 0) > (claims.get(most.child.pid!) ?? 0) ? replica : most));
  const survivors = replicas.filter((replica) => replica !== victim);
  expect(claims.get(victim.child.pid!) ?? 0).toBeGreaterThan(0);
  await victim.stop('SIGKILL');
  const posted = (line: { msg: string }) => line.msg === 'recap delivered';
  expect(victim.logs.filter(posted)).toHaveLength(0);

  await Promise.all(channelIds.map((id) => emulator!.waitForMessages(id, 1, 20_000)));
  // Give any duplicate time to show up: past the lease and another sweep.
  await new Promise((resolve) => setTimeout(resolve, (LEASE_SECONDS + 2) * 1000));
  const counts = channelIds.map((id) => emulator!.messages(id).length);
  expect(counts.filter((count) => count === 0)).toHaveLength(0); // no losses
  expect(counts.filter((count) => count > 1)).toHaveLength(0); // no duplicates
  const takenOver = survivors.flatMap((survivor) => survivor.logs.filter((line) => line.msg === 'took over a claim whose lease ran out'));
  expect(takenOver.length).toBeGreaterThan(0);
  const delivered = survivors.flatMap((survivor) => survivor.logs.filter(posted)).map((line) => line.subscription);
  // Every subscription settled as delivered by a survivor, the dead replica's too.
  expect(new Set(delivered).size).toBe(CHANNELS);
});

