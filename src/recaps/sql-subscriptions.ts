// Recap subscriptions in the database, one implementation for SQLite and PostgreSQL over the Sql port. The
// per-server limit and the duplicate check run in the insert's transaction: SQLite's IMMEDIATE transaction
// holds its one write lock; PostgreSQL's takes an advisory lock on the guild, so subscribers of one server
// queue for a moment (a channel belongs to one server, so the lock covers the duplicate check too), other
// servers never wait, and nobody is aborted (SERIALIZABLE would fail the losers, for every caller to retry).
// Every change a scheduler must see is announced on SUBSCRIPTIONS_CHANNEL, sent when its transaction commits
// (PostgreSQL's NOTIFY; SQLite's schedulers re-read instead).
import { LOCKS, sqliteSql, type Sql } from '../storage/sql.js';
import type { Db } from './database.js';
import type {
  AddResult,
  EnvironmentSchedule,
  NewSubscription,
  PostingOptions,
  RecapChange,
  RecapSubscription,
  SubscriptionStore,
} from './subscriptions.js';

/** A plain text-channel recap in English: what a subscription is unless it says otherwise. */
const DEFAULT_POSTING: PostingOptions = { channelKind: 'text', tagId: null, threadPerRecap: false, publish: false, language: 'en' };

/** The channel subscription changes are announced on, to replicas listening (PostgreSQL). */
export const SUBSCRIPTIONS_CHANNEL = 'recap_subscriptions';

/** The columns as RecapSubscription fields; quoted so that PostgreSQL keeps their case, as SQLite does. */
const COLUMNS = `id, guild_id AS "guildId", channel_id AS "channelId", schedule, trigger, cron, timezone, when_quiet AS "whenQuiet", origin,
  created_by AS "createdBy", created_at AS "createdAt", paused_at AS "pausedAt", paused_reason AS "pausedReason", paused_by AS "pausedBy", next_slot AS "nextSlot",
  seen_edition AS "seenEdition", channel_kind AS "channelKind", forum_tag_id AS "tagId", thread_per_recap AS "threadPerRecap", publish,
  thread_id AS "threadId", publish_failure AS "publishFailure", language`;

/** A row as either engine returns it: SQLite has no booleans (0 and 1). */
type SubscriptionRow = Omit<RecapSubscription, 'threadPerRecap' | 'publish'> & { threadPerRecap: boolean | number; publish: boolean | number };

function fromRow(row: SubscriptionRow): RecapSubscription {
  return { ...row, threadPerRecap: Boolean(row.threadPerRecap), publish: Boolean(row.publish) };
}

export class SqlSubscriptionStore implements SubscriptionStore {
  constructor(private readonly sql: Sql) {}

  add(subscription: NewSubscription, { maxPerGuild = Infinity }: { maxPerGuild?: number } = {}): Promise<AddResult> {
    const row = { trigger: 'clock' as const, seenEdition: null, ...DEFAULT_POSTING, ...subscription, createdAt: new Date().toISOString() };
    const attempt = async (sql: Sql): Promise<AddResult> => {
      // One announcement of each edition per channel, whatever the time zone its dates are shown in.
      const twin = await sql.get<SubscriptionRow>(
        `SELECT ${COLUMNS} FROM subscriptions WHERE channel_id = ? AND cron = ? AND (timezone = ? OR trigger = 'new-edition') ORDER BY id LIMIT 1`,
        [row.channelId, row.cron, row.timezone],
      );
      const { count } = (await sql.get<{ count: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS count FROM subscriptions WHERE guild_id = ? AND origin = 'command'`, [row.guildId]))!;
      if (count >= maxPerGuild) return { status: 'limit', count };
      if (twin) return { status: 'duplicate', existing: fromRow(twin) };
      const inserted = await sql.get<SubscriptionRow>(
        `INSERT INTO subscriptions (guild_id, channel_id, schedule, trigger, cron, timezone, when_quiet, created_by, created_at, seen_edition,
           channel_kind, forum_tag_id, thread_per_recap, publish, language)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${COLUMNS}`,
        [row.guildId, row.channelId, row.schedule, row.trigger, row.cron, row.timezone, row.whenQuiet, row.createdBy, row.createdAt, row.seenEdition,
          row.channelKind, row.tagId, row.threadPerRecap, row.publish, row.language],
      );
      await sql.notify(SUBSCRIPTIONS_CHANNEL);
      return { status: 'added', subscription: fromRow(inserted!) };
    };
    // Answered within an interaction's 3 seconds: SQLite waits for another process's lock briefly, then lets the caller apologise.
    return this.sql.transaction(attempt, { lock: { namespace: LOCKS.guild, key: row.guildId ?? '' }, maxWaitMs: 2000 });
  }

  async get(id: number): Promise<RecapSubscription | undefined> {
    const row = await this.sql.get<SubscriptionRow>(`SELECT ${COLUMNS} FROM subscriptions WHERE id = ?`, [id]);
    return row && fromRow(row);
  }

  async forGuild(guildId: string, channelIds: ReadonlySet<string>): Promise<RecapSubscription[]> {
    const rows = await this.sql.all<SubscriptionRow>(
      `SELECT ${COLUMNS} FROM subscriptions WHERE guild_id = ? OR (guild_id IS NULL AND channel_id IN (${this.sql.listed})) ORDER BY id`,
      [guildId, JSON.stringify([...channelIds])],
    );
    return rows.map(fromRow);
  }

  async all(): Promise<RecapSubscription[]> {
    return (await this.sql.all<SubscriptionRow>(`SELECT ${COLUMNS} FROM subscriptions ORDER BY id`)).map(fromRow);
  }

  async remove(id: number): Promise<boolean> {
    return (await this.changing('DELETE FROM subscriptions WHERE id = ?', [id])) === 1;
  }

  async edit(id: number, change: RecapChange): Promise<'edited' | 'duplicate'> {
    try {
      await this.changing(
        `UPDATE subscriptions SET schedule = ?, trigger = ?, cron = ?, timezone = ?, when_quiet = ?, seen_edition = ?,
           channel_kind = ?, forum_tag_id = ?, thread_per_recap = ?, publish = ?, language = ?, next_slot = NULL WHERE id = ?`,
        [change.schedule, change.trigger, change.cron, change.timezone, change.whenQuiet, change.seenEdition,
          change.channelKind, change.tagId, change.threadPerRecap, change.publish, change.language, id],
      );
      return 'edited';
    } catch (error) {
      // The channel already gets that schedule.
      if (this.sql.isUniqueViolation(error)) return 'duplicate';
      throw error;
    }
  }

  async pause(id: number, reason: string, by?: string): Promise<void> {
    await this.changing('UPDATE subscriptions SET paused_at = ?, paused_reason = ?, paused_by = ? WHERE id = ?', [new Date().toISOString(), reason, by ?? null, id]);
  }

  async resume(id: number): Promise<void> {
    await this.changing('UPDATE subscriptions SET paused_at = NULL, paused_reason = NULL, paused_by = NULL WHERE id = ?', [id]);
  }

  async markSeen(id: number, editionId: string): Promise<void> {
    await this.sql.run('UPDATE subscriptions SET seen_edition = ? WHERE id = ?', [editionId, id]);
  }

  /** Not announced: every replica plans its own timers, and this only records what they plan. */
  async planNextSlot(id: number, slot: string | null): Promise<void> {
    await this.sql.run('UPDATE subscriptions SET next_slot = ? WHERE id = ?', [slot, id]);
  }

  /** Not announced either: each replica reads the subscription afresh before posting a slot. */
  async setThread(id: number, threadId: string | null): Promise<void> {
    await this.sql.run('UPDATE subscriptions SET thread_id = ? WHERE id = ?', [threadId, id]);
  }

  async recordPublish(id: number, failure: string | null): Promise<void> {
    await this.sql.run('UPDATE subscriptions SET publish_failure = ? WHERE id = ?', [failure, id]);
  }

  /** Replicas starting together with the same environment take turns (the lock), each finding the last one's work. */
  async syncEnvironment(channelIds: readonly string[], schedule: EnvironmentSchedule | undefined): Promise<void> {
    // Each channel once: a channel listed twice is still one recap (PostgreSQL's upsert cannot change a row twice).
    const listed = JSON.stringify(schedule ? [...new Set(channelIds)] : []);
    await this.sql.transaction(
      async (sql) => {
        await sql.run(`DELETE FROM subscriptions WHERE origin = 'environment' AND channel_id NOT IN (${sql.listed})`, [listed]);
        if (schedule) {
          const { text, trigger = 'clock', cron, timezone, seenEdition = null } = schedule;
          // `WHERE true`: SQLite reads an upsert's INSERT ... SELECT only with a WHERE clause.
          await sql.run(
            `INSERT INTO subscriptions (channel_id, schedule, trigger, cron, timezone, origin, created_at, seen_edition)
             SELECT value, ?, ?, ?, ?, 'environment', ?, ? FROM (${sql.listed}) AS listed WHERE true
             ON CONFLICT (channel_id) WHERE origin = 'environment'
             DO UPDATE SET schedule = excluded.schedule, trigger = excluded.trigger, cron = excluded.cron, timezone = excluded.timezone,
               seen_edition = CASE WHEN subscriptions.trigger = excluded.trigger THEN subscriptions.seen_edition ELSE excluded.seen_edition END`,
            [text, trigger, cron, timezone, new Date().toISOString(), seenEdition, listed],
          );
        }
        await sql.notify(SUBSCRIPTIONS_CHANNEL);
      },
      { lock: { namespace: LOCKS.environment } },
    );
  }

  /** A change every replica's scheduler must see: made and announced in one transaction; resolves with the rows changed. */
  private changing(statement: string, params: readonly unknown[]): Promise<number> {
    return this.sql.transaction(async (sql) => {
      const changed = await sql.run(statement, params);
      await sql.notify(SUBSCRIPTIONS_CHANNEL);
      return changed;
    });
  }
}

/** The store on one SQLite database (the bot opens its stores through openStorage instead). */
export class SqliteSubscriptionStore extends SqlSubscriptionStore {
  constructor(db: Db) {
    super(sqliteSql(db));
  }
}
