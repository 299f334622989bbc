// End to end: the bot refuses, in one sentence and exit code 1, a DATABASE_PATH it cannot use; and says
// loudly, once, when its database file disappears while it runs.
import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAgainstEmulator, startProcess, type Harness } from './bot-process.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'db-path-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('an unusable DATABASE_PATH', () => {
  const cases: [string, () => Promise<string>, RegExp][] = [
    ['a file that is not a database', async () => {
      const file = path.join(dir, 'notes.sqlite');
      await writeFile(file, 'these are my notes, not a database\n'.repeat(200));
      return file;
    }, /DATABASE_PATH \(.*notes\.sqlite\) is not a SQLite database/],
    ['a folder', async () => {
      const folder = path.join(dir, 'a-folder.sqlite');
      await mkdir(folder);
      return folder;
    }, /DATABASE_PATH \(.*a-folder\.sqlite\) cannot be opened/],
    ['a path under a file', async () => {
      const file = path.join(dir, 'plain-file');
      await writeFile(file, 'x');
      return path.join(file, 'bot.sqlite');
    }, /DATABASE_PATH \(.*plain-file\/bot\.sqlite\) is in a folder that does not exist and cannot be created/],
  ];
  for (const [name, make, expected] of cases) {
    it(`${name}: one sentence, exit code 1, no stack`, async () => {
      const bot = startProcess('src/main.ts', { DISCORD_TOKEN: 'not-a-real-token', DISCORD_API_URL: 'http://127.0.0.1:9/api', DATABASE_PATH: await make() });
      expect((await bot.waitForExit()).code).toBe(1);
      const fatal = bot.logs.find((line) => line.level === 60);
      expect(fatal?.msg).toMatch(expected);
      expect(fatal?.err).toBeUndefined();
      expect(bot.output).not.toMatch(/\n\s+at /);
    });
  }
});

describe('the database file vanishing while the bot runs', () => {
  let harness: Harness;
  let databasePath: string;
  beforeAll(async () => {
    databasePath = path.join(dir, 'vanishing', 'bot.sqlite');
    harness = await startAgainstEmulator({ env: { DATABASE_PATH: databasePath } });
  }, 30_000);
  afterAll(() => harness?.close());

  it('is logged at error level, once, saying subscriptions will be lost at restart', { timeout: 20_000 }, async () => {
    const { bot } = harness;
    await unlink(databasePath);
    const logged = await bot.waitForLog((line) => line.level === 50 && String(line.msg).includes('DATABASE_PATH'), 6000);
    expect(logged.msg).toContain(databasePath);
    expect(logged.msg).toContain('lost at restart');
    await writeFile(databasePath, '');
    await new Promise((resolve) => setTimeout(resolve, 4500));
    expect(bot.logs.filter((line) => String(line.msg).includes('lost at restart'))).toHaveLength(1);
    expect(bot.child.exitCode).toBeNull();
  });
});
