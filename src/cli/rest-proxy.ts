// npm run rest-proxy: one REST rate limit for every replica. Runs @discordjs/proxy (discord.js's own
// proxy, @discordjs/rest inside) on PORT (default 8080); each replica sets DISCORD_API_URL to
// http://<this host>:PORT/api and sends its requests here, so Discord's per-route buckets and the global
// 50 requests a second per token are tracked in one place instead of once per replica. The proxy needs no
// token: it forwards each request's own Authorization header. Its upstream is DISCORD_API_URL when set
// here (an emulator, in the tests), else Discord.
import { buffer } from 'node:stream/consumers';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { populateErrorResponse, populateSuccessfulResponse } from '@discordjs/proxy';
import { REST, type RequestMethod } from 'discord.js';
import { createLogger } from '../log.js';

const log = createLogger({ LOG_LEVEL: 'info', LOG_FORMAT: process.env.LOG_FORMAT === 'pretty' ? 'pretty' : 'json' }, []);
const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error('PORT must be a port number');
  process.exit(1);
}
const upstream = process.env.DISCORD_API_URL;
// Discord's global limit is 50 requests a second per bot token; a little under it, because our one-second
// windows never line up exactly with Discord's.
const rest = new REST({ ...(upstream ? { api: upstream } : {}), globalRequestsPerSecond: 45, retries: 3 });
rest.on('rateLimited', (info) => log.info({ route: info.route, retryAfterMs: info.retryAfter, global: info.global }, 'rate limited'));

/**
 * @discordjs/proxy's own `proxyRequests`, with the body read first. It hands @discordjs/rest the request
 * stream, which a retry after a 429 finds already consumed: the retry fails inside the proxy, and its
 * `finally` has by then answered 200 with an empty body, so a post that never landed looks delivered.
 */
async function forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://proxy');
  const headers: Record<string, string> = {};
  for (const name of ['content-type', 'authorization', 'x-audit-log-reason']) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  try {
    const body = await buffer(req);
    const response = await rest.queueRequest({
      fullRoute: url.pathname.replace(/^\/api(\/v\d+)?/, '') as `/${string}`,
      method: req.method as RequestMethod,
      body: body.length > 0 ? body : undefined,
      passThroughBody: true,
      auth: false, // each replica's own Authorization header is forwarded
      query: url.searchParams,
      headers,
    });
    await populateSuccessfulResponse(res, response);
  } catch (error) {
    if (!populateErrorResponse(res, error)) {
      log.error({ route: url.pathname, err: error }, 'proxy request failed');
      res.statusCode = 502;
    }
  } finally {
    res.end();
  }
}

const server = createServer((req, res) => void forward(req, res));
server.listen(port, '0.0.0.0', () => {
  const address = server.address();
  log.info({ port: typeof address === 'object' && address ? address.port : port, upstream: upstream ?? 'https://discord.com/api' }, 'ready');
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
