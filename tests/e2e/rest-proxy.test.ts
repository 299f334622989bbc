// One REST rate limit for all replicas: Discord allows 50 requests a second per bot token, however many
// processes share it. The emulator enforces that (a 429 with global: true); three REST clients (three
// replicas' discord.js REST) sending at once exceed it on their own, and stay within it through one
// @discordjs/proxy (npm run rest-proxy), which queues their requests as one.
import { REST, Routes } from 'discord.js';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulator/index.js';
import { startProcess, type BotProcess } from './bot-process.js';

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
