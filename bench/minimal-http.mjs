// The baseline for the HTTP-mode bot: a minimal interactions endpoint with Node's own http and crypto,
// nothing else but pino. It checks each request's Ed25519 signature and timestamp as Discord asks, answers
// PING with PONG, every command and button with one fixed embed and every autocomplete with one fixed
// choice. Plain JavaScript, run as plain `node bench/minimal-http.mjs` on PORT (0: any free port) with
// DISCORD_PUBLIC_KEY, as the bot's HTTP mode runs; like the bot, it logs JSON at LOG_LEVEL: `ready` with its
// port and RSS, and one info line per interaction with the same fields the bot logs.
import { Buffer } from 'node:buffer';
import { createPublicKey, verify } from 'node:crypto';
import { createServer } from 'node:http';
import pino from 'pino';

const FIXED_ANSWER = { embeds: [{ title: 'Fixed', description: 'The same answer to everything.' }], components: [], allowed_mentions: { parse: [] } };
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const MAX_AGE_S = 300;

const log = pino({ level: process.env.LOG_LEVEL ?? 'info', base: undefined }, pino.destination({ sync: true }));
const key = createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(process.env.DISCORD_PUBLIC_KEY ?? '', 'hex')]), format: 'der', type: 'spki' });

function signed(req, body) {
  const signature = req.headers['x-signature-ed25519'];
  const timestamp = req.headers['x-signature-timestamp'];
  if (typeof signature !== 'string' || typeof timestamp !== 'string' || !/^[0-9a-f]{128}$/i.test(signature)) return false;
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > MAX_AGE_S) return false;
  return verify(null, Buffer.concat([Buffer.from(timestamp), body]), key, Buffer.from(signature, 'hex'));
}

function answer(interaction) {
  if (interaction.type === 1) return { type: 1 };
  if (interaction.type === 4) return { type: 8, data: { choices: [{ name: 'Fixed', value: 'fixed' }] } };
  if (interaction.type === 3) return { type: 7, data: FIXED_ANSWER };
  return { type: 4, data: FIXED_ANSWER };
}

const server = createServer(async (req, res) => {
  const started = performance.now();
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const body = Buffer.concat(chunks);
  if (!signed(req, body)) {
    res.writeHead(401).end();
    return;
  }
  const interaction = JSON.parse(body.toString('utf8'));
  res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer(interaction)));
  if (interaction.type === 1) return;
  const kind = interaction.type === 4 ? 'autocomplete' : interaction.type === 3 ? 'button' : 'command';
  const command = interaction.type === 3 ? interaction.data?.custom_id?.split(':', 1)[0] : interaction.data?.name;
  log.info({ guild: interaction.guild_id, interactionId: interaction.id, kind, command, latencyMs: Math.round((performance.now() - started) * 10) / 10, outcome: 'answered' }, 'interaction');
});

server.listen(Number(process.env.PORT ?? 8080), '127.0.0.1', () => {
  log.info({ port: server.address().port, rssMb: Math.round(process.memoryUsage().rss / 1024 / 1024) }, 'ready');
});
process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
