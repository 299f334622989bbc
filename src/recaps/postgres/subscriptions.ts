// Recap subscriptions in PostgreSQL: the same rules as SQLite's store. The per-server limit and the
// duplicate check run in the insert's transaction under a transaction-scoped advisory lock on the guild:
// subscribers of one server queue for a moment (a channel belongs to one server, so the lock covers the
// duplicate check too), other servers never wait, and nobody is aborted. SERIALIZABLE would do as well
// but fails the losers with serialization errors that every caller would have to retry. Every change a
// scheduler must see is announced with NOTIFY, delivered to every replica when the transaction commits.
import type pg from 'pg';
import {
  DEFAULT_POSTING,
  fromRow,
  inGuild,
  SUBSCRIPTION_COLUMNS as COLUMNS,
  type AddResult,
  type EnvironmentSchedule,
  type NewSubscription,
  type RecapChange,
  type RecapSubscription,
  type SubscriptionRow,
  type SubscriptionStore,
} from '../subscriptions.js';
import { inTransaction, LOCKS, SUBSCRIPTIONS_CHANNEL, type Pool } from './database.js';

const notify = (client: pg.PoolClient | Pool) => client.query('SELECT pg_notify($1, $2)', [SUBSCRIPTIONS_CHANNEL, '']);

export class PgSubscriptionStore implements SubscriptionStore {
  constructor(private readonly pool: Pool) {}

  add(subscription: NewSubscription, { maxPerGuild = Infinity }: { maxPerGuild?: number } = {}): Promise<AddResult> {
    const row = { trigger: 'clock' as const, seenEdition: null, ...DEFAULT_POSTING, ...subscription, createdAt: new Date().toISOString() };
    return inTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCKS.guild, subscription.guildId ?? '']);
      // One announcement of each edition per channel, whatever the time zone its dates are shown in.
      const twin = await client.query<SubscriptionRow>(
        `SELECT ${COLUMNS} FROM subscriptions WHERE channel_id = $1 AND cron = $2 AND (timezone = $3 OR trigger = 'new-edition') ORDER BY id LIMIT 1`,
        [subscription.channelId, subscription.cron, subscription.timezone],
      );
      const counted = await client.query<{ count: number }>(`SELECT COUNT(*)::int AS count FROM subscriptions WHERE guild_id = $1 AND origin = 'command'`, [subscription.guildId]);
      const count = counted.rows[0]!.count;
      if (count >= maxPerGuild) return { status: 'limit', count };
      if (twin.rows[0]) return { status: 'duplicate', existing: fromRow(twin.rows[0]) };
      const inserted = await client.query<SubscriptionRow>(
        `INSERT INTO subscriptions (guild_id, channel_id, schedule, trigger, cron, timezone, when_quiet, created_by, created_at, seen_edition,
           channel_kind, forum_tag_id, thread_per_recap, publish, language)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING ${COLUMNS}`,
        [row.guildId, row.channelId, row.schedule, row.trigger, row.cron, row.timezone, row.whenQuiet, row.createdBy, row.createdAt, row.seenEdition,
          row.channelKind, row.tagId, row.threadPerRecap, row.publish, row.language],
      );
      await notify(client);
      return { status: 'added', subscription: fromRow(inserted.rows[0]!) };
    });
  }

  async get(id: number): Promise<RecapSubscription | undefined> {
    const row = (await this.pool.query<SubscriptionRow>(`SELECT ${COLUMNS} FROM subscriptions WHERE id = $1`, [id])).rows[0];
    return row && fromRow(row);
  }

  async forGuild(guildId: string, channelIds: ReadonlySet<string>): Promise<RecapSubscription[]> {
    const { rows } = await this.pool.query<SubscriptionRow>(
      `SELECT ${COLUMNS} FROM subscriptions WHERE guild_id = $1 OR (guild_id IS NULL AND channel_id = ANY($2::text[])) ORDER BY id`,
      [guildId, [...channelIds]],
    );
    return inGuild(rows.map(fromRow), guildId, channelIds);
  }

  async all(): Promise<RecapSubscription[]> {
    return (await this.pool.query<SubscriptionRow>(`SELECT ${COLUMNS} FROM subscriptions ORDER BY id`)).rows.map(fromRow);
  }

  remove(id: number): Promise<boolean> {
    return this.changing('DELETE FROM subscriptions WHERE id = $1', [id]);
  }

  async edit(id: number, change: RecapChange): Promise<'edited' | 'duplicate'> {
    try {
      await this.changing(
        `UPDATE subscriptions SET schedule = $2, trigger = $3, cron = $4, timezone = $5, when_quiet = $6, seen_edition = $7,
           forum_tag_id = $8, thread_per_recap = $9, publish = $10, language = $11, channel_kind = $12, next_slot = NULL WHERE id = $1`,
        [id, change.schedule, change.trigger, change.cron, change.timezone, change.whenQuiet, change.seenEdition, change.tagId, change.threadPerRecap, change.publish, change.language, change.channelKind],
      );
      return 'edited';
    } catch (error) {
      // 23505: unique_violation, the channel already gets that schedule.
      if ((error as { code?: string }).code === '23505') return 'duplicate';
      throw error;
    }
  }

  async pause(id: number, reason: string, by?: string): Promise<void> {
    await this.changing('UPDATE subscriptions SET paused_at = $2, paused_reason = $3, paused_by = $4 WHERE id = $1', [id, new Date().toISOString(), reason, by ?? null]);
  }

  async resume(id: number): Promise<void> {
    await this.changing('UPDATE subscriptions SET paused_at = NULL, paused_reason = NULL, paused_by = NULL WHERE id = $1', [id]);
  }

  async markSeen(id: number, editionId: string): Promise<void> {
    await this.pool.query('UPDATE subscriptions SET seen_edition = $2 WHERE id = $1', [id, editionId]);
  }

  /** Not announced: every replica plans its own timers, and this only records what they plan. */
  async planNextSlot(id: number, slot: string | null): Promise<void> {
    await this.pool.query('UPDATE subscriptions SET next_slot = $2 WHERE id = $1', [id, slot]);
  }

  /** Not announced either: each replica reads the subscription afresh before posting a slot. */
  async setThread(id: number, threadId: string | null): Promise<void> {
    await this.pool.query('UPDATE subscriptions SET thread_id = $2 WHERE id = $1', [id, threadId]);
  }

  async recordPublish(id: number, failure: string | null): Promise<void> {
    await this.pool.query('UPDATE subscriptions SET publish_failure = $2 WHERE id = $1', [id, failure]);
  }

  async syncEnvironment(channelIds: readonly string[], schedule: EnvironmentSchedule | undefined): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      // Replicas starting together with the same environment: one at a time, each finding the last one's work.
      await client.query('SELECT pg_advisory_xact_lock($1, 0)', [LOCKS.environment]);
      const listed = schedule ? [...channelIds] : [];
      await client.query(`DELETE FROM subscriptions WHERE origin = 'environment' AND NOT (channel_id = ANY($1::text[]))`, [listed]);
      if (schedule) {
        const { text, trigger = 'clock', cron, timezone, seenEdition = null } = schedule;
        await client.query(
          `INSERT INTO subscriptions (channel_id, schedule, trigger, cron, timezone, origin, created_at, seen_edition)
           SELECT channel_id, $2, $3, $4, $5, 'environment', $6, $7 FROM unnest($1::text[]) AS channel_id
           ON CONFLICT (channel_id) WHERE origin = 'environment'
           DO UPDATE SET schedule = excluded.schedule, trigger = excluded.trigger, cron = excluded.cron, timezone = excluded.timezone,
             seen_edition = CASE WHEN subscriptions.trigger = excluded.trigger THEN subscriptions.seen_edition ELSE excluded.seen_edition END`,
          [listed, text, trigger, cron, timezone, new Date().toISOString(), seenEdition],
        );
      }
      await notify(client);
    });
  }

  /** A change every replica's scheduler must see: made and announced in one transaction. */
  private changing(sql: string, values: unknown[]): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      const { rowCount } = await client.query(sql, values);
      await notify(client);
      return rowCount === 1;
    });
  }
}
