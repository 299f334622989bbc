/** Discord permission bits the emulator grants or checks, and the default grants. */
export const Permission = {
  ManageGuild: 1n << 5n,
  AddReactions: 1n << 6n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  MentionEveryone: 1n << 17n,
  UseExternalEmojis: 1n << 18n,
  UseApplicationCommands: 1n << 31n,
  ManageThreads: 1n << 34n,
  CreatePublicThreads: 1n << 35n,
  SendMessagesInThreads: 1n << 38n,
  SendPolls: 1n << 49n,
  /** Lets a member's own (user-installed) apps answer publicly in a server that did not add them. */
  UseExternalApps: 1n << 50n,
} as const;

/** What @everyone may do in an emulated guild; the bot and injected users get exactly this. */
export const EVERYONE_PERMISSIONS =
  Permission.AddReactions |
  Permission.ViewChannel |
  Permission.SendMessages |
  Permission.EmbedLinks |
  Permission.AttachFiles |
  Permission.ReadMessageHistory |
  Permission.UseExternalEmojis |
  Permission.UseApplicationCommands |
  Permission.CreatePublicThreads |
  Permission.SendMessagesInThreads |
  Permission.UseExternalApps;

/**
 * `app_permissions` where the bot is no member: DMs with other users get ATTACH_FILES, EMBED_LINKS and
 * MENTION_EVERYONE, the bot's own DMs USE_EXTERNAL_EMOJIS as well (Discord's docs); real payloads also carry
 * SEND_POLLS, and a server reached through a user install gets what the bot's DM gets.
 */
export const PRIVATE_CHANNEL_APP_PERMISSIONS = Permission.AttachFiles | Permission.EmbedLinks | Permission.MentionEveryone | Permission.SendPolls;
export const BOT_DM_APP_PERMISSIONS = PRIVATE_CHANNEL_APP_PERMISSIONS | Permission.UseExternalEmojis;
