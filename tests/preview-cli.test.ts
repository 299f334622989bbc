import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { publish, runScript, runScriptWith } from './support/run-script.js';

const preview = (...args: string[]) => runScript('src/cli/preview.ts', ...args);

describe('preview CLI', () => {
  it('renders /brief readably', async () => {
    const { code, stdout } = await preview('/brief');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^━━ US-led Ukraine peace talks ━━/);
    // The newest edition (13 May 2026), and an older one as readers saw it on its day.
    expect(stdout).toContain('**TL;DR** Trump brokered a three-day truce for 9-11 May');
    expect(stdout).toContain('▸ Key points\n• Thin record:');
    expect(stdout).toContain('— Edition of 13 May 2026 · Sources: PRM (prm.ua);');
    const then = await preview('/brief', '--now', '2025-12-04');
    expect(then.stdout).toContain('**TL;DR** Witkoff and Kushner met Putin');
    expect(then.stdout).toContain('— Edition of 3 Dec 2025 · Sources: Dawn;');
  });

  it('shows a field continuing the one above as more of it, with no heading of a blank name', async () => {
    const { code, stdout } = await preview('/timeline', '--now', '2025-12-02');
    expect(code).toBe(0);
    expect(stdout).not.toContain('▸ \u200b');
    expect(stdout).toContain('▸ November 2025\n');
  });

  it('answers in German or French with --locale, as to a Discord client in that language', async () => {
    const german = await preview('/brief', '--locale', 'de');
    expect(german.code).toBe(0);
    expect(german.stdout).toContain('**Kurz gesagt:** Trump brokered a three-day truce');
    expect(german.stdout).toContain('▸ Das Wichtigste\n• Thin record:');
    expect(german.stdout).toContain('— Ausgabe vom 13. Mai 2026 · Quellen: PRM (prm.ua);');
    expect(german.stdout).toContain('[Quellen → brief:s:1::]');
    const french = await preview('/timeline', '--locale', 'fr', '--now', '2025-12-04');
    expect(french.stdout).toMatch(/^━━ Chronologie : US-led Ukraine peace talks ━━/);
    expect(french.stdout).toContain('du plus ancien au plus récent');
    const wrong = await preview('/brief', '--locale', 'es');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--locale takes one of: en, de, fr');
  });

  it('shows Rutte\'s role and his words on the plan', async () => {
    const { code, stdout } = await preview('/position actor:Rutte');
    expect(code).toBe(0);
    expect(stdout).toContain('Secretary General of NATO');
    expect(stdout).toContain('“We are still a long way from reaching our goal on the road to peace.”');
  });

  it('finds Zelensky as Selensky, with options split as Discord does', async () => {
    const { stdout } = await preview('/position', 'actor:Selensky', 'topic:security-guarantees', '--now', '2025-12-04');
    expect(stdout).toMatch(/^━━ Volodymyr Zelensky ━━/);
    expect(stdout).toContain('It is in our shared interest that security is real.');
  });

  it('prints only the raw payload as JSON with --json', async () => {
    const { code, stdout } = await preview('/quotes actor:Leavitt', '--json');
    expect(code).toBe(0);
    const payload = JSON.parse(stdout);
    expect(payload.allowed_mentions).toEqual({ parse: [] });
    // Two quotes, then their source named once in full.
    expect(payload.embeds[0].fields).toHaveLength(3);
    expect(payload.embeds[0].fields[2].name).toBe('Sources on this page');
  });

  it('accepts multi-word and quoted values, and --page', async () => {
    const { stdout } = await preview('/quotes search:"long way"');
    expect(stdout).toContain('1 quote matching “long way”');
    const second = await preview('/quotes', '--page', '2');
    expect(second.stdout).toMatch(/Page 2\/\d+/);
    expect(second.stdout).not.toContain('ephemeral');
  });

  it('exits 2 with usage for an unknown command or option', async () => {
    const unknownCommand = await preview('/weather');
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.stderr).toContain('unknown command /weather');
    expect(unknownCommand.stderr).toContain('usage: npm run preview');
    const unknownOption = await preview('/position actor:Rutte tpoic:territory');
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toContain('/position has no option "tpoic" (options: actor, topic, edition)');
    const missing = await preview('/position');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('/position needs actor:<value>');
    const badChoice = await preview('/brief section:weather');
    expect(badChoice.code).toBe(2);
    expect(badChoice.stderr).toContain('section must be one of: since, tldr, key-points, whats-next, open-questions');
  });

  it('exits 1 naming the problem when the content is broken', async () => {
    const { code, stderr } = await preview('/brief', '--content', 'tests/no-such-content');
    expect(code).toBe(1);
    expect(stderr).toContain('cannot read content folder');
  });
});

describe('preview CLI in a pipe', () => {
  it('stops quietly when the reader closes the pipe early (| head)', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/preview.ts', '/sources', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  });

  it("sets up a recap on the bot's database as of the current release, not the drafts", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'preview-recap-'));
    try {
      const env = { DATABASE_PATH: path.join(dir, 'bot.sqlite') };
      const published = path.join(dir, 'published');
      await cp('content', published, { recursive: true });
      await rm(path.join(published, 'editions', '2026-05-13'), { recursive: true });
      expect((await publish(env, '--content', published, '--message', 'up to 18 Mar')).code).toBe(0);
      // The drafts (the content folder) hold 13 May 2026, not yet published.
      const subscribed = await runScriptWith(env, 'src/cli/preview.ts', '/recap subscribe channel:222222222222222222 schedule:on new edition');
      expect(subscribed.stdout).toContain('Recap **#1** set up');
      const db = new Database(env.DATABASE_PATH, { readonly: true });
      const { seen_edition } = db.prepare('SELECT seen_edition FROM subscriptions').get() as { seen_edition: string };
      db.close();
      // So publishing 13 May announces it to that channel.
      expect(seen_edition).toBe('2026-03-18');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
