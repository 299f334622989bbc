// What the bot knows of a server, from discord.js's cache: its channels, and the bot's own permissions in
// one (the posting permissions a recap needs, by the names Discord shows in channel settings).
import { PermissionFlagsBits, type Client } from 'discord.js';
import type { GuildDirectory } from '../command/context.js';

export const POSTING_PERMISSIONS = [
  { flag: PermissionFlagsBits.ViewChannel, name: 'View Channel' },
  { flag: PermissionFlagsBits.SendMessages, name: 'Send Messages' },
  { flag: PermissionFlagsBits.EmbedLinks, name: 'Embed Links' },
] as const;

export function guildDirectory(client: Client): GuildDirectory {
  const guild = (guildId: string) => client.guilds.cache.get(guildId);
  return {
    channelIds: async (guildId) => new Set(guild(guildId)?.channels.cache.keys() ?? []),
    channelName: async (guildId, channelId) => guild(guildId)?.channels.cache.get(channelId)?.name,
    async missingPostingPermissions(guildId, channelId) {
      const found = guild(guildId);
      const me = found && (found.members.me ?? (await found.members.fetchMe()));
      const granted = me && found.channels.cache.get(channelId)?.permissionsFor(me);
      return POSTING_PERMISSIONS.filter(({ flag }) => !granted?.has(flag)).map(({ name }) => name);
    },
  };
}
