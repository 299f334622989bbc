// What the bot knows of a server, from discord.js's cache (INTERACTIONS=gateway): its channels (their kind, a
// forum's tags), its preferred locale, and the bot's own permissions in a channel (by the names Discord shows
// in channel settings).
import { ChannelType } from 'discord-api-types/v10';
import type { Client } from 'discord.js';
import { POSTING_PERMISSIONS } from '../command/checks.js';
import type { GuildDirectory } from '../command/context.js';
import { kindOf, tagsOf } from './channel-facts.js';

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
