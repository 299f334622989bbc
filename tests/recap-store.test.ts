// One contract for every recap storage engine: the same tests run against SQLite and PostgreSQL (a real
// server, see tests/support/postgres-server.ts). Two storages opened on one database stand for two bot
// processes (replicas) sharing it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { openStorage, type RecapStorage } from '../src/recaps/storage.js';
import type { NewSubscription } from '../src/recaps/subscriptions.js';
import { PG_MIGRATIONS } from '../src/recaps/postgres/database.js';
import { freshDatabase } from './support/postgres-server.js';
import { added } from './support/subscriptions.js';

interface Engine {
  name: 'sqlite' | 'postgres';
  /** A new empty database; `open` connects one more process to it. */
  create(): Promise<{ open: () => Promise<RecapStorage>; url?: string }>;
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const opened = async (open: () => Promise<RecapStorage>) => {
  const storage = await open();
  cleanups.push(() => storage.close());
  return storage;
};

const engines: Engine[] = [
  {
    name: 'sqlite',
    async create() {
      const dir = await mkdtemp(path.join(tmpdir(), 'recap-store-'));
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      const file = path.join(dir, 'bot.sqlite');
      return { open: () => opened(() => openStorage({ DATABASE_PATH: file })) };
    },
  },
  {
    name: 'postgres',
    async create() {
      const database = await freshDatabase('store');
      cleanups.push(database.drop);
      return { url: database.url, open: () => opened(() => openStorage({ DATABASE_URL: database.url, DATABASE_PATH: 'unused' })) };
    },
  },
];

const GUILD = '2'.repeat(18);
const channel = (n: number) => `${'3'.repeat(15)}${String(n).padStart(3, '0')}`;
const subscription = (overrides: Partial<NewSubscription> = {}): NewSubscription => ({
  guildId: GUILD, channelId: channel(0), schedule: 'daily 08:00', cron: '0 8 * * *', timezone: 'UTC', whenQuiet: 'post', createdBy: null, ...overrides,
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// Lease tests set the clock the ledgers read (only Date: timers and I/O stay real), so a slow round trip
// on a busy machine cannot age a fresh claim past its lease.
const LEASE_MS = 5 * 60_000;
const setClock = (minutes: number) => {
  vi.useFakeTimers({ now: Date.parse('2026-01-01T12:00:00.000Z') + minutes * 60_000, toFake: ['Date'] });
};
afterEach(() => {
  vi.useRealTimers();
});

describe.each(engines)('recap storage on $name', (engine) => {
  it('stores, lists, pauses, resumes and removes subscriptions', async () => {
    const { open } = await engine.create();
    const { subscriptions } = await open();
    const first = await added(subscriptions.add(subscription({ createdBy: '9'.repeat(18) })));
    expect(first).toMatchObject({ id: 1, guildId: GUILD, channelId: channel(0), trigger: 'clock', whenQuiet: 'post', origin: 'command', pausedAt: null, seenEdition: null });
    expect(await subscriptions.get(first.id)).toEqual(first);
    await subscriptions.pause(first.id, 'because');
    expect(await subscriptions.get(first.id)).toMatchObject({ pausedReason: 'because', pausedBy: null });
    await subscriptions.resume(first.id);
    await subscriptions.pause(first.id, 'paused by an admin', '8'.repeat(18));
    expect(await subscriptions.get(first.id)).toMatchObject({ pausedReason: 'paused by an admin', pausedBy: '8'.repeat(18) });
    await subscriptions.resume(first.id);
    await subscriptions.markSeen(first.id, '2025-12-03');
    await subscriptions.planNextSlot(first.id, '2026-01-01T08:00:00.000Z');
    expect(await subscriptions.get(first.id)).toMatchObject({ pausedAt: null, pausedReason: null, pausedBy: null, seenEdition: '2025-12-03', nextSlot: '2026-01-01T08:00:00.000Z' });
    await subscriptions.syncEnvironment([channel(50)], { text: 'daily 09:00', cron: '0 9 * * *', timezone: 'UTC' });
    expect((await subscriptions.forGuild(GUILD, new Set([channel(50)]))).map((row) => row.channelId)).toEqual([channel(0), channel(50)]);
    expect((await subscriptions.forGuild(GUILD, new Set())).map((row) => row.channelId)).toEqual([channel(0)]);
    expect(await subscriptions.remove(first.id)).toBe(true);
    expect(await subscriptions.remove(first.id)).toBe(false);
    expect(await subscriptions.get(first.id)).toBeUndefined();
  });

  it('stores how a recap posts: forum tag, thread per recap, publishing, its post, the last publish failure, its language', async () => {
    const { open } = await engine.create();
    const [one, other] = [await open(), await open()];
    const plain = await added(one.subscriptions.add(subscription()));
    expect(plain).toMatchObject({ channelKind: 'text', tagId: null, threadPerRecap: false, publish: false, threadId: null, publishFailure: null, language: 'en' });
    const forum = await added(one.subscriptions.add(subscription({ channelId: channel(1), channelKind: 'forum', tagId: '7'.repeat(18), language: 'de' })));
    const news = await added(one.subscriptions.add(subscription({ channelId: channel(2), channelKind: 'announcement', threadPerRecap: true, publish: true, language: 'fr' })));
    // What one process records, another reads (a restart, or another replica).
    await one.subscriptions.setThread(forum.id, '8'.repeat(18));
    await one.subscriptions.recordPublish(news.id, 'Missing Permissions');
    expect(await other.subscriptions.get(forum.id)).toMatchObject({ channelKind: 'forum', tagId: '7'.repeat(18), threadId: '8'.repeat(18), language: 'de' });
    expect(await other.subscriptions.get(news.id)).toMatchObject({ threadPerRecap: true, publish: true, publishFailure: 'Missing Permissions', language: 'fr' });
    await other.subscriptions.edit(news.id, { ...news, publish: false, threadPerRecap: false, language: 'en', tagId: null });
    await other.subscriptions.recordPublish(news.id, null);
    expect(await one.subscriptions.get(news.id)).toMatchObject({ channelKind: 'announcement', threadPerRecap: false, publish: false, publishFailure: null, language: 'en' });
    expect((await one.subscriptions.all()).map(({ threadPerRecap, publish }) => [threadPerRecap, publish])).toEqual([[false, false], [false, false], [false, false]]);
    await expect(one.subscriptions.edit(news.id, { ...news, language: 'xx' as 'en' })).rejects.toThrow();

    // A recap delivered into a forum's post records the post, so a correction edits the message there.
    await one.ledger.claim(forum.id, 'slot', forum.channelId, 'a');
    await one.ledger.settle(forum.id, 'slot', { status: 'delivered', messageId: '9'.repeat(18), threadId: '8'.repeat(18) });
    expect(await other.ledger.lastDelivered(forum.channelId)).toMatchObject({ channelId: forum.channelId, threadId: '8'.repeat(18) });
  });

  it('answers each interaction id once, whichever of many processes is asked, and forgets ids past the replay window', async () => {
    const { open } = await engine.create();
    const replicas = await Promise.all([open(), open(), open()]);
    setClock(0);
    const firsts = await Promise.all(replicas.flatMap((replica) => ['1'.repeat(18), '2'.repeat(18)].map((id) => replica.interactions.first(id))));
    expect(firsts.filter(Boolean)).toHaveLength(2);
    expect(await replicas[0]!.interactions.first('1'.repeat(18))).toBe(false);
    // A request signed 20 minutes ago is refused for its age; its id need not be kept.
    setClock(20);
    expect(await replicas[1]!.interactions.first('1'.repeat(18))).toBe(true);
  });

  it('keeps the per-server limit and refuses duplicates with many processes subscribing at once', async () => {
    const { open } = await engine.create();
    const replicas = await Promise.all([open(), open(), open()]);
    const attempts = Array.from({ length: 30 }, (_, n) => subscription({ channelId: channel(n % 15) }));
    const results = await Promise.all(attempts.map((attempt, n) => replicas[n % replicas.length]!.subscriptions.add(attempt, { maxPerGuild: 10 })));
    const statuses = results.map((result) => result.status);
    expect(statuses.filter((status) => status === 'added')).toHaveLength(10);
    expect(await replicas[0]!.subscriptions.all()).toHaveLength(10);
    const channels = (await replicas[1]!.subscriptions.all()).map((row) => row.channelId);
    expect(new Set(channels).size).toBe(10);

    const again = await Promise.all(replicas.map((replica) => replica.subscriptions.add(subscription({ guildId: '4'.repeat(18), channelId: channel(99) }))));
    expect(again.map((result) => result.status).sort()).toEqual(['added', 'duplicate', 'duplicate']);
  });

  it('gives each slot to exactly one of several processes claiming at once, and never again once settled', async () => {
    const { open } = await engine.create();
    const replicas = await Promise.all([open(), open(), open()]);
    const { id } = await added(replicas[0]!.subscriptions.add(subscription()));
    const slots = Array.from({ length: 40 }, (_, n) => `2026-01-01T08:${String(n).padStart(2, '0')}:00.000Z`);
    const won = await Promise.all(
      replicas.map(async (replica, index) => {
        const mine: string[] = [];
        await Promise.all(slots.map(async (slot) => (await replica.ledger.claim(id, slot, channel(0), `replica-${index}`)) && mine.push(slot)));
        return mine;
      }),
    );
    expect(won.flat().sort()).toEqual(slots);
    const { ledger } = replicas[0]!;
    await ledger.settle(id, slots[0]!, { status: 'delivered', messageId: '42', editionId: 'e1', items: '["summary:e1"]', content: 'hello' });
    expect(await ledger.claim(id, slots[0]!, channel(0), 'late')).toBe(false);
    expect(await ledger.lastDelivered(channel(0))).toMatchObject({ slot: slots[0], messageId: '42', status: 'delivered' });
    expect(await ledger.latest(id)).toMatchObject({ slot: slots[0] });
    expect((await ledger.postedWithItems()).map((row) => row.messageId)).toEqual(['42']);
    expect(await ledger.unsettled()).toHaveLength(39);
    await ledger.recordMissed(id, 'missed-slot', channel(0));
    expect((await ledger.forSubscription(id)).find((row) => row.slot === 'missed-slot')).toMatchObject({ status: 'missed' });
  });

  it('takes over claims whose lease ran out, each by exactly one process, and leaves fresh ones alone', async () => {
    const { open } = await engine.create();
    const replicas = await Promise.all([open(), open(), open()]);
    const { id } = await added(replicas[0]!.subscriptions.add(subscription()));
    const stale = Array.from({ length: 30 }, (_, n) => `stale-${n}`);
    setClock(0);
    for (const slot of stale) await replicas[0]!.ledger.claim(id, slot, channel(0), 'dead-host/1/aaaa');
    setClock(10);
    await replicas[0]!.ledger.claim(id, 'fresh', channel(0), 'live-host/2/bbbb');
    setClock(12);
    const taken = await Promise.all(replicas.map((replica, index) => replica.ledger.takeOverExpired(`taker-${index}`, LEASE_MS)));
    expect(taken.flat().map((row) => row.slot).sort()).toEqual([...stale].sort());
    // Returned as they were: the previous owner's name.
    expect(taken.flat().every((row) => row.claimedBy === 'dead-host/1/aaaa')).toBe(true);
    const rows = await replicas[0]!.ledger.unsettled();
    expect(rows.find((row) => row.slot === 'fresh')?.claimedBy).toBe('live-host/2/bbbb');
    taken.forEach((mine, index) => mine.forEach((row) => expect(rows.find((candidate) => candidate.slot === row.slot)?.claimedBy).toBe(`taker-${index}`)));
    // A named takeover succeeds for one taker only.
    const fresh = rows.find((row) => row.slot === 'fresh')!;
    const named = await Promise.all(replicas.map((replica, index) => replica.ledger.takeOver(fresh, `named-${index}`)));
    expect(named.filter(Boolean)).toHaveLength(1);
  });

  it('keeps a live claimant’s slots: renewed claims are not taken over, however long the posting takes', async () => {
    const { open } = await engine.create();
    const [owner, other] = await Promise.all([open(), open()]);
    const { id } = await added(owner!.subscriptions.add(subscription()));
    setClock(0);
    for (const slot of ['slow-1', 'slow-2']) await owner!.ledger.claim(id, slot, channel(0), 'slow-host/1/cccc');
    setClock(10);
    expect(await owner!.ledger.renewClaims('slow-host/1/cccc')).toBe(2);
    setClock(12);
    expect(await other!.ledger.takeOverExpired('other', LEASE_MS)).toEqual([]);
    setClock(20);
    expect((await other!.ledger.takeOverExpired('other', LEASE_MS)).map((row) => row.slot).sort()).toEqual(['slow-1', 'slow-2']);
  });

  it('claims each correction edit once, and remembers which corrections a message carries', async () => {
    const { open } = await engine.create();
    const replicas = await Promise.all([open(), open()]);
    const edit = { messageId: '7'.repeat(18), channelId: channel(0), correctionId: 'c1' };
    const claims = await Promise.all(replicas.flatMap((replica) => [replica.ledger.claimCorrectionEdit(edit, 'a'), replica.ledger.claimCorrectionEdit(edit, 'b')]));
    expect(claims.filter(Boolean)).toHaveLength(1);
    await replicas[0]!.ledger.claimCorrectionEdit({ ...edit, correctionId: 'c2' }, 'a');
    expect(await replicas[1]!.ledger.correctionsOn(edit.messageId)).toEqual(['c1', 'c2']);
    await replicas[1]!.ledger.settleCorrectionEdits(edit.messageId, ['c2'], 'failed', 'Missing Permissions');
    expect(await replicas[0]!.ledger.correctionsOn(edit.messageId)).toEqual(['c1']);
  });

  it("makes the operator's recaps match the environment, from several processes starting at once", async () => {
    const { open } = await engine.create();
    const replicas = await Promise.all([open(), open(), open()]);
    const schedule = { text: 'daily 08:00', cron: '0 8 * * *', timezone: 'UTC' };
    await Promise.all(replicas.map((replica) => replica.subscriptions.syncEnvironment([channel(1), channel(2), channel(3)], schedule)));
    expect((await replicas[0]!.subscriptions.all()).map((row) => [row.channelId, row.origin, row.guildId])).toEqual([
      [channel(1), 'environment', null],
      [channel(2), 'environment', null],
      [channel(3), 'environment', null],
    ]);
    await replicas[1]!.subscriptions.syncEnvironment([channel(2), channel(4)], { ...schedule, text: 'on new edition', trigger: 'new-edition', cron: '', seenEdition: 'e1' });
    expect((await replicas[2]!.subscriptions.all()).map((row) => [row.channelId, row.trigger, row.seenEdition])).toEqual([
      [channel(2), 'new-edition', 'e1'],
      [channel(4), 'new-edition', 'e1'],
    ]);
    await replicas[0]!.subscriptions.syncEnvironment([], undefined);
    expect(await replicas[0]!.subscriptions.all()).toEqual([]);
  });
});

describe('recap storage on postgres only', () => {
  const postgres = engines[1]!;

  it('applies each migration once when replicas start together', async () => {
    const { open, url } = await postgres.create();
    await Promise.all(Array.from({ length: 5 }, () => open()));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ version: number }>('SELECT version FROM recap_schema_migrations ORDER BY version');
      expect(rows.map((row) => row.version)).toEqual(PG_MIGRATIONS.map((_, index) => index + 1));
    } finally {
      await client.end();
    }
  });

  it('tells every replica at once when any of them changes a subscription (LISTEN/NOTIFY)', async () => {
    const { open } = await postgres.create();
    const [writer, reader] = await Promise.all([open(), open()]);
    let heard = 0;
    await reader.onSubscriptionsChanged(() => heard++);
    const started = Date.now();
    const { id } = await added(writer.subscriptions.add(subscription()));
    await expect.poll(() => heard, { timeout: 2000, interval: 20 }).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(2000);
    const before = heard;
    await writer.subscriptions.pause(id, 'paused');
    await expect.poll(() => heard, { timeout: 2000, interval: 20 }).toBeGreaterThan(before);
    // Recording a planned slot is not a change anyone must react to: no notification storm.
    const quiet = heard;
    await writer.subscriptions.planNextSlot(id, null);
    await sleep(200);
    expect(heard).toBe(quiet);
  });
});
