// What commands are given to answer with: the briefing and the time, plus, for stateful commands, small
// interfaces onto the rest of the bot, so their replies are computed (and tested) without Discord.
import type { Briefing } from '../briefing/briefing.js';
import type { ReplyMemo } from './reply-memo.js';
import type { ReportStore } from '../reports/store.js';
import type { PermissionName } from '../i18n/messages.js';

export interface BriefingContext {
  /** Everything loaded; replies show the edition asked for, as published by `now` (src/briefing/editions.ts). */
  briefing: Briefing;
  /** The moment the reply is for; injected so tests and the preview can travel in time. */
  now: Date;
  /** A briefing whose newest edition is older than this says so in every reply. */
  staleAfterDays: number;
  /** Where replies are kept once built (the bot keeps them; tests, the preview and the bench build afresh). */
  kept?: ReplyMemo;
  /** Where readers' reports go (none: reports are not kept, as in tests that do not ask for them). */
  reports?: Pick<ReportStore, 'add'>;
  /** The release `briefing` comes from, recorded with a reader's report (none for drafts). */
  releaseId?: number;
}

/** A permission bit, by the name Discord's channel settings show for it. */
export interface NamedPermission {
  flag: bigint;
  name: PermissionName;
}

export interface ForumTag {
  id: string;
  name: string;
}

/**
 * What a recap needs to know of a channel: its kind (the kinds a recap posts in, ChannelKind of
 * src/recaps/subscriptions.ts, else `other`) and a forum's tags.
 */
export interface ChannelFacts {
  kind: 'text' | 'announcement' | 'forum' | 'other';
  tags: readonly ForumTag[];
}

/** What the bot knows of a server from Discord: its channels and its own permissions in them. */
export interface GuildDirectory {
  channelIds(guildId: string): Promise<ReadonlySet<string>>;
  channelName(guildId: string, channelId: string): Promise<string | undefined>;
  channel(guildId: string, channelId: string): Promise<ChannelFacts | undefined>;
  /** The server's preferred locale (Community servers set it), e.g. `de`, `en-US`. */
  preferredLocale(guildId: string): Promise<string | undefined>;
  /** Names of the permissions among `needed` (default: View Channel, Send Messages, Embed Links) the bot lacks in a channel. */
  missingPostingPermissions(guildId: string, channelId: string, needed?: readonly NamedPermission[]): Promise<PermissionName[]>;
}
