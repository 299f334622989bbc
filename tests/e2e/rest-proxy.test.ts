// One REST rate limit for all replicas: Discord allows 50 requests a second per bot token, however many
// processes share it. The emulator enforces that (a 429 with global: true); three REST clients (three
// replicas' discord.js REST) sending at once exceed it on their own, and stay within it through one
// @discordjs/proxy (npm run rest-proxy), which queues their requests as one. The proxy itself listens on the
// loopback interface unless told otherwise, reads .env, passes Discord's answers through, and refuses without
// asking Discord what cannot be the bot's (no Authorization, or another token than DISCORD_TOKEN).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REST, Routes } from 'discord.js';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulator/index.js';
import { BotProcess, REPO, startProcess } from './bot-process.js';

const REPLICAS = 3;
const POSTS_EACH = 40;

let emulator: Emulator | undefined;
let proxy: BotProcess | undefined;
afterAll(async () => {
  await proxy?.stop();
  await emulator?.close();
});

/** Every replica posts `POSTS_EACH` messages, one per channel, all at once; resolves with the time it took. */
async function fanOut(api: string): Promise<number> {
  const started = Date.now();
  const channels = emulator!.guilds[0]!.channels;
  await Promise.all(
    Array.from({ length: REPLICAS }, async (_, replica) => {
      const rest = new REST({ api }).setToken(emulator!.token);
      await Promise.all(
        Array.from({ length: POSTS_EACH }, (_, n) => rest.post(Routes.channelMessages(channels[replica * POSTS_EACH + n]!.id), { body: { content: `post ${replica}/${n}` } })),
      );
    }),
  );
  return Date.now() - started;
}

describe("Discord's global rate limit", () => {
  it('answers a 429 with global: true past 50 requests a second for one token', async () => {
    emulator = await startEmulator({ guilds: [{ name: 'Newsroom', channels: Array.from({ length: REPLICAS * POSTS_EACH }, (_, n) => ({ name: `c${n}` })) }] });
    const responses = await Promise.all(
      Array.from({ length: 100 }, () => fetch(`${emulator!.restUrl}/v10/users/@me`, { headers: { Authorization: `Bot ${emulator!.token}` } })),
    );
    const limited = responses.filter((response) => response.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(30);
    expect(limited[0]!.headers.get('x-ratelimit-global')).toBe('true');
    expect(await limited[0]!.json()).toMatchObject({ global: true, message: 'You are being rate limited.' });
    expect(emulator.globalRateLimited).toBe(limited.length);
  });

  it('is exceeded by three replicas on their own, and kept through one @discordjs/proxy', { timeout: 60_000 }, async () => {
    const before = emulator!.globalRateLimited;
    await fanOut(emulator!.restUrl);
    const alone = emulator!.globalRateLimited - before;
    expect(alone).toBeGreaterThan(0);

    proxy = startProcess('src/cli/rest-proxy.ts', { PORT: '0', DISCORD_API_URL: emulator!.restUrl });
    const ready = await proxy.waitForLog((line) => line.msg === 'ready');
    const through = emulator!.globalRateLimited;
    const ms = await fanOut(`http://127.0.0.1:${String(ready.port)}/api`);
    expect(emulator!.globalRateLimited - through).toBe(0);
    // 120 requests at 50 a second: at least two full windows.
    expect(ms).toBeGreaterThanOrEqual(1500);
    const posts = emulator!.guilds[0]!.channels.map((channel) => emulator!.messages(channel.id).length);
    expect(posts.every((count) => count === 2)).toBe(true);
  });

  it('retries a 429 with the request body, so the post lands once', async () => {
    const channel = emulator!.guilds[0]!.channels[0]!.id;
    const before = emulator!.messages(channel).length;
    emulator!.failNext({ method: 'POST', path: `/channels/${channel}/messages`, status: 429, retryAfter: 0.2 });
    const ready = proxy!.logs.find((line) => line.msg === 'ready')!;
    const rest = new REST({ api: `http://127.0.0.1:${String(ready.port)}/api` }).setToken(emulator!.token);
    const message = (await rest.post(Routes.channelMessages(channel), { body: { content: 'after a 429' } })) as { id: string; content: string };
    expect(message).toMatchObject({ content: 'after a 429' });
    expect(emulator!.messages(channel).map((posted) => posted.content).slice(before)).toEqual(['after a 429']);
  });
});

/** The addresses listening on TCP port `port`, from the kernel's own table (/proc/net/tcp and tcp6), as hex. */
async function listeningOn(port: number): Promise<string[]> {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const tables = await Promise.all(['/proc/net/tcp', '/proc/net/tcp6'].map((file) => readFile(file, 'utf8').catch(() => '')));
  // Columns: sl local_address rem_address st ...; state 0A is LISTEN.
  return tables.flatMap((table) => table.split('\n').slice(1).map((line) => line.trim().split(/\s+/)).filter((columns) => columns[3] === '0A' && columns[1]?.endsWith(`:${hexPort}`)).map((columns) => columns[1]!.split(':')[0]!));
}

describe('the REST proxy itself', () => {
  let upstream: Emulator;
  let dir: string;
  const running: BotProcess[] = [];
  afterAll(async () => {
    await Promise.all(running.map((process) => process.stop()));
    await upstream?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 by default, reads .env, and refuses a request without Authorization or with another token, without asking Discord', async () => {
    upstream = await startEmulator({ guilds: [{ name: 'Newsroom', channels: [{ name: 'talks' }] }] });
    dir = await mkdtemp(path.join(tmpdir(), 'rest-proxy-'));
    await writeFile(path.join(dir, '.env'), `PORT=0\nDISCORD_API_URL=${upstream.restUrl}\nDISCORD_TOKEN=${upstream.token}\n`);
    // Started in a folder holding only that .env, as an operator starts it: nothing but PATH in its environment.
    const tsx = pathToFileURL(createRequire(path.join(REPO, 'package.json')).resolve('tsx')).href;
    const proxied = new BotProcess(spawn(process.execPath, ['--import', tsx, path.join(REPO, 'src/cli/rest-proxy.ts')], { cwd: dir, env: { PATH: process.env.PATH }, stdio: ['ignore', 'pipe', 'pipe'] }));
    running.push(proxied);
    const ready = await proxied.waitForLog((line) => line.msg === 'ready', 20_000);
    expect(ready).toMatchObject({ host: '127.0.0.1', upstream: upstream.restUrl, checksToken: true });
    expect(await listeningOn(Number(ready.port))).toEqual(['0100007F']);

    const api = `http://127.0.0.1:${String(ready.port)}/api/v10`;
    const before = upstream.requests.length;
    const anonymous = await fetch(`${api}/users/@me`);
    const forged = await fetch(`${api}/users/@me`, { headers: { Authorization: 'Bot forged.token.value' } });
    expect([anonymous.status, forged.status]).toEqual([401, 401]);
    expect(upstream.requests).toHaveLength(before);
    const own = await fetch(`${api}/users/@me`, { headers: { Authorization: `Bot ${upstream.token}` } });
    expect(own.status).toBe(200);
    expect(proxied.output).not.toContain(upstream.token);
  });

  it("passes Discord's 401 through as 401, and logs each failed request once, at warn, without its body", async () => {
    // No DISCORD_TOKEN: every token is forwarded, and Discord (the emulator) refuses the forged ones.
    const proxy = startProcess('src/cli/rest-proxy.ts', { PORT: '0', DISCORD_API_URL: upstream.restUrl });
    running.push(proxy);
    const ready = await proxy.waitForLog((line) => line.msg === 'ready');
    expect(ready).toMatchObject({ host: '127.0.0.1', checksToken: false });
    const api = `http://127.0.0.1:${String(ready.port)}/api/v10`;
    const channel = upstream.channel('talks').id;
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(`${api}/channels/${channel}/messages`, { method: 'POST', headers: { Authorization: 'Bot forged.token.value', 'Content-Type': 'application/json' }, body: JSON.stringify({ content: 'secret body text' }) }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array.from({ length: 20 }, () => 401));
    expect(await responses[0]!.json()).toMatchObject({ code: 0 });
    await proxy.waitForLog((line) => line.msg === 'proxy request failed' && line.status === 401);
    await expect.poll(() => proxy.logs.filter((line) => line.msg === 'proxy request failed').length).toBe(20);
    expect(proxy.logs.filter((line) => line.level >= 50)).toEqual([]);
    expect(proxy.logs.filter((line) => line.msg === 'proxy request failed').every((line) => line.level === 40)).toBe(true);
    expect(proxy.output).not.toContain('secret body text');
  });
});
