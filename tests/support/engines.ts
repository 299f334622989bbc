// Both storage engines, for contract tests that run one body over each: a SQLite file in a folder of its own, and
// a fresh PostgreSQL database; everything opened is closed and removed by `cleanup` (call it in afterAll).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStorage, type RecapStorage } from '../../src/recaps/storage.js';
import { freshDatabase } from './postgres-server.js';

export function storageEngines(prefix: string): { engines: { name: string; open(): Promise<RecapStorage> }[]; cleanup(): Promise<void> } {
  const cleanups: (() => Promise<unknown>)[] = [];
  const opened = (storage: RecapStorage) => {
    cleanups.push(() => storage.close());
    return storage;
  };
  return {
    engines: [
      {
        name: 'sqlite',
        async open() {
          const dir = await mkdtemp(path.join(tmpdir(), `${prefix}-`));
          cleanups.push(() => rm(dir, { recursive: true, force: true }));
          return opened(await openStorage({ DATABASE_PATH: path.join(dir, 'bot.sqlite') }));
        },
      },
      {
        name: 'postgres',
        async open() {
          const database = await freshDatabase(prefix);
          cleanups.push(database.drop);
          return opened(await openStorage({ DATABASE_URL: database.url, DATABASE_PATH: 'unused' }));
        },
      },
    ],
    async cleanup() {
      for (const cleanup of cleanups.reverse()) await cleanup();
    },
  };
}
