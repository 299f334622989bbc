// End to end, through the real bot and the emulator, over the gateway and as an HTTP interactions endpoint: a
// reader presses "Report a problem" under a reply, gets the form, submits it, and is thanked privately; the report
// is in the database with what the reader saw, for the editors' inbox in the studio.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../src/recaps/storage.js';
import { startAgainstEmulator, type Harness } from './bot-process.js';

type Button = { custom_id?: string; label?: string };

describe.each([
  { transport: 'gateway', http: false },
  { transport: 'HTTP interactions', http: true },
])('a reader\'s report, $transport', ({ http }) => {
  let harness: Harness | undefined;
  let dir: string;
  afterAll(async () => {
    await harness?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('opens the form from the button, stores what the reader saw and said, and thanks them privately', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'reports-e2e-'));
    const database = path.join(dir, 'bot.sqlite');
    harness = await startAgainstEmulator({ http, env: { DATABASE_PATH: database } });
    const { emulator } = harness;
    const asked = emulator.injectCommand({ name: 'position', options: { actor: 'Rutte' } });
    const shown = await asked.waitForReply();
    const buttons = (shown.components as { components: Button[] }[]).flatMap((row) => row.components);
    const report = buttons.find((button) => button.label === 'Report a problem')!;
    const messageId = asked.original!.id;

    const opened = await emulator.injectButton({ customId: report.custom_id!, messageId, userId: '400000000000000077', locale: 'fr' }).waitForReply();
    expect(opened.callbackType).toBe(9);
    expect(opened.data).toMatchObject({ custom_id: report.custom_id, title: 'Signaler une erreur dans le briefing' });

    const fields = { what: 'La date de l’entretien est fausse : il a eu lieu le 24 novembre.', source: 'https://example.org/rutte-24-nov' };
    const thanked = await emulator.injectForm({ customId: report.custom_id!, fields, messageId, userId: '400000000000000077', locale: 'fr' }).waitForReply();
    expect(thanked).toMatchObject({ callbackType: 4, ephemeral: true });
    expect(thanked.content).toContain('Merci. Votre signalement est parti à la rédaction');
    expect((thanked.data as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [] });

    const storage = await openStorage({ DATABASE_PATH: database });
    try {
      const [stored] = await storage.reports.list();
      expect(stored).toMatchObject({ userId: '400000000000000077', reply: '/position actor:rutte', releaseId: 1, editionId: '2026-05-13', what: fields.what, sourceUrl: fields.source, locale: 'fr' });
      expect(stored!.items).toContain('position:rutte-long-way');
    } finally {
      await storage.close();
    }
    // What the reader typed is for the editors, not for the log.
    expect(harness.bot.output).not.toContain('24 novembre');
  });
});
