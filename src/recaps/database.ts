// The embedded SQLite database (better-sqlite3): created with its folder on first start, WAL mode so
// several processes can share the file, and versioned migrations applied at start-up.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
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
  // 2: a channel gets a given schedule from a server once. Duplicates that slipped in through the race
  // this index closes are dropped, keeping the first.
  `DELETE FROM subscriptions WHERE origin = 'command' AND id NOT IN (
     SELECT MIN(id) FROM subscriptions WHERE origin = 'command' GROUP BY channel_id, cron, timezone
   );
   CREATE UNIQUE INDEX one_command_recap_per_schedule ON subscriptions (channel_id, cron, timezone) WHERE origin = 'command';`,
];

/**
 * How long a statement may wait for another process's write lock. better-sqlite3 waits synchronously,
 * freezing the event loop (and every interaction) for as long: keep it short, and retry writes that can
 * wait with `withRetryOnBusy`, which waits on a timer instead.
 */
export const BUSY_TIMEOUT_MS = 20;
/** Start-up only (migrations, the operator's recaps): nothing to answer yet, so waiting is fine. */
const START_UP_BUSY_TIMEOUT_MS = 5000;

export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma(`busy_timeout = ${START_UP_BUSY_TIMEOUT_MS}`);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return db;
}

/** Runs `work` with a longer busy timeout: for start-up work that has nothing else to do meanwhile. */
export function waitingForLocks<T>(db: Db, work: () => T): T {
  db.pragma(`busy_timeout = ${START_UP_BUSY_TIMEOUT_MS}`);
  try {
    return work();
  } finally {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
}

export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

export interface RetryOptions {
  /** Give up (rethrow) after this long; default one minute. */
  maxWaitMs?: number;
  onRetry?: (error: unknown, attempt: number) => void;
}

/**
 * Runs a database write; while another process holds the write lock (SQLITE_BUSY), waits on a timer,
 * with growing, jittered backoff, and tries again. The event loop stays free meanwhile.
 */
export async function withRetryOnBusy<T>(work: () => T, options: RetryOptions = {}): Promise<T> {
  const deadline = Date.now() + (options.maxWaitMs ?? 60_000);
  for (let attempt = 1; ; attempt++) {
    try {
      return work();
    } catch (error) {
      if (!isBusy(error) || Date.now() >= deadline) throw error;
      options.onRetry?.(error, attempt);
      const backoff = Math.min(1000, 10 * 2 ** Math.min(attempt, 7));
      await sleep(Math.min(backoff / 2 + Math.random() * (backoff / 2), Math.max(0, deadline - Date.now())));
    }
  }
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
