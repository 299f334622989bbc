// Readers' reports: every briefing reply carries a "Report a problem" button; it opens a form Discord accepts, in
// the reader's language; a submission is stored with the reply, edition, release and items the reader saw, and
// acknowledged privately; a bad source, a one-word report or too many reports store nothing.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { briefingCommands } from '../commands/index.js';
import type { Briefing } from '../src/briefing/briefing.js';
import type { FormFields } from '../src/command/command.js';
import { REPORTS_PER_HOUR } from '../src/command/report-form.js';
import { decodeButton, type ButtonRef } from '../src/render/custom-id.js';
import { openStorage, type RecapStorage } from '../src/recaps/storage.js';
import { checkCallbackBody } from './emulator/spec.js';
import { at, customIds, named, reply, TEST_CALLER, TEST_NOW } from './support/commands.js';
import { shippedAt } from './support/content.js';

let briefing: Briefing;
let storage: RecapStorage;
let dir: string;
beforeAll(async () => {
  briefing = await shippedAt(TEST_NOW);
  dir = await mkdtemp(path.join(tmpdir(), 'report-form-'));
  storage = await openStorage({ DATABASE_PATH: path.join(dir, 'bot.sqlite') });
});
afterAll(async () => {
  await storage.close();
  await rm(dir, { recursive: true, force: true });
});

const reportRef = (customIdsOfReply: string[]): ButtonRef => decodeButton(customIdsOfReply.find((id) => decodeButton(id)?.view === 'report')!)!;
const form = (ref: ButtonRef) => named(ref.command).forms!.report!;
const reader = (userId: string) => ({ ...TEST_CALLER, userId, userName: `reader-${userId}`, guildId: '100000000000000001', channelId: '100000000000000002' });
const submit = (ref: ButtonRef, fields: FormFields, userId = '9001', locale: 'en' | 'de' = 'en') =>
  form(ref).submit({ ...at(briefing), reports: storage.reports, releaseId: 7 }, ref, fields, { ...reader(userId), locale });

describe('the Report a problem button', () => {
  it('is under every page of every briefing reply, in a row of its own', () => {
    for (const command of briefingCommands) {
      const options = command.data.name === 'position' ? { actor: 'Rutte' } : {};
      const shown = reply(command, briefing, options);
      const rows = shown.components!;
      expect(rows.at(-1)!.components, command.data.name).toHaveLength(1);
      expect(decodeButton(customIds(shown).at(-1)!), command.data.name).toMatchObject({ command: command.data.name, view: 'report', page: 1 });
      expect(rows.every((row) => row.components.length <= 5)).toBe(true);
    }
  });

  it('opens a form Discord accepts, in the reader\'s language, that knows the reply it is about', () => {
    const ref = reportRef(customIds(reply(named('quotes'), briefing, {}, 2)));
    expect(ref.page).toBe(2);
    for (const locale of ['en', 'de', 'fr'] as const) {
      const modal = form(ref).open(at(briefing), ref, { ...TEST_CALLER, locale });
      expect(() => checkCallbackBody({ type: 9, data: modal }), locale).not.toThrow();
      expect(decodeButton(modal.custom_id)).toEqual(ref);
    }
    expect(form(ref).open(at(briefing), ref, { ...TEST_CALLER, locale: 'de' }).title).toBe('Einen Fehler im Briefing melden');
  });
});

describe('a submitted report', () => {
  it('is stored with the reply, edition, release and the items on the page the reader saw, and thanked privately', async () => {
    const ref = reportRef(customIds(reply(named('position'), briefing, { actor: 'Rutte' })));
    const answer = await submit(ref, { what: 'The interview date is wrong: it was 24 Nov.', source: 'https://example.org/rutte' }, '9001', 'de');
    expect(answer.flags).toBe(64);
    expect(answer.content).toContain('Danke. Deine Meldung ging');
    const [stored] = await storage.reports.list();
    expect(stored).toMatchObject({ userId: '9001', reply: '/position actor:rutte', editionId: '2025-12-03', releaseId: 7, what: 'The interview date is wrong: it was 24 Nov.', sourceUrl: 'https://example.org/rutte', locale: 'de', status: 'open' });
    expect(stored!.items).toContain('position:rutte-long-way');
    expect(stored!.items).toContain('quote:rutte-long-way');
  });

  it('says what page it was on, and which of the page\'s items', async () => {
    const ref = reportRef(customIds(reply(named('timeline'), briefing, {}, 2)));
    await submit(ref, { what: 'An event on this page is dated wrong.' }, '9002');
    const [stored] = await storage.reports.list();
    expect(stored!.reply).toBe('/timeline (page 2)');
    expect(stored!.items.length).toBeGreaterThan(0);
    expect(stored!.items.every((item) => item.startsWith('event:'))).toBe(true);
  });

  it('is refused, storing nothing, with a source that is not a web address or words too few to say what is wrong', async () => {
    const ref = reportRef(customIds(reply(named('brief'), briefing, {})));
    const before = (await storage.reports.list('all')).length;
    expect((await submit(ref, { what: 'Something is wrong here.', source: 'javascript:alert(1)' })).content).toContain('must be a web address');
    expect((await submit(ref, { what: 'Wrong.' })).content).toContain('say in a few words');
    expect((await storage.reports.list('all')).length).toBe(before);
  });

  it(`takes ${REPORTS_PER_HOUR} an hour from one reader, then says so`, async () => {
    const ref = reportRef(customIds(reply(named('brief'), briefing, {})));
    for (let n = 0; n < REPORTS_PER_HOUR; n++) expect((await submit(ref, { what: `Report number ${n} of this reader.` }, '9003')).content).toContain('Thank you');
    expect((await submit(ref, { what: 'One report too many in the hour.' }, '9003')).content).toBe(`You have sent ${REPORTS_PER_HOUR} reports in the last hour, the most I take. Please send this one later.`);
    expect((await submit(ref, { what: 'Another reader is not held back.' }, '9004')).content).toContain('Thank you');
  });

  it('is not kept where no store is given (the preview), and says so', async () => {
    const ref = reportRef(customIds(reply(named('brief'), briefing, {})));
    expect((await form(ref).submit(at(briefing), ref, { what: 'Something is wrong here.' }, TEST_CALLER)).content).toContain('not kept here');
  });
});
