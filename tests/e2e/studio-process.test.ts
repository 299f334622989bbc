// `npm run studio` as users start it (src/studio/main.ts under tsx): on loopback it serves its built pages and
// answers as the one local editor; bound to another address without sign-in settings it refuses to start,
// naming every setting it needs.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startProcess, type BotProcess } from './bot-process.js';

describe('npm run studio', () => {
  const started: BotProcess[] = [];
  let dir: string | undefined;
  afterAll(async () => {
    for (const process of started) await process.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('serves its pages on loopback, on a free port, with no sign-in', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'studio-process-'));
    const studio = startProcess('src/studio/main.ts', { STUDIO_PORT: '0', DATABASE_PATH: path.join(dir, 'bot.sqlite'), CONTENT_DIR: 'content' });
    started.push(studio);
    const ready = await studio.waitForLog((line) => line.msg === 'studio ready', 20_000);
    const url = String(ready.url);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<studio-app></studio-app>');
    expect(await (await fetch(`${url}/api/me`)).json()).toMatchObject({ id: 'local', editor: true, reviewer: true, signIn: false });
  });

  it('refuses to start beyond loopback without sign-in with Discord, naming each missing setting', async () => {
    const studio = startProcess('src/studio/main.ts', { STUDIO_HOST: '0.0.0.0', STUDIO_PORT: '0' });
    started.push(studio);
    expect((await studio.waitForExit()).code).toBe(2);
    for (const name of ['DISCORD_CLIENT_ID', 'DISCORD_CLIENT_SECRET', 'STUDIO_PUBLIC_URL', 'STUDIO_GUILD_ID', 'STUDIO_EDITOR_ROLE_ID', 'STUDIO_REVIEWER_ROLE_ID', 'STUDIO_SESSION_SECRET']) {
      expect(studio.output).toContain(`${name} is required: STUDIO_HOST 0.0.0.0 is not loopback, so editors sign in with Discord`);
    }
  });
});
