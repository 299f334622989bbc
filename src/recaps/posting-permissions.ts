// What the bot needs to post a recap, by the kind of channel and how the recap posts, and the check that it
// has it, declared by the /recap subcommands that name a channel or a recap (src/command/checks.ts holds the generic ones).
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { POSTING_PERMISSIONS, type InGuild } from '../command/checks.js';
import { UserError, type Check } from '../command/command.js';
import type { ChannelFacts, GuildDirectory, NamedPermission } from '../command/context.js';
import { messagesFor, type Messages } from '../i18n/messages.js';
import type { SubscriptionStore } from './subscriptions.js';

const VIEW_CHANNEL = POSTING_PERMISSIONS.find(({ name }) => name === 'View Channel')!;
const EMBED_LINKS = POSTING_PERMISSIONS.find(({ name }) => name === 'Embed Links')!;

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

/** The bot has every permission in `needed` in the channel; else a UserError saying what to grant. */
export async function requirePostingPermissions(t: Messages, guilds: GuildDirectory, guildId: string, channelId: string, needed: readonly NamedPermission[]): Promise<void> {
  const missing = await guilds.missingPostingPermissions(guildId, channelId, needed);
  if (missing.length === 0) return;
  throw new UserError(t.admin.missingPermissions(`<#${channelId}>`, missing.map((name) => t.admin.permissionNames[name])));
}

/**
 * The bot can post recaps in the channel the subcommand names: what it needs depends on the channel's kind (a
 * forum) and on the option `thread` (a thread per recap). It can be declared only where `channel` is a required option.
 */
export const botCanPostInChannel: Check<{ guilds: GuildDirectory }, object, { channel: string; thread?: boolean }, InGuild> = {
  name: 'bot can post in channel',
  readsOptions: true,
  async run({ guilds }, { caller, options }) {
    const kind = (await guilds.channel(caller.guildId, options.channel))?.kind;
    await requirePostingPermissions(messagesFor(caller.locale), guilds, caller.guildId, options.channel, permissionsToPost(kind, { threadPerRecap: options.thread === true }));
  },
};

/**
 * The bot can post in the channel of the recap the subcommand names, as the recap will post there (a thread per
 * recap when the option `thread` turns it on). No such recap in the server is for the subcommand to say.
 */
export const botCanPostInRecap: Check<{ guilds: GuildDirectory; subscriptions: Pick<SubscriptionStore, 'forGuild'> }, object, { subscription: number; thread?: boolean }, InGuild> = {
  name: "bot can post in the recap's channel",
  readsOptions: true,
  async run({ guilds, subscriptions }, { caller, options }) {
    const recap = (await subscriptions.forGuild(caller.guildId, await guilds.channelIds(caller.guildId))).find(({ id }) => id === options.subscription);
    if (!recap) return;
    // Read afresh: the channel may have changed kind since the recap was set up.
    const kind = (await guilds.channel(caller.guildId, recap.channelId))?.kind ?? recap.channelKind;
    const needed = permissionsToPost(kind, { threadPerRecap: options.thread ?? recap.threadPerRecap });
    await requirePostingPermissions(messagesFor(caller.locale), guilds, caller.guildId, recap.channelId, needed);
  },
};
