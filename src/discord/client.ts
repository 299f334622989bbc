// The discord.js client: only the Guilds intent, and caches trimmed to what the bot reads
// (guilds, channels, roles and its own member, for permission checks). Without a gateway (INTERACTIONS=http,
// deploying commands), REST alone.
import { Client, GatewayIntentBits, Options, REST, type ClientOptions } from 'discord.js';
import type { Config } from '../config.js';

/** What to tell the operator when Discord refuses the token: one sentence, no stack. */
export const REJECTED_TOKEN =
  'Discord rejected DISCORD_TOKEN (401 Unauthorized): copy the bot token again from the Developer Portal (your application -> Bot -> Reset Token) into DISCORD_TOKEN.';

/** True when Discord refused the bot token: discord.js's TokenInvalid at login, or a 401 from the REST API. */
export function isRejectedToken(error: unknown): boolean {
  const { code, status } = (error ?? {}) as { code?: unknown; status?: unknown };
  return code === 'TokenInvalid' || status === 401;
}

export function createClient(config: Pick<Config, 'DISCORD_API_URL'>): Client {
  const options: ClientOptions = {
    intents: [GatewayIntentBits.Guilds],
    makeCache: Options.cacheWithLimits({
      ApplicationCommandManager: 0,
      ApplicationEmojiManager: 0,
      AutoModerationRuleManager: 0,
      BaseGuildEmojiManager: 0,
      DMMessageManager: 0,
      EntitlementManager: 0,
      GuildBanManager: 0,
      GuildEmojiManager: 0,
      GuildForumThreadManager: 0,
      GuildInviteManager: 0,
      GuildMessageManager: 0,
      GuildScheduledEventManager: 0,
      GuildStickerManager: 0,
      GuildTextThreadManager: 0,
      MessageManager: 0,
      PresenceManager: 0,
      ReactionManager: 0,
      ReactionUserManager: 0,
      StageInstanceManager: 0,
      ThreadManager: 0,
      ThreadMemberManager: 0,
      UserManager: 0,
      VoiceStateManager: 0,
      // Keep only the bot's own member: it is what channel permission checks need.
      GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user.id },
    }),
    // Nothing the bot sends may ping anyone, whatever a payload says.
    allowedMentions: { parse: [] },
  };
  // discord.js spreads `rest` over its defaults: an explicit `api: undefined` would erase the real URL.
  if (config.DISCORD_API_URL) options.rest = { api: config.DISCORD_API_URL };
  return new Client(options);
}

/** discord.js's REST client on its own, pointed at DISCORD_API_URL (a proxy or an emulator) when set. */
export function createRest(config: Pick<Config, 'DISCORD_API_URL' | 'DISCORD_TOKEN'>): REST {
  return new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(config.DISCORD_TOKEN);
}
