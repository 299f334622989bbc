// Discord's REST API without a gateway client: @discordjs/rest, the REST client discord.js itself wraps.
// For INTERACTIONS=http and deploying commands; loading it loads none of discord.js.
//
// Its web build, which sends through Node's own fetch: the Node build also loads the undici package for its
// requests, about 8 MB more RSS for an HTTP replica (same rate-limit queues, retries and 429 handling either
// way). Its package exports give Node the Node build, so the web build is found beside it.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { REST as RestClient } from '@discordjs/rest';
import type { Config } from '../config.js';

const webBuild = new URL('web.mjs', pathToFileURL(createRequire(import.meta.url).resolve('@discordjs/rest')));
const { REST } = (await import(webBuild.href)) as typeof import('@discordjs/rest');

/** A REST client pointed at DISCORD_API_URL (a proxy or an emulator) when set. */
export function createRest(config: Pick<Config, 'DISCORD_API_URL' | 'DISCORD_TOKEN'>): RestClient {
  return new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(config.DISCORD_TOKEN);
}
