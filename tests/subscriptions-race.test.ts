// /recap subscribe's per-server limit and duplicate check hold when many processes subscribe at once
// against one database file: the database decides, in one transaction, not a read in code before a write.
import Database from 'better-sqlite3';
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, openDatabase } from '../src/recaps/database.js';
import type { NewSubscription } from '../src/recaps/subscriptions.js';
import { added } from './support/subscriptions.js';
import { SqlSubscriptionStore } from '../src/recaps/sql-subscriptions.js';
import { sqliteSql } from '../src/storage/sql.js';

const GUILD = '2'.repeat(18);
const channel = (n: number) => `${'3'.repeat(15)}${String(n).padStart(3, '0')}`;
const attempt = (overrides: Partial<NewSubscription> = {}): NewSubscription => ({
  guildId: GUILD, channelId: channel(0), schedule: 'daily 08:00', cron: '0 8 * * *', timezone: 'UTC', whenQuiet: 'post', createdBy: null, ...overrides,
});

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});
async function databaseFile(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'subscribe-race-'));
  dirs.push(dir);
  const file = path.join(dir, 'bot.sqlite');
  openDatabase(file).close();
  return file;
}

/** Runs `attempts` split over `processes` child processes, all starting at the same moment. */
async function subscribeConcurrently(file: string, attempts: NewSubscription[], processes: number): Promise<string[]> {
  const startAt = Date.now() + 1500;
  const shares = Array.from({ length: processes }, (_, index) => attempts.filter((_, n) => n % processes === index));
  const results = await Promise.all(
    shares.map(
      (share) =>
        new Promise<string[]>((resolve, reject) => {
          const child = fork(fileURLToPath(new URL('./support/subscriber.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'] });
          child.once('message', (statuses) => resolve(statuses as string[]));
          child.once('error', reject);
          child.once('exit', (code) => code === 0 || reject(new Error(`subscriber exited with ${code}`)));
          child.send({ file, startAt, attempts: share, maxPerGuild: 10 });
        }),
    ),
  );
  return results.flat();
}

describe('concurrent /recap subscribe', () => {
  it('stores exactly 10 of 40 different subscriptions made at once by 8 processes', { timeout: 30_000 }, async () => {
    const file = await databaseFile();
    const attempts = Array.from({ length: 40 }, (_, n) => attempt({ channelId: channel(n) }));
    const statuses = await subscribeConcurrently(file, attempts, 8);
    expect(statuses.filter((status) => status === 'added')).toHaveLength(10);
    expect(statuses.filter((status) => status === 'limit')).toHaveLength(30);
    const db = openDatabase(file);
    expect(await new SqlSubscriptionStore(sqliteSql(db)).all()).toHaveLength(10);
    db.close();
  });

  it('stores exactly 1 of 20 identical subscriptions made at once by 5 processes', { timeout: 30_000 }, async () => {
    const file = await databaseFile();
    const statuses = await subscribeConcurrently(file, Array.from({ length: 20 }, () => attempt()), 5);
    expect(statuses.filter((status) => status === 'added')).toHaveLength(1);
    expect(statuses.filter((status) => status === 'duplicate')).toHaveLength(19);
    const db = openDatabase(file);
    expect(await new SqlSubscriptionStore(sqliteSql(db)).all()).toHaveLength(1);
    db.close();
  });
});

describe('the limit and the duplicate check', () => {
  it("do not count the operator's recaps against a server, and name the existing twin", async () => {
    const db = openDatabase(':memory:');
    const store = new SqlSubscriptionStore(sqliteSql(db));
    await store.syncEnvironment([channel(90), channel(91)], { text: 'daily 08:00', cron: '0 8 * * *', timezone: 'UTC' });
    db.prepare(`UPDATE subscriptions SET guild_id = ? WHERE origin = 'environment'`).run(GUILD);
    for (let n = 0; n < 10; n++) await added(store.add(attempt({ channelId: channel(n) }), { maxPerGuild: 10 }));
    expect(await store.add(attempt({ channelId: channel(10) }), { maxPerGuild: 10 })).toEqual({ status: 'limit', count: 10 });
    const twin = await store.add(attempt({ channelId: channel(3), guildId: '4'.repeat(18) }), { maxPerGuild: 10 });
    expect(twin).toMatchObject({ status: 'duplicate', existing: { channelId: channel(3), origin: 'command' } });
    db.close();
  });

  it('a database with duplicates from before the unique index keeps the first of each, then refuses more', async () => {
    const file = path.join(path.dirname(await databaseFile()), 'v1.sqlite');
    // A database at schema version 1, as it could be after the race: no index, identical recaps.
    const old = new Database(file);
    old.exec(MIGRATIONS[0]!);
    old.pragma('user_version = 1');
    const insert = old.prepare(`INSERT INTO subscriptions (guild_id, channel_id, schedule, cron, timezone, created_at) VALUES (?, ?, 'daily 08:00', '0 8 * * *', 'UTC', 'now')`);
    for (let n = 0; n < 3; n++) insert.run(GUILD, channel(1));
    insert.run(GUILD, channel(2));
    old.close();
    const db = openDatabase(file);
    expect((await new SqlSubscriptionStore(sqliteSql(db)).all()).map((subscription) => [subscription.id, subscription.channelId])).toEqual([[1, channel(1)], [4, channel(2)]]);
    expect(() => db.prepare(`INSERT INTO subscriptions (guild_id, channel_id, schedule, cron, timezone, created_at) VALUES (?, ?, 'daily 08:00', '0 8 * * *', 'UTC', 'now')`).run(GUILD, channel(1))).toThrow(/UNIQUE constraint failed/);
    db.close();
  });
});
