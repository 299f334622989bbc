// End to end, with the real bot and the emulator: what editors save in the content folder reaches nobody
// until it is published. A half-written edition is neither served nor announced; an edition whose news is
// only in its summary is announced with it; a rollback withdraws an edition and says so where it was
// announced; a catch-up post carries every edition's Since; a typo in the drafts does not stop a restart;
// a hostile draft is refused by publish, never seen by the bot. On PostgreSQL: a scheduled release goes out
// once with two replicas, across a restart too, and both switch to a published release within a second.
import { mkdir, mkdtemp, readFile, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulator/index.js';
import { copyShippedContent, SHIPPED_CONTENT } from '../support/content.js';
import { freshDatabase } from '../support/postgres-server.js';
import { publish, runScriptWith } from '../support/run-script.js';
import { httpModeEnv, startProcess, type BotProcess, type LogLine } from './bot-process.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
type Embed = { title?: string; description?: string; fields?: { name: string; value: string }[]; footer?: { text: string } };

/** An edition after the shipped ones, its news only in its summary. */
async function writeSummaryEdition(dir: string, id: string, since: string): Promise<void> {
  const third = await readFile(path.join(SHIPPED_CONTENT, 'editions/2025-12-03/edition.yaml'), 'utf8');
  await mkdir(path.join(dir, 'editions', id), { recursive: true });
  const edition = third.replace('published: 2025-12-03T23:30:00+01:00', `published: ${id}T18:00:00+01:00`).replace(/ {2}since:\n( {4}- .*\n)+/, `  since:\n    - "${since}"\n`);
  await writeFile(path.join(dir, 'editions', id, 'edition.yaml'), edition);
}

/** A position with a new quote that supports it, in edition `id`. */
async function writePositionWithQuote(dir: string, id: string): Promise<void> {
  const folder = path.join(dir, 'editions', id);
  await writeFile(
    path.join(folder, 'positions.yaml'),
    `positions:\n  - id: rutte-test-${id.slice(-2)}\n    actor: rutte\n    topic: security-guarantees\n    stance: A test stance.\n    date: ${id}\n    source: bluenews-2025-11-26\n    standing: fact\n    quotes: [rutte-test-quote-${id.slice(-2)}]\n`,
  );
  await writeFile(
    path.join(folder, 'quotes.yaml'),
    `quotes:\n  - id: rutte-test-quote-${id.slice(-2)}\n    speaker: rutte\n    text: A test quote only shown once.\n    date: ${id}\n    kind: interview\n    context: Test.\n    source: bluenews-2025-11-26\n    standing: fact\n    translation: none\n    evidence: { passage: "He said: A test quote only shown once.", read: ${id} }\n    topics: [security-guarantees]\n`,
  );
}

const embedsOf = (message: { embeds: unknown[] }) => message.embeds as Embed[];

describe('drafts and releases, one bot on SQLite', () => {
  let emulator: Emulator;
  let bot: BotProcess;
  let root: string;
  let env: Record<string, string>;
  let breaking: string;
  const brief = async () => JSON.stringify((await emulator.injectCommand({ name: 'brief' }).waitForReply()).embeds);

  beforeAll(async () => {
    emulator = await startEmulator({ guilds: [{ name: 'Newsroom', channels: [{ name: 'breaking' }] }] });
    root = await mkdtemp(path.join(tmpdir(), 'releases-e2e-'));
    await copyShippedContent(path.join(root, 'content'), { upTo: '2025-12-03' });
    breaking = emulator.channel('breaking').id;
    env = { DISCORD_TOKEN: emulator.token, DISCORD_API_URL: emulator.restUrl, CONTENT_DIR: path.join(root, 'content'), DATABASE_PATH: path.join(root, 'bot.sqlite'), RECAP_CHANNEL_IDS: breaking, RECAP_SCHEDULE: 'on-new-edition' };
    bot = startProcess('src/main.ts', env);
    await bot.waitForLog((line) => line.msg === 'recap scheduler started', 20_000);
  }, 30_000);

  afterAll(async () => {
    await bot?.stop();
    await emulator?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('starts a fresh database by publishing the content folder once, and says so', () => {
    expect(bot.logs.find((line) => line.msg === 'published the content folder as the first release')).toMatchObject({ release: 1 });
  });

  it('neither serves nor announces a half-written edition, and publish refuses it', async () => {
    await writeSummaryEdition(env.CONTENT_DIR!, '2025-12-10', '10 Dec: news told only in the summary.');
    await sleep(1500);
    expect(await brief()).toContain('3 Dec 2025');
    expect(await brief()).not.toContain('news told only in the summary');
    expect(emulator.messages(breaking)).toHaveLength(0);
    const refused = await publish(env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('edition 2025-12-10 has no positions, quotes or timeline events: it looks half-written (publish it anyway with --allow-partial)');
    const dry = await publish(env, '--dry-run');
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain('Dry run: nothing is published.');
    expect(dry.stdout).toContain(`── recap #1 in channel ${breaking} (on-new-edition, en) ──`);
    expect(dry.stdout).toContain('news told only in the summary');
    await sleep(1000);
    expect(emulator.messages(breaking)).toHaveLength(0);
  });

  it('announces an edition whose news is only in its summary with that summary', async () => {
    const published = await publish(env, '--allow-partial', '--message', 'Edition of 10 Dec');
    expect(published.code).toBe(0);
    const [post] = await emulator.waitForMessages(breaking, 1, 10_000);
    const embed = embedsOf(post!)[0]!;
    expect(embed.fields?.[0]).toMatchObject({ name: 'Since 3 Dec 2025', value: '• 10 Dec: news told only in the summary.' });
    expect(JSON.stringify(post)).not.toContain('No new developments');
    expect(await bot.waitForLog((line) => line.msg === 'recap delivered' && line.slot === 'edition:2025-12-10@2', 5000)).toMatchObject({ kind: 'changes' });
    expect(await brief()).toContain('news told only in the summary');
  });

  it('rolls back: readers get the release before, and the announcement says the edition was withdrawn', async () => {
    const announcement = emulator.messages(breaking)[0]!;
    const rolled = await publish(env, '--rollback', '1', '--by', 'chief');
    expect(rolled.code).toBe(0);
    expect(rolled.stdout).toContain('editions: 1 removed (2025-12-10)');
    await bot.waitForLog((line) => line.msg === 'switched to a new release' && line.release === 3, 5000);
    await bot.waitForLog((line) => line.msg === 'corrections added to recaps already posted', 5000);
    expect(emulator.message(announcement.id)!.content).toBe('🗑️ Withdrawn: the editors withdrew the edition of 10 Dec 2025; `/brief` shows the current briefing.');
    expect(await brief()).not.toContain('news told only in the summary');
    const listing = await runScriptWith(env, 'src/cli/releases.ts');
    expect(listing.stdout).toMatch(/^#3 current rollback to #1 .* by chief: "Roll back to release #1"\n {4}1 edition withdrawn/);
    expect(emulator.messages(breaking)).toHaveLength(1);
  });

  it('announces two editions published together in one post with each one\'s Since, a new quote once', async () => {
    await writeSummaryEdition(env.CONTENT_DIR!, '2025-12-17', '17 Dec: the second edition\'s news.');
    await writePositionWithQuote(env.CONTENT_DIR!, '2025-12-17');
    await writePositionWithQuote(env.CONTENT_DIR!, '2025-12-10');
    const published = await publish(env);
    expect(published.stderr).toBe('');
    const [, post] = await emulator.waitForMessages(breaking, 2, 10_000);
    const fields = embedsOf(post!)[0]!.fields!;
    expect(fields.slice(0, 2)).toMatchObject([
      { name: 'Edition of 17 Dec 2025, since 10 Dec 2025', value: "• 17 Dec: the second edition's news." },
      { name: 'Edition of 10 Dec 2025, since 3 Dec 2025', value: '• 10 Dec: news told only in the summary.' },
    ]);
    expect(JSON.stringify(post).split('A test quote only shown once.')).toHaveLength(3);
    expect(fields.map((field) => field.name)).not.toContainEqual(expect.stringMatching(/^New quote/));
  });

  it('restarts from the current release whatever the drafts hold', async () => {
    await writeFile(path.join(env.CONTENT_DIR!, 'actors.yaml'), (await readFile(path.join(env.CONTENT_DIR!, 'actors.yaml'), 'utf8')).replace('id: rutte', 'id: rutte\n  typo here'));
    expect((await publish(env)).code).toBe(1);
    await bot.stop();
    bot = startProcess('src/main.ts', env);
    await bot.waitForLog((line) => line.msg === 'ready', 20_000);
    expect(await brief()).toContain("17 Dec: the second edition's news.");
    expect(bot.logs.filter((line) => line.level >= 50)).toEqual([]);
    await sleep(1500);
    expect(emulator.messages(breaking)).toHaveLength(2);
  });

  it('refuses an alias bomb and a link out of the folder within seconds, in bounded memory, printing nothing of them; the bot answers throughout', async () => {
    const secret = path.join(root, 'secret.txt');
    await writeFile(secret, 'timeline:\n  - id: SECRET-ON-LINE-TWO\n');
    const drafts = path.join(root, 'hostile');
    await copyShippedContent(drafts, { upTo: '2025-12-03' });
    const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[index]}`).join(',')}]`)].join('\n');
    await writeFile(path.join(drafts, 'topics.yaml'), `${bomb}\n`);
    await unlink(path.join(drafts, 'editions/2025-11-26/timeline.yaml'));
    await symlink(secret, path.join(drafts, 'editions/2025-11-26/timeline.yaml'));
    const started = Date.now();
    const publishing = runScriptWith({ ...env, CONTENT_DIR: drafts, NODE_OPTIONS: '--max-old-space-size=128' }, 'src/cli/publish.ts');
    // The bot is not the one reading them: it answers while they are refused.
    expect(await brief()).toContain('17 Dec 2025');
    const refused = await publishing;
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(refused.code).toBe(1);
    const output = refused.stdout + refused.stderr;
    expect(output).toContain('topics.yaml:2: YAML aliases (*a) are not allowed in content files');
    expect(output).toContain('timeline.yaml: a symbolic link: content files and folders must be real ones inside the content folder');
    expect(output).not.toMatch(/SECRET|lol/);
    expect(bot.output).not.toMatch(/SECRET|lol/);
  });
});

describe('releases on PostgreSQL, two replicas', () => {
  let emulator: Emulator;
  let replicas: BotProcess[] = [];
  let drop: () => Promise<void>;
  let root: string;
  let env: Record<string, string>;
  let channel: string;

  beforeAll(async () => {
    emulator = await startEmulator({ guilds: [{ name: 'Newsroom', channels: [{ name: 'breaking' }] }] });
    const database = await freshDatabase('releases-e2e');
    drop = database.drop;
    root = await mkdtemp(path.join(tmpdir(), 'releases-pg-'));
    await copyShippedContent(path.join(root, 'content'), { upTo: '2025-12-03' });
    channel = emulator.channel('breaking').id;
    env = { DISCORD_TOKEN: emulator.token, DISCORD_API_URL: emulator.restUrl, DATABASE_URL: database.url, CONTENT_DIR: path.join(root, 'content'), RECAP_CHANNEL_IDS: channel, RECAP_SCHEDULE: 'on-new-edition', ...httpModeEnv(emulator) };
  }, 30_000);

  afterEach(async () => {
    await Promise.all(replicas.map((replica) => replica.stop('SIGKILL')));
    replicas = [];
  });

  afterAll(async () => {
    await emulator?.close();
    await drop?.();
    await rm(root, { recursive: true, force: true });
  });

  const startReplicas = async (count: number) => {
    replicas = Array.from({ length: count }, () => startProcess('src/main.ts', env));
    await Promise.all(replicas.map((replica) => replica.waitForLog((line) => line.msg === 'recap scheduler started', 20_000)));
  };
  const releaseNumber = (verb: string, output: string) => {
    const found = new RegExp(`^${verb}: #(\\d+) `, 'm').exec(output);
    expect(found, output).not.toBeNull();
    return Number(found![1]);
  };
  const switchedTo = (release: number) => (line: LogLine) => line.msg === 'switched to a new release' && line.release === release;

  it('switches both replicas to a published release within a second of its publication', async () => {
    await startReplicas(2);
    await writeSummaryEdition(env.CONTENT_DIR!, '2025-12-10', '10 Dec: published to two replicas.');
    const published = await publish(env, '--allow-partial');
    // Its number depends on whether both replicas' first starts wrote a first release (one then cancelled).
    const id = releaseNumber('Published', published.stdout + published.stderr);
    const switched = await Promise.all(replicas.map((replica) => replica.waitForLog(switchedTo(id), 5000)));
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    const { rows } = await client.query<{ published_at: string }>('SELECT published_at FROM releases WHERE id = $1', [id]);
    await client.end();
    // Each replica's own log line says when it switched: within a second of the publication.
    for (const line of switched) expect(Number(line.time) - Date.parse(rows[0]!.published_at)).toBeLessThan(1000);
    const [announced] = await emulator.waitForMessages(channel, 1, 10_000);
    expect(JSON.stringify(announced)).toContain('published to two replicas');
    await sleep(1500);
    expect(emulator.messages(channel)).toHaveLength(1);
  });

  it('publishes a scheduled release once at its time with two replicas running, and once after a restart that missed its time', async () => {
    await startReplicas(2);
    await writeSummaryEdition(env.CONTENT_DIR!, '2025-12-17', '17 Dec: scheduled news.');
    const at = new Date(Date.now() + 4000);
    const scheduled = await publish(env, '--allow-partial', '--at', at.toISOString().replace('Z', '+00:00'));
    const id = releaseNumber('Scheduled', scheduled.stdout + scheduled.stderr);
    const [, announced] = await emulator.waitForMessages(channel, 2, 15_000);
    expect(JSON.stringify(announced)).toContain('17 Dec: scheduled news.');
    await Promise.all(replicas.map((replica) => replica.waitForLog(switchedTo(id), 5000)));
    expect(replicas.flatMap((replica) => replica.logs.filter((line) => line.msg === 'published a scheduled release'))).toHaveLength(1);

    // Scheduled, then every replica stops before its time: the first to start after it publishes it, once.
    await writeSummaryEdition(env.CONTENT_DIR!, '2025-12-24', '24 Dec: published after a restart.');
    // Scheduled an hour ahead, then its time is made to pass while no replica runs: how long the publish
    // command and the stops take on a loaded machine cannot let a replica publish it first.
    const inAnHour = new Date(Date.now() + 3_600_000);
    const late = await publish(env, '--allow-partial', '--at', inAnHour.toISOString());
    expect(releaseNumber('Scheduled', late.stdout + late.stderr)).toBe(id + 1);
    await Promise.all(replicas.map((replica) => replica.stop('SIGTERM')));
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    await client.query('UPDATE releases SET scheduled_for = $1 WHERE id = $2', [new Date(Date.now() - 1000).toISOString(), id + 1]);
    await client.end();
    expect(emulator.messages(channel)).toHaveLength(2);
    await startReplicas(2);
    const [, , third] = await emulator.waitForMessages(channel, 3, 15_000);
    expect(JSON.stringify(third)).toContain('24 Dec: published after a restart.');
    await sleep(1500);
    expect(emulator.messages(channel)).toHaveLength(3);
    expect(replicas.flatMap((replica) => replica.logs.filter((line) => line.msg === 'published a scheduled release'))).toHaveLength(1);
  });
});
