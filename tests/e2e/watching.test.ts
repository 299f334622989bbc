// End to end: content edits made the ways editors and tools really make them reach the running bot
// within 2 seconds, and nothing found in the content folder (symlink loops, FIFOs, folders that come and
// go, the folder itself deleted and recreated) stops the process or the watching.
import { execFile as execFileCallback } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rename, rm, rmdir, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../emulator/index.js';
import { SHIPPED_CONTENT } from '../support/content.js';
import { startAgainstEmulator, type BotProcess, type Harness } from './bot-process.js';

const execFile = promisify(execFileCallback);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The newest content must be served this soon after the edit that made it. */
const SERVED_WITHIN_MS = 2000;

let harness: Harness;
let emulator: Emulator;
let bot: BotProcess;
/** A git repository whose content/ folder is the bot's CONTENT_DIR. */
let repo: string;
let dir: string;
let actors: string;

const git = (...args: string[]) => execFile('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'init.defaultBranch=main', ...args], { cwd: repo });
const ROLE = /role: (?:Secretary General of NATO|Marker [\w-]+)/;
const withRole = (text: string, marker: string) => text.replace(ROLE, `role: Marker ${marker}`);

async function rutteRole(): Promise<string | undefined> {
  const reply = await emulator.injectCommand({ name: 'position', options: { actor: 'Rutte' } }).waitForReply();
  return (reply.embeds[0] as { description?: string } | undefined)?.description;
}

/** Asks until Rutte's role reads `Marker <marker>`; fails if that takes longer than SERVED_WITHIN_MS. */
const expectServed = (marker: string) => expectRole(`Marker ${marker}`);

async function expectRole(role: string): Promise<void> {
  const started = Date.now();
  let seen: string | undefined;
  while (Date.now() - started < SERVED_WITHIN_MS) {
    seen = await rutteRole();
    if (seen?.includes(role)) break;
    await sleep(100);
  }
  expect(seen).toContain(role);
  expect(bot.child.exitCode).toBeNull();
}

function expectAlive(): void {
  expect(bot.child.exitCode).toBeNull();
  expect(bot.child.signalCode).toBeNull();
}

beforeAll(async () => {
  repo = await mkdtemp(path.join(tmpdir(), 'content-repo-'));
  dir = path.join(repo, 'content');
  actors = path.join(dir, 'actors.yaml');
  await cp(SHIPPED_CONTENT, dir, { recursive: true });
  await git('init', '-q');
  await git('add', '.');
  await git('commit', '-q', '-m', 'shipped');
  harness = await startAgainstEmulator({ env: { CONTENT_DIR: dir } });
  ({ emulator, bot } = harness);
}, 30_000);

afterAll(async () => {
  await harness?.close();
  await rm(repo, { recursive: true, force: true });
});

describe('content edits reach the bot within 2 seconds', () => {
  it('an in-place write', async () => {
    await writeFile(actors, withRole(await readFile(actors, 'utf8'), 'in-place'));
    await expectServed('in-place');
  });

  it('a new file written beside it, then renamed over it', async () => {
    const temporary = path.join(dir, '.actors.yaml.tmp');
    await writeFile(temporary, withRole(await readFile(actors, 'utf8'), 'renamed'));
    await rename(temporary, actors);
    await expectServed('renamed');
    await writeFile(temporary, withRole(await readFile(actors, 'utf8'), 'renamed-again'));
    await rename(temporary, actors);
    await expectServed('renamed-again');
  });

  it('sed -i, several times', async () => {
    for (const marker of ['sed-1', 'sed-2', 'sed-3']) {
      await execFile('sed', ['-i', '-E', `s/role: (Secretary General of NATO|Marker [A-Za-z0-9-]+)/role: Marker ${marker}/`, actors]);
      await expectServed(marker);
    }
  });

  it("vim's backup-and-rename save", async () => {
    for (const marker of ['vim-1', 'vim-2']) {
      const text = withRole(await readFile(actors, 'utf8'), marker);
      await rename(actors, `${actors}~`);
      await writeFile(actors, text);
      await unlink(`${actors}~`);
      await expectServed(marker);
    }
  });

  it('git checkout of another version of the file', async () => {
    await writeFile(actors, withRole(await readFile(actors, 'utf8'), 'git-other'));
    await git('checkout', '-q', '-b', 'other');
    await git('commit', '-q', '-am', 'other role');
    await expectServed('git-other');
    await git('checkout', '-q', 'main');
    await expectRole('Secretary General of NATO');
    await git('checkout', '-q', 'other');
    await expectServed('git-other');
    await git('checkout', '-q', 'main');
  });

  it('50 saves in one second serve the last', async () => {
    const base = await readFile(actors, 'utf8');
    for (let save = 1; save <= 50; save++) {
      const text = withRole(base, `burst-${save}`);
      if (save % 2 === 0) {
        await writeFile(`${actors}.tmp`, text);
        await rename(`${actors}.tmp`, actors);
      } else {
        await writeFile(actors, text);
      }
      await sleep(20);
    }
    await expectServed('burst-50');
  });
});

describe('nothing in the content folder stops the watching', () => {
  it('a symlink loop (ln -s a.yaml a.yaml), in schema/ and beside the content files', async () => {
    await symlink('loop.json', path.join(dir, 'schema', 'loop.json'));
    await sleep(1500);
    expectAlive();
    await writeFile(actors, withRole(await readFile(actors, 'utf8'), 'loop-in-schema'));
    await expectServed('loop-in-schema');

    const logged = bot.logs.length;
    await symlink('a.yaml', path.join(dir, 'a.yaml'));
    // A file content/ must not hold: reported, and the last good briefing kept.
    await bot.waitForLog((line) => line.msg === 'content error' && String(line.content).includes('a.yaml'), SERVED_WITHIN_MS, logged);
    expectAlive();
    await unlink(path.join(dir, 'a.yaml'));
    await unlink(path.join(dir, 'schema', 'loop.json'));
    await writeFile(actors, withRole(await readFile(actors, 'utf8'), 'after-loop'));
    await expectServed('after-loop');
  });

  it('folders created and removed over and over', async () => {
    for (let round = 0; round < 60; round++) {
      const folder = path.join(dir, 'editions', `churn-${round % 3}`);
      await mkdir(path.join(folder, 'deeper'), { recursive: true });
      await writeFile(path.join(folder, 'deeper', 'x.yaml'), 'x: 1\n');
      await rm(folder, { recursive: true, force: true });
      if (round % 10 === 0) await sleep(5);
    }
    expectAlive();
    await writeFile(actors, withRole(await readFile(actors, 'utf8'), 'after-churn'));
    await expectServed('after-churn');
    await mkdir(path.join(dir, 'editions', 'empty-then-gone'));
    await rmdir(path.join(dir, 'editions', 'empty-then-gone'));
    await writeFile(actors, withRole(await readFile(actors, 'utf8'), 'after-churn-2'));
    await expectServed('after-churn-2');
  });

  it('a FIFO named like a content file is reported, not read', async () => {
    const topics = path.join(dir, 'topics.yaml');
    const saved = await readFile(topics, 'utf8');
    await unlink(topics);
    const logged = bot.logs.length;
    await execFile('mkfifo', [topics]);
    const error = await bot.waitForLog((line) => line.msg === 'content error' && String(line.content).includes('topics.yaml'), SERVED_WITHIN_MS + 1000, logged);
    expect(error.content).toMatch(/topics\.yaml: not a regular file/);
    expectAlive();
    expect(await rutteRole()).toContain('after-churn-2');
    await unlink(topics);
    await writeFile(topics, saved);
    await writeFile(actors, withRole(await readFile(actors, 'utf8'), 'after-fifo'));
    await expectServed('after-fifo');
  });

  it('the content folder deleted and recreated', async () => {
    const saved = await readFile(actors, 'utf8');
    await rm(dir, { recursive: true, force: true });
    await sleep(1500);
    expectAlive();
    expect(await rutteRole()).toContain('after-fifo');
    await cp(SHIPPED_CONTENT, dir, { recursive: true });
    await writeFile(actors, withRole(saved, 'recreated'));
    await expectServed('recreated');
    // The new folder is watched, not only polled: an edit after it is served as fast as any.
    await writeFile(actors, withRole(saved, 'recreated-edit'));
    await expectServed('recreated-edit');
  });
});
