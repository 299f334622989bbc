// What the bot knows of a server when it has no gateway connection (INTERACTIONS=http): read over REST
// (the guild's roles, its channels with their overwrites, the bot's own member) and kept for a short
// while, so a burst of /recap commands costs a few requests, not a few per command. Permissions are
// computed the way Discord does (base from roles, then @everyone, role and member overwrites).
import type { REST } from '@discordjs/rest';
import { PermissionFlagsBits, Routes, type APIGuild, type APIGuildChannel, type APIGuildMember, type GuildChannelType } from 'discord-api-types/v10';
import { POSTING_PERMISSIONS } from '../command/checks.js';
import type { GuildDirectory, NamedPermission } from '../command/context.js';
import type { PermissionName } from '../i18n/messages.js';
import { permissionBits } from './answer-interaction.js';
import { kindOf, tagsOf } from './channel-facts.js';

const FRESH_FOR_MS = 30_000;

interface GuildView {
  preferredLocale: string;
  channels: Map<string, APIGuildChannel<GuildChannelType> & { available_tags?: { id: string; name: string }[] }>;
  /** The bot's permissions in each channel. */
  permissions: Map<string, bigint>;
}

const ALL = (1n << 64n) - 1n;

/** The member's permissions in one channel, per Discord's documented algorithm. */
export function channelPermissions(guild: Pick<APIGuild, 'id' | 'owner_id' | 'roles'>, member: Pick<APIGuildMember, 'roles'> & { id: string }, channel: Pick<APIGuildChannel<GuildChannelType>, 'permission_overwrites'>): bigint {
  if (guild.owner_id === member.id) return ALL;
  const roles = new Map(guild.roles.map((role) => [role.id, BigInt(role.permissions)]));
  let base = roles.get(guild.id) ?? 0n;
  for (const role of member.roles) base |= roles.get(role) ?? 0n;
  if ((base & PermissionFlagsBits.Administrator) !== 0n) return ALL;
  const overwrites = channel.permission_overwrites ?? [];
  let permissions = base;
  const everyone = overwrites.find((overwrite) => overwrite.id === guild.id);
  if (everyone) permissions = (permissions & ~BigInt(everyone.deny)) | BigInt(everyone.allow);
  let allow = 0n;
  let deny = 0n;
  for (const overwrite of overwrites) {
    if (overwrite.type === 0 && member.roles.includes(overwrite.id)) {
      allow |= BigInt(overwrite.allow);
      deny |= BigInt(overwrite.deny);
    }
  }
  permissions = (permissions & ~deny) | allow;
  const own = overwrites.find((overwrite) => overwrite.type === 1 && overwrite.id === member.id);
  if (own) permissions = (permissions & ~BigInt(own.deny)) | BigInt(own.allow);
  return permissions;
}

export function missingFrom(granted: bigint | undefined, needed: readonly NamedPermission[] = POSTING_PERMISSIONS): PermissionName[] {
  return needed.filter(({ flag }) => granted === undefined || (granted & flag) === 0n).map(({ name }) => name);
}

export function restGuildDirectory(rest: REST, botUserId: () => Promise<string>): GuildDirectory {
  const cache = new Map<string, { at: number; view: Promise<GuildView> }>();
  const load = async (guildId: string): Promise<GuildView> => {
    const [guild, channels, member] = await Promise.all([
      rest.get(Routes.guild(guildId)) as Promise<APIGuild>,
      rest.get(Routes.guildChannels(guildId)) as Promise<APIGuildChannel<GuildChannelType>[]>,
      botUserId().then((id) => rest.get(Routes.guildMember(guildId, id)) as Promise<APIGuildMember>),
    ]);
    const me = { id: member.user?.id ?? (await botUserId()), roles: member.roles };
    return {
      preferredLocale: guild.preferred_locale,
      channels: new Map(channels.map((channel) => [channel.id, channel])),
      permissions: new Map(channels.map((channel) => [channel.id, channelPermissions(guild, me, channel)])),
    };
  };
  const view = (guildId: string): Promise<GuildView> => {
    const cached = cache.get(guildId);
    if (cached && Date.now() - cached.at < FRESH_FOR_MS) return cached.view;
    const loading = load(guildId);
    cache.set(guildId, { at: Date.now(), view: loading });
    // A failed read is not kept: the next command asks again.
    loading.catch(() => cache.delete(guildId));
    return loading;
  };
  return {
    channelIds: async (guildId) => new Set((await view(guildId)).channels.keys()),
    channelName: async (guildId, channelId) => (await view(guildId)).channels.get(channelId)?.name ?? undefined,
    async channel(guildId, channelId) {
      const found = (await view(guildId)).channels.get(channelId);
      return found && { kind: kindOf(found.type), tags: tagsOf(found.available_tags) };
    },
    preferredLocale: async (guildId) => (await view(guildId)).preferredLocale,
    missingPostingPermissions: async (guildId, channelId, needed) => missingFrom((await view(guildId)).permissions.get(channelId), needed),
  };
}

/**
 * The directory for one interaction: Discord tells the bot its permissions in the interaction's channel
 * (`app_permissions`), so a check on that channel needs no request at all.
 */
export function withInteractionPermissions(directory: GuildDirectory, channelId: unknown, appPermissions: unknown): GuildDirectory {
  // Only what Discord's documentation says these hold (a channel id, a decimal string of bits) is trusted.
  const granted = permissionBits(appPermissions);
  if (typeof channelId !== 'string' || granted === undefined) return directory;
  return {
    ...directory,
    missingPostingPermissions: (guildId, channel, needed) =>
      channel === channelId ? Promise.resolve(missingFrom(granted, needed)) : directory.missingPostingPermissions(guildId, channel, needed),
  };
}
