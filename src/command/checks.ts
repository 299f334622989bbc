// Preconditions as named pieces, declared by commands and run by the adapter, each with its own message.
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { UserError, type Caller, type Check } from './command.js';
import type { ChannelKind } from '../recaps/subscriptions.js';
import type { ChannelFacts, GuildDirectory, NamedPermission } from './context.js';
import { messagesFor, type Messages } from '../i18n/messages.js';

/** The caller's server, for commands that only make sense in a server that added the bot. */
export function guildOf(caller: Caller): string {
  if (!caller.guildId) throw new UserError(messagesFor(caller.locale).admin.guildOnly);
  if (!caller.botInGuild) throw new UserError(messagesFor(caller.locale).admin.botNotInGuild);
  return caller.guildId;
}

export const guildOnly: Check<unknown> = {
  name: 'guild only',
  run: (_context, { caller }) => void guildOf(caller),
};

export const manageServer: Check<unknown> = {
  name: 'Manage Server',
  run(_context, { caller }) {
    if (caller.permissions === null || (caller.permissions & PermissionFlagsBits.ManageGuild) === 0n) {
      throw new UserError(messagesFor(caller.locale).admin.manageServer);
    }
  },
};

const VIEW_CHANNEL: NamedPermission = { flag: PermissionFlagsBits.ViewChannel, name: 'View Channel' };
const EMBED_LINKS: NamedPermission = { flag: PermissionFlagsBits.EmbedLinks, name: 'Embed Links' };
export const POSTING_PERMISSIONS: readonly NamedPermission[] = [VIEW_CHANNEL, { flag: PermissionFlagsBits.SendMessages, name: 'Send Messages' }, EMBED_LINKS];

/**
 * What posting a recap takes, named as that kind of channel's settings name it: a forum's post is opened with
 * Create Posts (Send Messages) and continued with Send Messages in Posts; a thread per recap needs Create Public
 * Threads. Publishing the bot's own message needs nothing beyond Send Messages.
 */
export function permissionsToPost(kind: ChannelFacts['kind'] | undefined, { threadPerRecap = false }: { threadPerRecap?: boolean } = {}): readonly NamedPermission[] {
  if (kind === 'forum') {
    return [
      VIEW_CHANNEL,
      { flag: PermissionFlagsBits.SendMessages, name: 'Create Posts' },
      { flag: PermissionFlagsBits.SendMessagesInThreads, name: 'Send Messages in Posts' },
      EMBED_LINKS,
    ];
  }
  return threadPerRecap ? [...POSTING_PERMISSIONS, { flag: PermissionFlagsBits.CreatePublicThreads, name: 'Create Public Threads' }] : POSTING_PERMISSIONS;
}

/** The kind of a channel a recap can post in; `otherwise` when the bot cannot tell. */
export async function recapChannelKind(t: Messages, guilds: GuildDirectory, guildId: string, channelId: string, otherwise: ChannelKind = 'text'): Promise<ChannelKind> {
  const kind = (await guilds.channel(guildId, channelId))?.kind;
  if (kind === 'other') throw new UserError(t.admin.notARecapChannel(`<#${channelId}>`));
  return kind ?? otherwise;
}

/** The bot has every permission in `needed` (default: View Channel, Send Messages, Embed Links) in the channel; else says what to grant. */
export async function requirePostingPermissions(t: Messages, guilds: GuildDirectory, guildId: string, channelId: string, needed: readonly NamedPermission[] = POSTING_PERMISSIONS): Promise<void> {
  const missing = await guilds.missingPostingPermissions(guildId, channelId, needed);
  if (missing.length === 0) return;
  throw new UserError(t.admin.missingPermissions(`<#${channelId}>`, missing.map((name) => t.admin.permissionNames[name])));
}

/**
 * The check for a command whose channel option names where the bot will post: what it needs depends on the
 * channel's kind (a forum) and on the boolean option `thread` (a thread per recap).
 */
export function botCanPostIn(option: string): Check<{ guilds: GuildDirectory }> {
  return {
    name: `bot can post in ${option}`,
    async run({ guilds }, { caller, options }) {
      const channelId = options[option];
      if (typeof channelId !== 'string' || !caller.guildId) return;
      const kind = (await guilds.channel(caller.guildId, channelId))?.kind;
      await requirePostingPermissions(messagesFor(caller.locale), guilds, caller.guildId, channelId, permissionsToPost(kind, { threadPerRecap: options.thread === true }));
    },
  };
}
