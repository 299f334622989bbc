// Recap subscriptions: which channel gets a recap, on what schedule, in which time zone, and whether it is
// paused (and why). The store's interface and types; its one implementation, over both engines, is
// sql-subscriptions.ts.
import type { Locale } from '../i18n/locale.js';

export type WhenQuiet = 'post' | 'skip';
/** Where a recap goes: a channel's messages, an announcement channel's (which can be published), or a forum's post. */
export type ChannelKind = 'text' | 'announcement' | 'forum';
/** A recap is posted in one of the languages the bot answers in (rules.ts: LANGUAGES). */
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

// The SQLite store by the name and import path it shipped with (the implementation is sql-subscriptions.ts).
// Its only run-time export: importing the types here loads nothing, so commands/ never loads the store.
export { SqliteSubscriptionStore } from './sql-subscriptions.js';
