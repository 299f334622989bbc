// The studio end to end, in a real browser (Debian's Chromium through playwright-core), beside the real bot and
// the Discord emulator: an editor signs in with Discord, starts a new edition from the previous one, makes a typo
// and sees the error at its line, fixes it, sees /brief change in the preview at phone width, and proposes the
// release; a second person, a reviewer, signs in and approves it; the running bot serves it and announces it
// once. Then a reader's report, filed through the bot in Discord, becomes a correction draft. Screenshots go to tests/artifacts/studio/.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage, type RecapStorage } from '../../src/recaps/storage.js';
import { createStudio } from '../../src/studio/app.js';
import { loadStudioConfig } from '../../src/studio/config.js';
import { startEmulator, type Emulator } from '../emulator/index.js';
import { contentCopy } from '../support/content.js';
import { launchChromium, loopbackContext } from '../support/browser.js';
import { capturedLog, EDITOR_ROLE, REVIEWER_ROLE, signInEnvironment } from '../support/studio.js';
import { REPO, startProcess, type BotProcess } from './bot-process.js';

const ARTIFACTS = path.join(REPO, 'tests/artifacts/studio');
const WEB = path.join(REPO, 'studio/dist');
const EDITION = '2026-06-10';
const SINCE = '10 Jun: the studio test edition reaches readers.';

const EDITION_TEXT = (timeZone: string) => `# yaml-language-server: $schema=../../schema/edition.json
published: ${EDITION}T18:00:00+02:00
timeZone: ${timeZone}
basedOn: [mb-2026-05-10]
summary:
  tldr: A test edition written in the studio, a month after the Victory Day truce.
  keyPoints:
    - "Test: an edition made in the studio."
  whatsNext:
    - "Test: readers get it once a reviewer approves it."
  openQuestions:
    - Does the studio publish it?
  since:
    - "${SINCE}"
`;

const TIMELINE_TEXT = `# yaml-language-server: $schema=../../schema/timeline.json
timeline:
  - id: studio-test-event
    date: ${EDITION}
    status: happened
    title: The studio test edition is written
    source: mb-2026-05-10
`;

describe('the studio in a browser, with the bot', () => {
  let emulator: Emulator;
  let content: Awaited<ReturnType<typeof contentCopy>>;
  let root: string;
  let bot: BotProcess;
  let storage: RecapStorage;
  let server: ServerType;
  let studio: string;
  let browser: Browser;
  let breaking: string;
  const outside: string[] = [];

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    emulator = await startEmulator({ guilds: [{ name: 'Newsroom', channels: [{ name: 'breaking' }] }] });
    breaking = emulator.channel('breaking').id;
    content = await contentCopy();
    root = await mkdtemp(path.join(tmpdir(), 'studio-e2e-'));
    const database = path.join(root, 'bot.sqlite');
    bot = startProcess('src/main.ts', {
      DISCORD_TOKEN: emulator.token,
      DISCORD_API_URL: emulator.restUrl,
      CONTENT_DIR: content.dir,
      DATABASE_PATH: database,
      RECAP_CHANNEL_IDS: breaking,
      RECAP_SCHEDULE: 'on-new-edition',
    });
    await bot.waitForLog((line) => line.msg === 'recap scheduler started', 20_000);
    storage = await openStorage({ DATABASE_PATH: database });
    // Port 0: the address is known once listening, and sign-in needs it (the redirect URI, the allowed Origin).
    const studioApp: { app?: ReturnType<typeof createStudio> } = {};
    server = serve({ fetch: (request) => studioApp.app!.fetch(request), hostname: '127.0.0.1', port: 0 });
    await new Promise((resolve) => server.once('listening', resolve));
    studio = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const config = loadStudioConfig({ ...signInEnvironment(emulator, studio), CONTENT_DIR: content.dir, DATABASE_PATH: database });
    studioApp.app = createStudio({ config, storage, log: capturedLog().log, staticRoot: WEB });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await storage?.close();
    await bot?.stop();
    await emulator?.close();
    await content?.cleanup();
    await rm(root, { recursive: true, force: true });
  });

  /** A new browser profile signed in with Discord as `username`, with `roles` in the newsroom. */
  async function signedIn(username: string, roles: string[], viewport?: { width: number; height: number }): Promise<Page> {
    const { context, outside: refused } = await loopbackContext(browser, viewport);
    const page = await context.newPage();
    page.on('close', () => outside.push(...refused));
    emulator.oauth.signInAs({ username, roles: { [emulator.guilds[0]!.id]: roles } });
    await page.goto(studio);
    await page.click('#sign-in');
    await page.locator('#who').filter({ hasText: username }).waitFor();
    return page;
  }

  /** Replaces the editor's whole text, as typing it would. */
  async function type(page: Page, text: string): Promise<void> {
    await page.click('.cm-content');
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(text);
  }

  const findings = (page: Page) => page.locator('#findings li');

  it('an editor writes a new edition, a reviewer approves it, and the bot serves and announces it once', async () => {
    const editor = await signedIn('ed', [EDITOR_ROLE]);
    await editor.fill('#new-edition-date', EDITION);
    await editor.click('#new-edition');
    // The new edition's fields to fill are marked at their lines.
    await findings(editor).filter({ hasText: 'line 6 basedOn: needs at least 1 entry' }).waitFor();

    await type(editor, EDITION_TEXT('Europe/Zurch'));
    const typo = findings(editor).filter({ hasText: 'line 3 timeZone: not a time zone: use an IANA name like Europe/Zurich' });
    await typo.waitFor();
    await editor.locator('.cm-lint-marker-error').first().waitFor();
    await editor.screenshot({ path: path.join(ARTIFACTS, '1-typo-at-its-line.png') });
    await type(editor, EDITION_TEXT('Europe/Zurich'));
    await typo.waitFor({ state: 'detached' });
    await editor.click('#save');
    await editor.locator('#notice').filter({ hasText: `Saved editions/${EDITION}/edition.yaml` }).waitFor();

    await editor.click(`[data-add="${EDITION}/timeline.yaml"]`);
    await editor.locator('.cm-content').filter({ hasText: 'status: happened' }).waitFor();
    await type(editor, TIMELINE_TEXT);
    await editor.click('#save');
    await editor.locator('#notice').filter({ hasText: `Saved editions/${EDITION}/timeline.yaml` }).waitFor();
    await expect.poll(async () => (await findings(editor).allTextContents()).filter((text) => text.includes('error') || text.includes(EDITION))).toEqual([]);

    // /brief at phone width shows the new edition's news.
    await editor.click('#width-phone');
    await editor.locator('#preview').filter({ hasText: SINCE }).waitFor();
    expect((await editor.locator('#preview').boundingBox())!.width).toBeLessThanOrEqual(390);
    expect(await editor.locator('#size').textContent()).toContain("within Discord's limits");
    await editor.locator('#preview').screenshot({ path: path.join(ARTIFACTS, '2-brief-at-phone-width.png') });
    await editor.click('#show-dry-run');
    await editor.locator('#dry-run').filter({ hasText: `editions: 1 added (${EDITION})` }).waitFor();
    await editor.screenshot({ path: path.join(ARTIFACTS, '3-dry-run.png') });

    await editor.click('#tab-review');
    await editor.fill('#message', 'Edition of 10 June');
    await editor.click('#propose button');
    await editor.locator('#notice').filter({ hasText: 'Proposed as #1' }).waitFor();
    expect(await editor.locator('[data-proposal="1"] .approve').count()).toBe(0);
    expect(await storage.releases.current()).toMatchObject({ id: 1 });

    const reviewer = await signedIn('rev', [REVIEWER_ROLE]);
    await reviewer.click('#tab-review');
    await reviewer.locator('[data-proposal="1"]').filter({ hasText: 'Edition of 10 June' }).waitFor();
    await reviewer.click('[data-proposal="1"] .approve');
    await reviewer.locator('#notice').filter({ hasText: 'Release #2 published' }).waitFor();
    await reviewer.locator('[data-release="2"]').filter({ hasText: 'rev' }).waitFor();
    await reviewer.screenshot({ path: path.join(ARTIFACTS, '4-approved-release-history.png') });

    await bot.waitForLog((line) => line.msg === 'switched to a new release' && line.release === 2, 10_000);
    const [announcement] = await emulator.waitForMessages(breaking, 1, 10_000);
    expect(JSON.stringify(announcement!.embeds)).toContain(SINCE);
    const reply = await emulator.injectCommand({ name: 'brief' }).waitForReply();
    expect(JSON.stringify(reply.embeds)).toContain(SINCE);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(emulator.messages(breaking)).toHaveLength(1);
    expect(await storage.releases.get(2)).toMatchObject({ createdBy: 'ed', approvedBy: 'rev', message: 'Edition of 10 June' });
    await editor.context().close();
    await reviewer.context().close();
    // A browser on a loaded machine: generous, each step waits for what it needs rather than for a time.
  }, 90_000);

  it("turns a reader's report into a correction draft in the newest edition", async () => {
    // A reader files it in Discord: the button under the bot's reply, then the form.
    const asked = emulator.injectCommand({ name: 'quotes', options: { actor: 'rutte', search: 'long way' } });
    const shown = await asked.waitForReply();
    const buttons = (shown.components as { components: { custom_id?: string; label?: string }[] }[]).flatMap((row) => row.components);
    const button = buttons.find((candidate) => candidate.label === 'Report a problem')!.custom_id!;
    expect((await emulator.injectButton({ customId: button, messageId: asked.original!.id }).waitForReply()).callbackType).toBe(9);
    const filed = await emulator.injectForm({ customId: button, messageId: asked.original!.id, fields: { what: 'Rutte gave this interview on 24 November.' } }).waitForReply();
    expect(filed.content).toContain('Thank you. Your report went to the editors');
    const [added] = await storage.reports.list();
    expect(added).toMatchObject({ reply: '/quotes actor:rutte search:long way', releaseId: 2, editionId: EDITION, status: 'open' });
    expect(added!.items).toEqual(['quote:rutte-long-way']);
    const editor = await signedIn('ed', [EDITOR_ROLE]);
    await editor.click('#tab-inbox');
    const report = editor.locator(`[data-report="${added!.id}"]`);
    await report.filter({ hasText: 'Rutte gave this interview on 24 November.' }).waitFor();
    await report.locator('.draft').click();
    const fixed = editor.locator('#correction #fixed');
    await expect.poll(() => fixed.inputValue()).toMatch(/^id: rutte-long-way\n/);
    await fixed.fill((await fixed.inputValue()).replace('in the same interview', 'in the same interview of 24 November'));
    await editor.fill('#correction #right', 'The context now says when the interview was given.');
    await editor.screenshot({ path: path.join(ARTIFACTS, '5-correction-from-a-report.png') });
    await editor.click('#write-correction');
    await editor.locator('#notice').filter({ hasText: 'Correction rutte-long-way-fix drafted' }).waitFor();
    expect(await storage.reports.get(added!.id)).toMatchObject({ status: 'drafted', resolvedBy: 'ed', resolution: 'rutte-long-way-fix' });
    const corrections = await readFile(path.join(content.dir, `editions/${EDITION}/corrections.yaml`), 'utf8');
    expect(corrections).toContain('wrong: Rutte gave this interview on 24 November.');
    expect(await content.errors()).toEqual([]);
    await editor.context().close();
    expect(outside).toEqual([]);
  }, 60_000);
});
