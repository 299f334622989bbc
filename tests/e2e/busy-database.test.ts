// End to end: another process holding the recap database's write lock must not freeze the bot. Its
// scheduled write waits on a timer and completes after the lock is released; /brief, which needs no
// database, is answered within Discord's 3 seconds meanwhile.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulator/index.js';
import { cronAt, secondsFromNow } from '../support/schedule.js';
import { startProcess, type BotProcess } from './bot-process.js';

const sleepUntil = (at: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
const HOLD_MS = 4000;

let emulator: Emulator | undefined;
let bot: BotProcess | undefined;
let dataDir: string | undefined;
afterAll(async () => {
  await bot?.stop('SIGKILL');
  await emulator?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

it('answers /brief within 3 s while another process holds the database write lock for 4 s, then posts the recap', { timeout: 40_000 }, async () => {
  emulator = await startEmulator({ guilds: [{ name: 'Newsroom', channels: [{ name: 'talks' }] }] });
  dataDir = await mkdtemp(path.join(tmpdir(), 'busy-db-'));
  const databasePath = path.join(dataDir, 'bot.sqlite');
  const talks = emulator.channel('talks').id;
  const slot = secondsFromNow(15);
  bot = startProcess('src/main.ts', {
    DISCORD_TOKEN: emulator.token,
    DISCORD_API_URL: emulator.restUrl,
    DATABASE_PATH: databasePath,
    RECAP_CHANNEL_IDS: talks,
    RECAP_SCHEDULE: cronAt(slot),
  });
  await bot.waitForLog((line) => line.msg === 'recap scheduler started', 20_000);
  expect(Date.now()).toBeLessThan(slot.getTime() - 1500);

  // Our own connection to the bot's file: take the write lock just before the slot, hold it 4 s.
  await sleepUntil(slot.getTime() - 500);
  const holder = new Database(databasePath);
  holder.exec('BEGIN EXCLUSIVE');
  const lockedAt = Date.now();
  try {
    await sleepUntil(slot.getTime() + 300);
    const latencies: number[] = [];
    for (let ask = 0; ask < 3; ask++) {
      const sent = Date.now();
      const reply = await emulator.injectCommand({ name: 'brief' }).waitForReply({ timeoutMs: 3000 });
      latencies.push(Date.now() - sent);
      expect((reply.embeds[0] as { title?: string }).title).toBe('US-led Ukraine peace talks');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(Math.max(...latencies)).toBeLessThan(3000);
    expect(Date.now() - lockedAt).toBeLessThan(HOLD_MS);
    expect(emulator.messages(talks)).toHaveLength(0);
    await sleepUntil(lockedAt + HOLD_MS);
  } finally {
    holder.exec('ROLLBACK');
    holder.close();
  }
  expect(bot.logs.some((line) => line.msg === 'recap database is locked by another process; retrying')).toBe(true);
  // Released: the scheduled work completes, once.
  await emulator.waitForMessages(talks, 1, 10_000);
  await bot.waitForLog((line) => line.msg === 'recap delivered', 5000);
  expect(emulator.messages(talks)).toHaveLength(1);
});
