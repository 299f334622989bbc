// Recap subscriptions: which channel gets a recap, on what schedule, in which time zone, and whether it is
// paused (and why). The store's interface, and its SQLite implementation (PostgreSQL: postgres/subscriptions.ts).
import { LOCALES, type Locale } from '../i18n/locale.js';
import { waitingForLocks, withRetryOnBusy, type Db, type RetryOptions } from './database.js';

export type WhenQuiet = 'post' | 'skip';
/** Where a recap goes: a channel's messages, an announcement channel's (which can be published), or a forum's post. */
export type ChannelKind = 'text' | 'announcement' | 'forum';
/** A recap is posted in one of the languages the bot answers in. */
export const LANGUAGES = LOCALES;
export type Language = Locale;

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
  /** The admin who paused it (a user id), so /recap list can name them; null when the bot paused it. */
  pausedBy: string | null;
  /** The next slot the scheduler planned; a past value at start-up is a slot missed while down. */
  nextSlot: string | null;
  /** For `new-edition` recaps: the newest edition when it was set up, which it does not announce. */
  seenEdition: string | null;
  channelKind: ChannelKind;
  /** Forums: the tag the story's post is opened with. */
  tagId: string | null;
  /** Text and announcement channels: each recap starts a thread of its own. */
  threadPerRecap: boolean;
  /** Announcement channels: each recap is published (crossposted) to the servers following the channel. */
  publish: boolean;
  /** Forums: the story's post, opened by the first recap; later recaps are appended to it. */
  threadId: string | null;
  /** Why the last publish failed; cleared by the next one that succeeds. */
  publishFailure: string | null;
  language: Language;
}

export type RecapTrigger = 'clock' | 'new-edition';

/** How a recap is posted: what an admin picks beside the schedule. */
export type PostingOptions = Pick<RecapSubscription, 'channelKind' | 'tagId' | 'threadPerRecap' | 'publish' | 'language'>;

export type NewSubscription = Pick<RecapSubscription, 'guildId' | 'channelId' | 'schedule' | 'cron' | 'timezone' | 'whenQuiet' | 'createdBy'> &
  Partial<Pick<RecapSubscription, 'trigger' | 'seenEdition'> & PostingOptions>;

/** A plain text-channel recap in English: what a subscription is unless it says otherwise. */
export const DEFAULT_POSTING: PostingOptions = { channelKind: 'text', tagId: null, threadPerRecap: false, publish: false, language: 'en' };

/** The columns as RecapSubscription fields; quoted so that PostgreSQL keeps their case, as SQLite does. */
export const SUBSCRIPTION_COLUMNS = `id, guild_id AS "guildId", channel_id AS "channelId", schedule, trigger, cron, timezone, when_quiet AS "whenQuiet", origin,
  created_by AS "createdBy", created_at AS "createdAt", paused_at AS "pausedAt", paused_reason AS "pausedReason", paused_by AS "pausedBy", next_slot AS "nextSlot",
  seen_edition AS "seenEdition", channel_kind AS "channelKind", forum_tag_id AS "tagId", thread_per_recap AS "threadPerRecap", publish,
  thread_id AS "threadId", publish_failure AS "publishFailure", language`;
const COLUMNS = SUBSCRIPTION_COLUMNS;

/** A row as either engine returns it: SQLite has no booleans (0 and 1). */
export type SubscriptionRow = Omit<RecapSubscription, 'threadPerRecap' | 'publish'> & { threadPerRecap: boolean | number; publish: boolean | number };

export function fromRow(row: SubscriptionRow): RecapSubscription {
  return { ...row, threadPerRecap: Boolean(row.threadPerRecap), publish: Boolean(row.publish) };
}

export type AddResult =
  | { status: 'added'; subscription: RecapSubscription }
  /** The server already has `count` recaps of its own (operator recaps in its channels do not count). */
  | { status: 'limit'; count: number }
  /** The channel already gets this schedule in this time zone. */
  | { status: 'duplicate'; existing: RecapSubscription };

/** What the operator's environment (RECAP_CHANNEL_IDS, RECAP_SCHEDULE, RECAP_TIMEZONE) asks for. */
export interface EnvironmentSchedule {
  text: string;
  trigger?: RecapTrigger;
  cron: string;
  timezone: string;
  seenEdition?: string;
}

/** Where subscriptions live; every engine keeps the same rules, decided by the database. */
export type RecapChange = Pick<RecapSubscription, 'schedule' | 'trigger' | 'cron' | 'timezone' | 'whenQuiet' | 'seenEdition'> & PostingOptions;

export interface SubscriptionStore {
  /**
   * Adds a server's recap unless the server has `maxPerGuild` already or the channel gets the same one:
   * both checks and the insert in one transaction, so they hold however many processes subscribe at once.
   */
  add(subscription: NewSubscription, options?: { maxPerGuild?: number }): Promise<AddResult>;
  get(id: number): Promise<RecapSubscription | undefined>;
  /** A guild's subscriptions, including operator-defined ones posting into its channels. */
  forGuild(guildId: string, channelIds: ReadonlySet<string>): Promise<RecapSubscription[]>;
  all(): Promise<RecapSubscription[]>;
  remove(id: number): Promise<boolean>;
  /**
   * Changes a recap's schedule, time zone or quiet-day rule, keeping its number and history; `duplicate`
   * when the channel already gets that schedule (the unique index decides).
   */
  edit(id: number, change: RecapChange): Promise<'edited' | 'duplicate'>;
  /** `by`: the admin who paused it; none when the bot pauses it (a lost permission, a deleted channel). */
  pause(id: number, reason: string, by?: string): Promise<void>;
  resume(id: number): Promise<void>;
  /** A `new-edition` recap has announced (or was set up after) this edition. */
  markSeen(id: number, editionId: string): Promise<void>;
  planNextSlot(id: number, slot: string | null): Promise<void>;
  /** The story's forum post the recap continues (null: open a new one with the next recap). */
  setThread(id: number, threadId: string | null): Promise<void>;
  /** The outcome of the last publish: why it failed, or null when it succeeded. */
  recordPublish(id: number, failure: string | null): Promise<void>;
  /** Makes the operator's recaps match the environment: adds missing channels, updates changed schedules, removes unlisted ones. */
  syncEnvironment(channelIds: readonly string[], schedule: EnvironmentSchedule | undefined): Promise<void>;
}

/** A guild's own subscriptions and the operator's in its channels, from all of them. */
export function inGuild(all: readonly RecapSubscription[], guildId: string, channelIds: ReadonlySet<string>): RecapSubscription[] {
  return all.filter((subscription) => subscription.guildId === guildId || (subscription.guildId === null && channelIds.has(subscription.channelId)));
}

export class SqliteSubscriptionStore implements SubscriptionStore {
  /** `busy`: told when a write waits for another process's lock (better-sqlite3 would block the event loop). */
  constructor(
    private readonly db: Db,
    private readonly busy: Pick<RetryOptions, 'onRetry'> = {},
  ) {}

  /** A write that waits out another process's write lock on a timer. */
  private write<T>(work: () => T, maxWaitMs?: number): Promise<T> {
    return withRetryOnBusy(work, { ...this.busy, ...(maxWaitMs === undefined ? {} : { maxWaitMs }) });
  }

  /**
   * Both checks and the insert run in one BEGIN IMMEDIATE transaction (and a unique index backs the
   * duplicate check); a locked database is waited for on a timer, never by blocking the event loop.
   */
  add(subscription: NewSubscription, { maxPerGuild = Infinity }: { maxPerGuild?: number } = {}): Promise<AddResult> {
    const attempt = this.db.transaction((): AddResult => {
      // One announcement of each edition per channel, whatever the time zone its dates are shown in.
      const twin = this.db
        .prepare(`SELECT ${COLUMNS} FROM subscriptions WHERE channel_id = ? AND cron = ? AND (timezone = ? OR trigger = 'new-edition') ORDER BY id LIMIT 1`)
        .get(subscription.channelId, subscription.cron, subscription.timezone) as SubscriptionRow | undefined;
      const { count } = this.db
        .prepare(`SELECT COUNT(*) AS count FROM subscriptions WHERE guild_id = ? AND origin = 'command'`)
        .get(subscription.guildId) as { count: number };
      if (count >= maxPerGuild) return { status: 'limit', count };
      if (twin) return { status: 'duplicate', existing: fromRow(twin) };
      const row = { trigger: 'clock', seenEdition: null, ...DEFAULT_POSTING, ...subscription, createdAt: new Date().toISOString() };
      const { lastInsertRowid } = this.db
        .prepare(
          `INSERT INTO subscriptions (guild_id, channel_id, schedule, trigger, cron, timezone, when_quiet, created_by, created_at, seen_edition,
             channel_kind, forum_tag_id, thread_per_recap, publish, language)
           VALUES (@guildId, @channelId, @schedule, @trigger, @cron, @timezone, @whenQuiet, @createdBy, @createdAt, @seenEdition,
             @channelKind, @tagId, @threadPerRecap, @publish, @language)`,
        )
        .run({ ...row, threadPerRecap: Number(row.threadPerRecap), publish: Number(row.publish) });
      return { status: 'added', subscription: this.row(Number(lastInsertRowid))! };
    });
    // Answered within an interaction's 3 seconds: wait for a lock briefly, then let the caller apologise.
    return this.write(() => attempt.immediate(), 2000);
  }

  private row(id: number): RecapSubscription | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM subscriptions WHERE id = ?`).get(id) as SubscriptionRow | undefined;
    return row && fromRow(row);
  }

  async get(id: number): Promise<RecapSubscription | undefined> {
    return this.row(id);
  }

  async forGuild(guildId: string, channelIds: ReadonlySet<string>): Promise<RecapSubscription[]> {
    return inGuild(await this.all(), guildId, channelIds);
  }

  async all(): Promise<RecapSubscription[]> {
    return (this.db.prepare(`SELECT ${COLUMNS} FROM subscriptions ORDER BY id`).all() as SubscriptionRow[]).map(fromRow);
  }

  remove(id: number): Promise<boolean> {
    return this.write(() => this.db.prepare('DELETE FROM subscriptions WHERE id = ?').run(id).changes === 1);
  }

  async edit(id: number, change: RecapChange): Promise<'edited' | 'duplicate'> {
    try {
      await this.write(() =>
        this.db
          .prepare(
            `UPDATE subscriptions SET schedule = @schedule, trigger = @trigger, cron = @cron, timezone = @timezone, when_quiet = @whenQuiet,
               seen_edition = @seenEdition, channel_kind = @channelKind, forum_tag_id = @tagId, thread_per_recap = @threadPerRecap, publish = @publish, language = @language,
               next_slot = NULL WHERE id = @id`,
          )
          .run({ ...change, threadPerRecap: Number(change.threadPerRecap), publish: Number(change.publish), id }),
      );
      return 'edited';
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return 'duplicate';
      throw error;
    }
  }

  async pause(id: number, reason: string, by?: string): Promise<void> {
    await this.write(() => this.db.prepare('UPDATE subscriptions SET paused_at = ?, paused_reason = ?, paused_by = ? WHERE id = ?').run(new Date().toISOString(), reason, by ?? null, id));
  }

  async resume(id: number): Promise<void> {
    await this.write(() => this.db.prepare('UPDATE subscriptions SET paused_at = NULL, paused_reason = NULL, paused_by = NULL WHERE id = ?').run(id));
  }

  async markSeen(id: number, editionId: string): Promise<void> {
    await this.write(() => this.db.prepare('UPDATE subscriptions SET seen_edition = ? WHERE id = ?').run(editionId, id));
  }

  async planNextSlot(id: number, slot: string | null): Promise<void> {
    await this.write(() => this.db.prepare('UPDATE subscriptions SET next_slot = ? WHERE id = ?').run(slot, id));
  }

  async setThread(id: number, threadId: string | null): Promise<void> {
    await this.write(() => this.db.prepare('UPDATE subscriptions SET thread_id = ? WHERE id = ?').run(threadId, id));
  }

  async recordPublish(id: number, failure: string | null): Promise<void> {
    await this.write(() => this.db.prepare('UPDATE subscriptions SET publish_failure = ? WHERE id = ?').run(failure, id));
  }

  async syncEnvironment(channelIds: readonly string[], schedule: EnvironmentSchedule | undefined): Promise<void> {
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
