// The embedded SQLite database (better-sqlite3): created with its folder on first start, WAL mode so
// several processes can share the file, and versioned migrations applied at start-up.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/** Append only: each entry moves the schema from version N to N+1. Never edit a shipped migration. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE subscriptions (
     id INTEGER PRIMARY KEY,
     guild_id TEXT,
     channel_id TEXT NOT NULL,
     schedule TEXT NOT NULL,
     cron TEXT NOT NULL,
     timezone TEXT NOT NULL,
     when_quiet TEXT NOT NULL DEFAULT 'post' CHECK (when_quiet IN ('post', 'skip')),
     origin TEXT NOT NULL DEFAULT 'command' CHECK (origin IN ('command', 'environment')),
     created_by TEXT,
     created_at TEXT NOT NULL,
     paused_at TEXT,
     paused_reason TEXT,
     next_slot TEXT
   );
   CREATE INDEX subscriptions_by_guild ON subscriptions (guild_id);
   CREATE UNIQUE INDEX one_environment_recap_per_channel ON subscriptions (channel_id) WHERE origin = 'environment';
   CREATE TABLE deliveries (
     subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
     slot TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('claimed', 'delivered', 'skipped', 'failed', 'missed')),
     claimed_by TEXT,
     claimed_at TEXT,
     settled_at TEXT,
     message_id TEXT,
     edition_id TEXT,
     detail TEXT,
     PRIMARY KEY (subscription_id, slot)
   );
   CREATE INDEX deliveries_by_channel ON deliveries (channel_id, status, settled_at);`,
];

export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // Another process may hold the write lock for a moment; wait rather than fail.
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  const apply = db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    for (let next = version; next < MIGRATIONS.length; next++) {
      db.exec(MIGRATIONS[next]!);
      db.pragma(`user_version = ${next + 1}`);
    }
  });
  // IMMEDIATE: two processes starting together must not both apply the same migration.
  apply.immediate();
}
