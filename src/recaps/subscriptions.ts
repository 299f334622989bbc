// Recap subscriptions in SQLite: which channel gets a recap, on what schedule, in which time zone,
// and whether it is paused (and why).
import { waitingForLocks, withRetryOnBusy, type Db } from './database.js';

export type WhenQuiet = 'post' | 'skip';

export interface RecapSubscription {
  id: number;
  /** Null for operator-defined recaps from the environment until the channel's guild is known. */
  guildId: string | null;
  channelId: string;
  /** As the admin typed it (`daily 08:00`, `on new edition`), for display. */
  schedule: string;
  /** `clock`: on `cron`; `new-edition`: once for each edition published after `seenEdition` (cron is ''). */
  trigger: RecapTrigger;
  cron: string;
  timezone: string;
  /** What to do when nothing changed since the last recap: post a one-line note, or skip. */
  whenQuiet: WhenQuiet;
  origin: 'command' | 'environment';
  createdBy: string | null;
  createdAt: string;
  pausedAt: string | null;
  pausedReason: string | null;
  /** The next slot the scheduler planned; a past value at start-up is a slot missed while down. */
  nextSlot: string | null;
  /** For `new-edition` recaps: the newest edition when it was set up, which it does not announce. */
  seenEdition: string | null;
}

export type RecapTrigger = 'clock' | 'new-edition';

export type NewSubscription = Pick<RecapSubscription, 'guildId' | 'channelId' | 'schedule' | 'cron' | 'timezone' | 'whenQuiet' | 'createdBy'> &
  Partial<Pick<RecapSubscription, 'trigger' | 'seenEdition'>>;

const COLUMNS = `id, guild_id AS guildId, channel_id AS channelId, schedule, trigger, cron, timezone, when_quiet AS whenQuiet, origin,
  created_by AS createdBy, created_at AS createdAt, paused_at AS pausedAt, paused_reason AS pausedReason, next_slot AS nextSlot,
  seen_edition AS seenEdition`;

export type AddResult =
  | { status: 'added'; subscription: RecapSubscription }
  /** The server already has `count` recaps of its own (operator recaps in its channels do not count). */
  | { status: 'limit'; count: number }
  /** The channel already gets this schedule in this time zone. */
  | { status: 'duplicate'; existing: RecapSubscription };

export class SubscriptionStore {
  constructor(private readonly db: Db) {}

  /**
   * Adds a server's recap unless the server has `maxPerGuild` already or the channel gets the same one.
   * Both checks and the insert run in one BEGIN IMMEDIATE transaction (and a unique index backs the
   * duplicate check), so they hold however many processes subscribe at once; a locked database is
   * waited for on a timer, never by blocking the event loop.
   */
  add(subscription: NewSubscription, { maxPerGuild = Infinity }: { maxPerGuild?: number } = {}): Promise<AddResult> {
    const attempt = this.db.transaction((): AddResult => {
      // One announcement of each edition per channel, whatever the time zone its dates are shown in.
      const twin = this.db
        .prepare(`SELECT ${COLUMNS} FROM subscriptions WHERE channel_id = ? AND cron = ? AND (timezone = ? OR trigger = 'new-edition') ORDER BY id LIMIT 1`)
        .get(subscription.channelId, subscription.cron, subscription.timezone) as RecapSubscription | undefined;
      const { count } = this.db
        .prepare(`SELECT COUNT(*) AS count FROM subscriptions WHERE guild_id = ? AND origin = 'command'`)
        .get(subscription.guildId) as { count: number };
      if (count >= maxPerGuild) return { status: 'limit', count };
      if (twin) return { status: 'duplicate', existing: twin };
      const { lastInsertRowid } = this.db
        .prepare(
          `INSERT INTO subscriptions (guild_id, channel_id, schedule, trigger, cron, timezone, when_quiet, created_by, created_at, seen_edition)
           VALUES (@guildId, @channelId, @schedule, @trigger, @cron, @timezone, @whenQuiet, @createdBy, @createdAt, @seenEdition)`,
        )
        .run({ trigger: 'clock', seenEdition: null, ...subscription, createdAt: new Date().toISOString() });
      return { status: 'added', subscription: this.get(Number(lastInsertRowid))! };
    });
    // Answered within an interaction's 3 seconds: wait for a lock briefly, then let the caller apologise.
    return withRetryOnBusy(() => attempt.immediate(), { maxWaitMs: 2000 });
  }

  get(id: number): RecapSubscription | undefined {
    return this.db.prepare(`SELECT ${COLUMNS} FROM subscriptions WHERE id = ?`).get(id) as RecapSubscription | undefined;
  }

  /** A guild's subscriptions, including operator-defined ones posting into its channels. */
  forGuild(guildId: string, channelIds: ReadonlySet<string>): RecapSubscription[] {
    return this.all().filter((subscription) => subscription.guildId === guildId || (subscription.guildId === null && channelIds.has(subscription.channelId)));
  }

  all(): RecapSubscription[] {
    return this.db.prepare(`SELECT ${COLUMNS} FROM subscriptions ORDER BY id`).all() as RecapSubscription[];
  }

  remove(id: number): boolean {
    return this.db.prepare('DELETE FROM subscriptions WHERE id = ?').run(id).changes === 1;
  }

  /**
   * Changes a recap's schedule, time zone or quiet-day rule, keeping its number and history; `duplicate`
   * when the channel already gets that schedule (the unique index decides).
   */
  edit(id: number, change: Pick<RecapSubscription, 'schedule' | 'trigger' | 'cron' | 'timezone' | 'whenQuiet' | 'seenEdition'>): 'edited' | 'duplicate' {
    try {
      this.db
        .prepare(
          `UPDATE subscriptions SET schedule = @schedule, trigger = @trigger, cron = @cron, timezone = @timezone, when_quiet = @whenQuiet,
             seen_edition = @seenEdition, next_slot = NULL WHERE id = @id`,
        )
        .run({ ...change, id });
      return 'edited';
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return 'duplicate';
      throw error;
    }
  }

  pause(id: number, reason: string): void {
    this.db.prepare('UPDATE subscriptions SET paused_at = ?, paused_reason = ? WHERE id = ?').run(new Date().toISOString(), reason, id);
  }

  resume(id: number): void {
    this.db.prepare('UPDATE subscriptions SET paused_at = NULL, paused_reason = NULL WHERE id = ?').run(id);
  }

  /** A `new-edition` recap has announced (or was set up after) this edition. */
  markSeen(id: number, editionId: string): void {
    this.db.prepare('UPDATE subscriptions SET seen_edition = ? WHERE id = ?').run(editionId, id);
  }

  planNextSlot(id: number, slot: string | null): void {
    this.db.prepare('UPDATE subscriptions SET next_slot = ? WHERE id = ?').run(slot, id);
  }

  /**
   * Makes the operator's recaps (RECAP_CHANNEL_IDS, RECAP_SCHEDULE, RECAP_TIMEZONE) match the environment:
   * adds missing channels, updates changed schedules, removes channels no longer listed.
   */
  syncEnvironment(
    channelIds: readonly string[],
    schedule: { text: string; trigger?: RecapTrigger; cron: string; timezone: string; seenEdition?: string } | undefined,
  ): void {
    const apply = this.db.transaction(() => {
      const listed = schedule ? channelIds : [];
      this.db
        .prepare(`DELETE FROM subscriptions WHERE origin = 'environment' AND channel_id NOT IN (SELECT value FROM json_each(?))`)
        .run(JSON.stringify(listed));
      if (!schedule) return;
      const upsert = this.db.prepare(
        `INSERT INTO subscriptions (channel_id, schedule, trigger, cron, timezone, origin, created_at, seen_edition)
         VALUES (@channelId, @text, @trigger, @cron, @timezone, 'environment', @createdAt, @seenEdition)
         ON CONFLICT (channel_id) WHERE origin = 'environment'
         DO UPDATE SET schedule = excluded.schedule, trigger = excluded.trigger, cron = excluded.cron, timezone = excluded.timezone,
           seen_edition = CASE WHEN subscriptions.trigger = excluded.trigger THEN subscriptions.seen_edition ELSE excluded.seen_edition END`,
      );
      for (const channelId of listed) upsert.run({ channelId, trigger: 'clock', seenEdition: null, ...schedule, createdAt: new Date().toISOString() });
    });
    waitingForLocks(this.db, () => apply.immediate());
  }
}
