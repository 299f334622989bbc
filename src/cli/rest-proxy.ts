// npm run rest-proxy: one REST rate limit for every replica. Runs @discordjs/proxy (discord.js's own
// proxy, @discordjs/rest inside) on PORT (default 8080); each replica sets DISCORD_API_URL to
// http://<this host>:PORT/api and sends its requests here, so Discord's per-route buckets and the global
// 50 requests a second per token are tracked in one place instead of once per replica. The proxy needs no
// token: it forwards each request's own Authorization header. Its upstream is DISCORD_API_URL when set
// here (an emulator, in the tests), else Discord.
import { createServer } from 'node:http';
import { proxyRequests } from '@discordjs/proxy';
import { REST } from 'discord.js';
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
const handle = proxyRequests(rest);
const server = createServer((req, res) => {
  Promise.resolve(handle(req, res)).catch((error: unknown) => {
    log.error({ err: error }, 'proxy request failed');
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
});
server.listen(port, '0.0.0.0', () => {
  const address = server.address();
  log.info({ port: typeof address === 'object' && address ? address.port : port, upstream: upstream ?? 'https://discord.com/api' }, 'ready');
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
