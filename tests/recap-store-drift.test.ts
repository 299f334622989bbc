// Where the two engines' stores once answered differently, run against both (as tests/recap-store.test.ts is).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStorage, type RecapStorage } from '../src/recaps/storage.js';
import { freshDatabase } from './support/postgres-server.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const engines: { name: string; open: () => Promise<RecapStorage> }[] = [
  {
    name: 'sqlite',
    async open() {
      const dir = await mkdtemp(path.join(tmpdir(), 'recap-drift-'));
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      const storage = await openStorage({ DATABASE_PATH: path.join(dir, 'bot.sqlite') });
      cleanups.push(() => storage.close());
      return storage;
    },
  },
  {
    name: 'postgres',
    async open() {
      const database = await freshDatabase('drift');
      cleanups.push(database.drop);
      const storage = await openStorage({ DATABASE_URL: database.url, DATABASE_PATH: 'unused' });
      cleanups.push(() => storage.close());
      return storage;
    },
  },
];

const channel = (n: number) => `${'3'.repeat(15)}${String(n).padStart(3, '0')}`;

describe.each(engines)('recap storage on $name', (engine) => {
  it('gives a channel listed twice in RECAP_CHANNEL_IDS one operator recap (PostgreSQL refused to start)', async () => {
    const { subscriptions } = await engine.open();
    await subscriptions.syncEnvironment([channel(1), channel(2), channel(1)], { text: 'daily 08:00', cron: '0 8 * * *', timezone: 'UTC' });
    expect((await subscriptions.all()).map((row) => [row.channelId, row.origin])).toEqual([
      [channel(1), 'environment'],
      [channel(2), 'environment'],
    ]);
  });
});
