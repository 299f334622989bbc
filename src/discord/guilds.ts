// What the bot knows of a server, from discord.js's cache: its channels (their kind, a forum's tags), its
// preferred locale, and the bot's own permissions in a channel (by the names Discord shows in channel settings).
import { ChannelType, type Client } from 'discord.js';
import { POSTING_PERMISSIONS } from '../command/checks.js';
import type { ChannelFacts, ForumTag, GuildDirectory } from '../command/context.js';

/** A Discord channel type as the kind of channel a recap posts in. */
export function kindOf(type: number): ChannelFacts['kind'] {
  if (type === ChannelType.GuildText) return 'text';
  if (type === ChannelType.GuildAnnouncement) return 'announcement';
  if (type === ChannelType.GuildForum) return 'forum';
  return 'other';
}

export const tagsOf = (tags: readonly ForumTag[] | undefined): ForumTag[] => (tags ?? []).map(({ id, name }) => ({ id, name }));

export function guildDirectory(client: Client): GuildDirectory {
  const guild = (guildId: string) => client.guilds.cache.get(guildId);
  return {
    channelIds: async (guildId) => new Set(guild(guildId)?.channels.cache.keys() ?? []),
    channelName: async (guildId, channelId) => guild(guildId)?.channels.cache.get(channelId)?.name,
    async channel(guildId, channelId) {
      const found = guild(guildId)?.channels.cache.get(channelId);
      return found && { kind: kindOf(found.type), tags: found.type === ChannelType.GuildForum ? tagsOf(found.availableTags) : [] };
    },
    preferredLocale: async (guildId) => guild(guildId)?.preferredLocale,
    async missingPostingPermissions(guildId, channelId, needed = POSTING_PERMISSIONS) {
      const found = guild(guildId);
      const me = found && (found.members.me ?? (await found.members.fetchMe()));
      const granted = me && found.channels.cache.get(channelId)?.permissionsFor(me);
      return needed.filter(({ flag }) => !granted?.has(flag)).map(({ name }) => name);
    },
  };
}
