// Discord's REST API without a gateway client: @discordjs/rest, the REST client discord.js itself wraps.
// For INTERACTIONS=http and deploying commands; loading it loads none of discord.js.
import { REST } from '@discordjs/rest';
import type { Config } from '../config.js';

/** A REST client pointed at DISCORD_API_URL (a proxy or an emulator) when set. */
export function createRest(config: Pick<Config, 'DISCORD_API_URL' | 'DISCORD_TOKEN'>): REST {
  return new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(config.DISCORD_TOKEN);
}
