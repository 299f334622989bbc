// The embedded SQLite database (better-sqlite3): created with its folder on first start, WAL mode so
// several processes can share the file, and versioned migrations applied at start-up.
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/** The release tables in the SQL both engines read (`%ID%`: each engine's auto-numbered key). Part of shipped migrations: never edit. */
export const RELEASE_TABLES = `CREATE TABLE release_snapshots (
     content_hash TEXT PRIMARY KEY,
     format INTEGER NOT NULL,
     content TEXT NOT NULL
   );
   CREATE TABLE releases (
     id %ID%,
     kind TEXT NOT NULL CHECK (kind IN ('publish', 'rollback')),
     created_at TEXT NOT NULL,
     created_by TEXT NOT NULL,
     message TEXT NOT NULL,
     content_hash TEXT NOT NULL REFERENCES release_snapshots (content_hash),
     base_id INTEGER REFERENCES releases (id),
     rollback_of INTEGER REFERENCES releases (id),
     scheduled_for TEXT,
     published_at TEXT,
     published_seq INTEGER UNIQUE,
     cancelled_at TEXT,
     cancel_reason TEXT,
     changes TEXT NOT NULL,
     meta TEXT NOT NULL
   );
   CREATE INDEX releases_pending ON releases (scheduled_for) WHERE published_at IS NULL AND cancelled_at IS NULL;`;

/** The desk's tables (proposals, readers' reports), in the SQL both engines read. Part of shipped migrations: never edit. */
export const DESK_TABLES = `ALTER TABLE releases ADD COLUMN approved_by TEXT;
   CREATE TABLE release_proposals (
     id %ID%,
     created_at TEXT NOT NULL,
     author_id TEXT NOT NULL,
     author_name TEXT NOT NULL,
     message TEXT NOT NULL,
     content_hash TEXT NOT NULL REFERENCES release_snapshots (content_hash),
     base_id INTEGER REFERENCES releases (id),
     scheduled_for TEXT,
     status TEXT NOT NULL CHECK (status IN ('proposed', 'approved', 'sent-back', 'withdrawn')),
     reviewer_id TEXT,
     reviewer_name TEXT,
     reviewed_at TEXT,
     comment TEXT,
     release_id INTEGER REFERENCES releases (id)
   );
   CREATE TABLE reader_reports (
     id %ID%,
     created_at TEXT NOT NULL,
     user_id TEXT NOT NULL,
     user_name TEXT NOT NULL,
     guild_id TEXT,
     channel_id TEXT,
     reply TEXT NOT NULL,
     release_id INTEGER,
     edition_id TEXT,
     items TEXT NOT NULL,
     what TEXT NOT NULL,
     source_url TEXT,
     locale TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('open', 'dismissed', 'drafted')),
     resolved_by TEXT,
     resolved_at TEXT,
     resolution TEXT
   );
   CREATE INDEX reader_reports_by_user ON reader_reports (user_id, created_at);
   CREATE INDEX reader_reports_by_status ON reader_reports (status, created_at);`;

/** Append only: each entry moves the schema from version N to N+1. Never edit a shipped migration. */
export const MIGRATIONS: readonly string[] = [
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
  // 3: recaps posted when a new edition lands (trigger 'new-edition', cron ''), and what each recap showed,
  // so that a correction can reach the messages that carried the wrong version, once each.
  `ALTER TABLE subscriptions ADD COLUMN trigger TEXT NOT NULL DEFAULT 'clock' CHECK (trigger IN ('clock', 'new-edition'));
   ALTER TABLE subscriptions ADD COLUMN seen_edition TEXT;
   ALTER TABLE deliveries ADD COLUMN items TEXT;
   ALTER TABLE deliveries ADD COLUMN content TEXT;
   CREATE TABLE correction_edits (
     message_id TEXT NOT NULL,
     correction_id TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('claimed', 'edited', 'failed')),
     claimed_by TEXT NOT NULL,
     at TEXT NOT NULL,
     detail TEXT,
     PRIMARY KEY (message_id, correction_id)
   );`,
  // 4: forum channels, threads and announcement channels: what kind of channel a recap posts in, the forum
  // tag of its post, one thread per recap, publishing (crossposting), the story's forum post once opened (so
  // later recaps continue it), the last failed publish, and the recap's language. A delivery records the
  // thread its message went into, so a correction edits it there.
  `ALTER TABLE subscriptions ADD COLUMN channel_kind TEXT NOT NULL DEFAULT 'text' CHECK (channel_kind IN ('text', 'announcement', 'forum'));
   ALTER TABLE subscriptions ADD COLUMN forum_tag_id TEXT;
   ALTER TABLE subscriptions ADD COLUMN thread_per_recap INTEGER NOT NULL DEFAULT 0 CHECK (thread_per_recap IN (0, 1));
   ALTER TABLE subscriptions ADD COLUMN publish INTEGER NOT NULL DEFAULT 0 CHECK (publish IN (0, 1));
   ALTER TABLE subscriptions ADD COLUMN thread_id TEXT;
   ALTER TABLE subscriptions ADD COLUMN publish_failure TEXT;
   ALTER TABLE subscriptions ADD COLUMN language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'de', 'fr'));
   ALTER TABLE deliveries ADD COLUMN thread_id TEXT;`,
  // 5: releases (src/releases/): what readers are served is the published release with the highest
  // published_seq; each names the one it was built on (base_id) and what it changed. Snapshots are kept once
  // per content hash (a rollback reuses one). A delivery records the release its recap was made from.
  `${RELEASE_TABLES.replace('%ID%', 'INTEGER PRIMARY KEY')}
   ALTER TABLE deliveries ADD COLUMN release_id INTEGER;`,
  // 6: the newsroom's desk: releases proposed for review (each a snapshot, approved by someone other than
  // its author, or sent back), who approved a release, and readers' reports of mistakes.
  `${DESK_TABLES.replace(/%ID%/g, 'INTEGER PRIMARY KEY')}`,
  // 7: interactions already answered (the HTTP endpoint refuses a replayed request on every replica), and
  // who paused a recap, so /recap list can name them.
  `CREATE TABLE answered_interactions (
     id TEXT PRIMARY KEY,
     answered_at TEXT NOT NULL
   );
   CREATE INDEX answered_interactions_by_age ON answered_interactions (answered_at);
   ALTER TABLE subscriptions ADD COLUMN paused_by TEXT;`,
];

/**
 * How long a statement may wait for another process's write lock. better-sqlite3 waits synchronously,
 * freezing the event loop (and every interaction) for as long: keep it short, and retry writes that can
 * wait with `withRetryOnBusy`, which waits on a timer instead.
 */
export const BUSY_TIMEOUT_MS = 20;
/** Start-up only (migrations): nothing to answer yet, so waiting is fine. */
const START_UP_BUSY_TIMEOUT_MS = 5000;

/** The database could not be opened: `message` is one sentence for the operator, naming DATABASE_PATH. */
export class DatabaseOpenError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

export function openDatabase(file: string): Db {
  let db: Db | undefined;
  try {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    db = new Database(file);
    db.pragma(`busy_timeout = ${START_UP_BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    return db;
  } catch (error) {
    db?.close();
    const sentence = describeOpenFailure(error, file);
    if (sentence) throw new DatabaseOpenError(sentence, (error as { code?: string }).code);
    throw error;
  }
}

/** One sentence saying why DATABASE_PATH cannot be used, for the failures an operator can fix. */
export function describeOpenFailure(error: unknown, file: string): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  const where = `DATABASE_PATH (${file})`;
  if (code === 'SQLITE_NOTADB') return `${where} is not a SQLite database: point DATABASE_PATH at the bot's database, or at a new file name to create one.`;
  if (code.startsWith('SQLITE_CANTOPEN')) return `${where} cannot be opened: it must be a file (not a folder) in a folder the bot can write to.`;
  if (code.startsWith('SQLITE_READONLY')) return `${where} is read-only: the bot needs to write to the file and to its folder.`;
  if (code === 'EACCES' || code === 'EPERM') return `${where} is in a folder the bot may not create or write to (permission denied).`;
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EEXIST') return `${where} is in a folder that does not exist and cannot be created (part of the path is missing or is a file).`;
  if (code === 'EROFS') return `${where} is on a read-only file system.`;
  return undefined;
}

/**
 * Checks every `everyMs` that the database file still exists and is the same file (same inode); calls
 * `gone` once if it was deleted or replaced. Returns a function that stops watching.
 */
export function watchDatabaseFile(file: string, gone: (reason: 'deleted' | 'replaced') => void, everyMs = 2000): () => void {
  if (file === ':memory:') return () => undefined;
  const identity = (): string | undefined => {
    try {
      const stats = statSync(file);
      return `${stats.dev}:${stats.ino}`;
    } catch {
      return undefined;
    }
  };
  const original = identity();
  const timer = setInterval(() => {
    const now = identity();
    if (now === original) return;
    clearInterval(timer);
    gone(now === undefined ? 'deleted' : 'replaced');
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
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
export async function withRetryOnBusy<T>(work: () => T | Promise<T>, options: RetryOptions = {}): Promise<T> {
  const deadline = Date.now() + (options.maxWaitMs ?? 60_000);
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
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
