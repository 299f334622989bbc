// npm run rest-proxy: one REST rate limit for every replica. Runs @discordjs/proxy's request handling
// (@discordjs/rest inside, the REST client discord.js wraps) on HOST:PORT (default 127.0.0.1:8080); each
// replica sets DISCORD_API_URL to http://<this host>:PORT/api and sends its requests here, so Discord's
// per-route buckets and the global 50 requests a second per token are tracked in one place instead of once per
// replica. Its upstream is DISCORD_API_URL when set here (an emulator, in the tests), else Discord.
//
// Settings come from the environment or .env, as the bot's do. Whoever can reach the proxy can spend the
// bot's rate limits, and every request Discord answers 401 counts toward the ban of the proxy's address
// (10,000 in 10 minutes): so it listens on the loopback interface unless HOST says otherwise, refuses a
// request without an Authorization header (except the interaction and webhook routes, whose token is in
// the path), and, with DISCORD_TOKEN set, any other bot token, all without asking Discord. What Discord
// answers is passed through, status and body; a failed request is logged once, at warn, without its body.
import { timingSafeEqual } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { populateSuccessfulResponse } from '@discordjs/proxy';
import { REST, type RequestMethod } from '@discordjs/rest';
import { z } from 'zod';
import { ConfigError, loadSettings } from '../config.js';
import { ListenError, listenOn } from '../discord/listen.js';
import { createLogger } from '../log.js';

let settings;
try {
  settings = loadSettings((variables) =>
    variables.pick({ PORT: true, DISCORD_API_URL: true, LOG_LEVEL: true, LOG_FORMAT: true }).extend({
      HOST: z.string().default('127.0.0.1'),
      DISCORD_TOKEN: variables.shape.DISCORD_TOKEN.optional(),
    }),
  );
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
const { PORT, HOST, DISCORD_API_URL: upstream, DISCORD_TOKEN: token } = settings;
const log = createLogger({ LOG_LEVEL: settings.LOG_LEVEL, LOG_FORMAT: settings.LOG_FORMAT ?? 'json' }, token ? [token] : []);
// Discord's global limit is 50 requests a second per bot token; a little under it, because our one-second
// windows never line up exactly with Discord's.
const rest = new REST({ ...(upstream ? { api: upstream } : {}), globalRequestsPerSecond: 45, retries: 3 });
rest.on('rateLimited', (info) => log.info({ route: info.route, retryAfterMs: info.retryAfter, global: info.global }, 'rate limited'));

/** Interaction callbacks and webhook requests carry their own token in the path, and no Authorization header. */
const TOKEN_IN_PATH = /^\/(?:interactions|webhooks)\/\d+\/[^/]+/;
const expected = token ? Buffer.from(`Bot ${token}`) : undefined;

/** Why a request is refused here, without asking Discord; undefined when it may go on. */
function refusal(route: string, authorization: string | undefined): string | undefined {
  if (authorization === undefined) return TOKEN_IN_PATH.test(route) ? undefined : 'no Authorization header';
  if (!expected) return undefined;
  const given = Buffer.from(authorization);
  return given.length === expected.length && timingSafeEqual(given, expected) ? undefined : 'not the bot token this proxy serves (DISCORD_TOKEN)';
}

/**
 * @discordjs/proxy's own `proxyRequests`, with the body read first (it hands @discordjs/rest the request stream,
 * which a retry after a 429 finds already consumed: the retry fails, and its `finally` has by then answered 200
 * with an empty body, so a post that never landed looks delivered), and Discord's errors passed through.
 */
async function forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://proxy');
  const route = url.pathname.replace(/^\/api(\/v\d+)?/, '') as `/${string}`;
  const failed = (status: number, why: string) => log.warn({ method: req.method, route, status, why }, 'proxy request failed');
  const authorization = req.headers.authorization;
  const refused = refusal(route, authorization);
  if (refused) {
    failed(401, refused);
    res.writeHead(401, { 'Content-Type': 'application/json' }).end(JSON.stringify({ message: '401: Unauthorized', code: 0 }));
    return;
  }
  const headers: Record<string, string> = {};
  for (const name of ['content-type', 'authorization', 'x-audit-log-reason']) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  try {
    const body = await buffer(req);
    const response = await rest.queueRequest({
      fullRoute: route,
      method: req.method as RequestMethod,
      body: body.length > 0 ? body : undefined,
      passThroughBody: true,
      auth: false, // each replica's own Authorization header is forwarded
      query: url.searchParams,
      headers,
    });
    await populateSuccessfulResponse(res, response);
  } catch (error) {
    const { status, body, why } = errorResponse(error);
    failed(status, why);
    res.statusCode = status;
    if (body !== undefined) res.setHeader('Content-Type', 'application/json').write(JSON.stringify(body));
  } finally {
    res.end();
  }
}

/**
 * What to answer for a request Discord refused or never answered. Read by shape, not `instanceof`: an error
 * from another copy of @discordjs/rest (discord.js's CommonJS one, say) is still Discord's answer, not a 502.
 */
function errorResponse(error: unknown): { status: number; body?: unknown; why: string } {
  const { status, rawError, code, name } = (error ?? {}) as { status?: unknown; rawError?: unknown; code?: unknown; name?: unknown };
  if (typeof status === 'number' && status >= 400 && status <= 599) return { status, body: rawError, why: `Discord answered ${status}${code === undefined ? '' : ` (code ${String(code)})`}` };
  if (name === 'AbortError') return { status: 504, why: 'Discord did not answer in time' };
  return { status: 502, why: error instanceof Error ? error.message : String(error) };
}

const server = createServer((req, res) => void forward(req, res));
try {
  await listenOn(server, PORT, HOST);
} catch (error) {
  if (!(error instanceof ListenError)) throw error;
  log.fatal({ code: error.code }, error.message);
  process.exit(1);
}
const { address, port } = server.address() as AddressInfo;
log.info({ host: address, port, upstream: upstream ?? 'https://discord.com/api', checksToken: Boolean(token) }, 'ready');
const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
