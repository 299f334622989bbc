// What commands are given to answer with: the briefing and the time, plus, for stateful commands, small
// interfaces onto the rest of the bot, so their replies are computed (and tested) without Discord.
import type { Briefing } from '../briefing/briefing.js';

export interface BriefingContext {
  /** Everything loaded; replies show the edition asked for, as published by `now` (src/briefing/editions.ts). */
  briefing: Briefing;
  /** The moment the reply is for; injected so tests and the preview can travel in time. */
  now: Date;
  /** A briefing whose newest edition is older than this says so in every reply. */
  staleAfterDays: number;
}

/** What the bot knows of a server from Discord: its channels and its own permissions in them. */
export interface GuildDirectory {
  channelIds(guildId: string): Promise<ReadonlySet<string>>;
  channelName(guildId: string, channelId: string): Promise<string | undefined>;
  /** Names (as Discord's channel settings show them) of the posting permissions the bot lacks in a channel. */
  missingPostingPermissions(guildId: string, channelId: string): Promise<string[]>;
}
