// Preconditions as named pieces, declared by commands and run by the adapter, each with its own message.
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { UserError, type Caller, type Check } from './command.js';
import type { GuildDirectory } from './context.js';
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

/** The bot can View Channel, Send Messages and Embed Links in the channel; else says what to grant. */
export async function requirePostingPermissions(t: Messages, guilds: GuildDirectory, guildId: string, channelId: string): Promise<void> {
  const missing = await guilds.missingPostingPermissions(guildId, channelId);
  if (missing.length === 0) return;
  throw new UserError(t.admin.missingPermissions(`<#${channelId}>`, missing.map((name) => t.admin.permissionNames[name] ?? name)));
}

/** The check for a command whose channel option names where the bot will post. */
export function botCanPostIn(option: string): Check<{ guilds: GuildDirectory }> {
  return {
    name: `bot can post in ${option}`,
    async run({ guilds }, { caller, options }) {
      const channelId = options[option];
      if (typeof channelId === 'string' && caller.guildId) await requirePostingPermissions(messagesFor(caller.locale), guilds, caller.guildId, channelId);
    },
  };
}
