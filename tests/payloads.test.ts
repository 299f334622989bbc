import { beforeAll, describe, expect, it } from 'vitest';
import { briefingCommands } from '../commands/index.js';
import type { Briefing } from '../src/briefing/briefing.js';
import type { OptionValues } from '../src/command/command.js';
import { quoteSearchText } from '../src/briefing/queries.js';
import { messageBody, type Reply } from '../src/render/reply.js';
import { named as command, press, complete, reply as replyOf, TEST_CALLER, TEST_NOW } from './support/commands.js';
import { choiceProblems, payloadProblems } from '../src/render/limits.js';
import { shippedAt } from './support/content.js';
import { fieldsWithBrokenMarkdown } from './support/markdown.js';
import { LOCALES, type Locale } from '../src/i18n/locale.js';
import { messagesFor } from '../src/i18n/messages.js';
import { formatDate } from '../src/time/dates.js';

let briefing: Briefing;
beforeAll(async () => {
  // As readers saw it on the day the replies are asked for.
  briefing = await shippedAt(TEST_NOW);
});

/** Every page of a reply, following its Next buttons the way a user would (pressing them in `locale`). */
function allPages(first: Reply, locale: Locale = 'en'): Reply[] {
  const pages = [first];
  for (;;) {
    const label = messagesFor(locale).page.next;
    const next = pages[pages.length - 1]!.components?.[0]?.components.find((button) => 'label' in button && button.label === label);
    if (!next || !('custom_id' in next) || next.disabled) return pages;
    pages.push(press(briefing, next.custom_id, undefined, { ...TEST_CALLER, locale })!.reply);
  }
}

/** Within Discord's limits, pinging no one, and no field cut inside a link or emphasis. */
function expectSafe(reply: Reply, what: string) {
  expect(payloadProblems(messageBody(reply)), what).toEqual([]);
  expect(fieldsWithBrokenMarkdown(reply), what).toEqual([]);
}

describe.each(LOCALES)('every payload stays within Discord limits and pings no one, in %s', (locale) => {
  const pagesOf = (name: string, options: OptionValues) => allPages(replyOf(command(name), briefing, options, 1, undefined, locale), locale);

  it('/brief, whole and by section', () => {
    for (const section of [undefined, 'tldr', 'key-points', 'whats-next', 'open-questions']) {
      for (const page of pagesOf('brief', { section })) expectSafe(page, `/brief section:${section}`);
    }
  });

  it('/position for every actor, alone and with every topic', () => {
    for (const actor of briefing.actors) {
      for (const topic of [undefined, ...briefing.topics.map((item) => item.id)]) {
        const options: OptionValues = { actor: actor.name, topic };
        for (const page of pagesOf('position', options)) expectSafe(page, JSON.stringify(options));
      }
    }
  });

  it('/quotes for every actor and every topic', () => {
    const filters: OptionValues[] = [{}, ...briefing.actors.map((actor) => ({ actor: actor.id })), ...briefing.topics.map((topic) => ({ topic: topic.id }))];
    for (const options of filters) {
      for (const page of pagesOf('quotes', options)) expectSafe(page, JSON.stringify(options));
    }
  });

  it('/timeline, /sources and /corrections, and the Sources view of every page', () => {
    for (const name of ['timeline', 'sources', 'corrections', 'brief']) {
      for (const page of pagesOf(name, {})) {
        expectSafe(page, `/${name}`);
        const sourcesId = (page.components ?? []).flatMap((row) => row.components.map((button) => ('custom_id' in button ? button.custom_id : ''))).find((id) => id.split(':')[1] === 's');
        if (sourcesId) expectSafe(press(briefing, sourcesId, undefined, { ...TEST_CALLER, locale })!.reply, sourcesId);
      }
    }
  });

  it('autocomplete for every prefix of every actor name', () => {
    for (const actor of briefing.actors) {
      for (let length = 0; length <= actor.name.length; length++) {
        const choices = complete(command('position'), briefing, { name: 'actor', value: actor.name.slice(0, length) }, {}, locale);
        expect(choiceProblems(choices)).toEqual([]);
        expect(choices.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('a correction of several items', () => {
  it.each(LOCALES)('is said once per page, under the first item it applies to, and referred to under the others (%s)', (locale) => {
    const wrong = "Rutte's interview words were shown as said on 26 November";
    for (const options of [{ actor: 'rutte' }, {}]) {
      for (const page of allPages(replyOf(command('quotes'), briefing, options, 1, undefined, locale), locale)) {
        const values = page.embeds![0]!.fields!.map((field) => field.value).join('\n');
        expect(values.split(wrong).length - 1, JSON.stringify(options)).toBeLessThanOrEqual(1);
      }
    }
    const both = replyOf(command('quotes'), briefing, { actor: 'rutte' }, 1, undefined, locale).embeds![0]!.fields!.map((field) => field.value);
    expect(both.filter((value) => value.includes(wrong))).toHaveLength(1);
    const again = messagesFor(locale).item.correctedAbove(formatDate('2025-12-03', locale));
    expect(both.filter((value) => value.includes(`✏️ ${again}`))).toHaveLength(1);
  });
});

describe('page turns in a shared channel', () => {
  it('change the message only for the person who asked; anyone else gets the page privately', () => {
    const other = { ...TEST_CALLER, userId: '9', askedBy: '2' };
    const byOther = press(briefing, 'quotes:p:2::::', undefined, other)!;
    expect(byOther.replace).toBe(false);
    expect(byOther.reply.flags).toBe(64);
    expect(byOther.reply.embeds![0]!.footer!.text).toMatch(/Page 2\//);
    expect(press(briefing, 'quotes:p:2::::')!.replace).toBe(true);
    // A recap post was asked for by no one: its pages are everyone's own.
    expect(press(briefing, 'brief:p:1::', undefined, { ...TEST_CALLER, askedBy: null })!.replace).toBe(false);
  });
});

describe('replies', () => {
  it('/brief shows the tl;dr, every section, the edition date and the sources', () => {
    const embed = replyOf(command('brief'), briefing, {}).embeds![0]!;
    expect(embed.description).toContain(briefing.latest.summary.tldr.slice(0, 40));
    expect(embed.fields!.map((field) => field.name)).toEqual(['Since 26 Nov 2025', 'Key points', "What's next", 'Open questions']);
    expect(embed.footer!.text).toBe('Edition of 3 Dec 2025 · Sources: Dawn; Sputnik; Republic World; Kyiv Post (via Overview); Lokmat Times (ANI); AnewZ; LIGA.net; The Moscow Times; The Insider; Media Selangor; Devdiscourse (Reuters); The Alabama Report; LNG in Northern BC; X; Vestnik Kavkaza; India Today; TASS');
  });

  it('/position shows who the actor is and each position with its quote, date and source', () => {
    const embed = replyOf(command('position'), briefing, { actor: 'Rutte' }).embeds![0]!;
    expect(embed.title).toBe('Mark Rutte');
    expect(embed.description).toContain('Secretary General of NATO');
    const value = embed.fields![0]!.value;
    expect(value).toContain("“We are still a long way from reaching our goal on the road to peace.” *(the report's rendering; the exact English may differ)*");
    expect(value).toContain('24 Nov 2025 · Source: Redaktionsnetzwerk Deutschland (RND) and El País');
  });

  it('labels claims and commentary as such', () => {
    const witkoff = JSON.stringify(allPages(replyOf(command('position'), briefing, { actor: 'witkoff' })));
    expect(witkoff).toContain('⚠️ Unverified claim · Bloomberg News');
    expect(witkoff).toContain('💬 Commentary · Ron Filipkowski');
    const broe = replyOf(command('position'), briefing, { actor: 'Jake Broe' }).embeds![0]!;
    expect(broe.fields![0]!.value).toMatch(/^💬 Commentary: \*\*Asserts that Russia wrote/);
    expect(broe.description).toContain('not as fact');
  });

  it('answers an unknown actor privately, suggesting the closest', () => {
    const reply = replyOf(command('position'), briefing, { actor: 'Rutt' });
    expect(reply.flags).toBe(64);
    expect(reply.content).toContain('Did you mean Mark Rutte?');
    expect(reply.embeds).toBeUndefined();
  });

  it('echoes hostile input harmlessly', () => {
    const reply = replyOf(command('quotes'), briefing, { actor: '@everyone <@&123> **bold**' });
    expect(reply.content).toContain('\\*\\*bold\\*\\*');
    expectSafe(reply, 'hostile input');
  });

  it('turns /quotes pages with stable custom ids that encode filters and page', () => {
    const first = replyOf(command('quotes'), briefing, { search: 'The' });
    const buttons = first.components?.[0]?.components ?? [];
    expect(buttons.map((button) => ('custom_id' in button ? button.custom_id : ''))).toEqual(['quotes:p:0:::the:', 'quotes:p:1:::the:', 'quotes:p:2:::the:', 'quotes:s:1:::the:']);
    const shown = allPages(first).flatMap((page) => page.embeds![0]!.fields!.filter((field) => !field.name.endsWith('(continued)') && field.name !== '\u200b' && field.name !== 'Sources on this page'));
    const expected = briefing.quotes.filter((quote) => quoteSearchText(briefing, quote).includes('the'));
    expect(shown).toHaveLength(expected.length);
  });

  it('lists every quote across the pages of an unfiltered /quotes, none dropped', () => {
    const pages = allPages(replyOf(command('quotes'), briefing, {}));
    expect(pages.length).toBeGreaterThan(1);
    const text = JSON.stringify(pages);
    for (const quote of briefing.quotes) expect(text).toContain(JSON.stringify(quote.text.slice(0, 20)).slice(1, -1));
    expect(pages.at(-1)!.embeds![0]!.footer!.text).toMatch(/Page (\d+)\/\1$/);
  });

  it('shows, privately, exactly the sources the shown page rests on', () => {
    const reply = replyOf(command('position'), briefing, { actor: 'Rutte' });
    const sourcesButton = reply.components![0]!.components.find((button) => 'label' in button && button.label === 'Sources')!;
    const { reply: sources, replace } = press(briefing, 'custom_id' in sourcesButton ? sourcesButton.custom_id : '')!;
    expect(replace).toBe(false);
    expect(sources.flags).toBe(64);
    expectSafe(sources, 'sources of /position Rutte');
    const text = JSON.stringify(sources.embeds);
    // Rutte's position cites the RND/El País interview; his quotes are the wire report's renderings.
    expect(text).toContain('Redaktionsnetzwerk Deutschland (RND) and El País');
    expect(text).toContain('blue News (Keystone-SDA)');
    expect(text).not.toContain('Truth Social');
    expect(sources.embeds![0]!.description).toMatch(/^3 sources/);
  });

  it('offers a Sources button on every page of every command but /sources, each within limits', () => {
    for (const candidate of briefingCommands) {
      const pages = allPages(replyOf(candidate, briefing, candidate.data.name === 'position' ? { actor: 'Trump' } : {}));
      for (const page of pages) {
        const ids = (page.components ?? []).flatMap((row) => row.components.map((button) => ('custom_id' in button ? button.custom_id : '')));
        const sourcesId = ids.find((id) => id.split(':')[1] === 's');
        expect(Boolean(sourcesId), candidate.data.name).toBe(candidate.data.name !== 'sources');
        if (!sourcesId) continue;
        expectSafe(press(briefing, sourcesId)!.reply, sourcesId);
      }
    }
  });

  it('answers a page beyond the end privately, saying how many pages there are', () => {
    const { reply, replace } = press(briefing, 'quotes:p:999999::::')!;
    expect(replace).toBe(false);
    expect(reply.content).toMatch(/^This reply has \d+ pages; there is no page 999999\.$/);
    expect(press(briefing, 'quotes:x:1:::')).toBeUndefined();
    expect(press(briefing, 'nope:p:1')).toBeUndefined();
  });
});

describe('shorter, calmer replies', () => {
  it('/quotes names each source in full once per page, and cites it by publisher under each quote', () => {
    const first = replyOf(command('quotes'), briefing, {});
    const fields = first.embeds![0]!.fields!;
    const notes = fields.at(-1)!;
    expect(notes.name).toBe('Sources on this page');
    const full = notes.value.split('\n');
    expect(new Set(full).size).toBe(full.length);
    for (const field of fields.slice(0, -1)) expect(field.value).not.toMatch(/Source: .*, [“[]/);
    // More quotes fit a page than the 8 of before.
    expect(fields.length - 1).toBeGreaterThan(8);
  });

  it('a position line carries one date and no nested brackets', () => {
    const trump = replyOf(command('position'), briefing, { actor: 'Trump', edition: '2025-11-26' });
    const text = JSON.stringify(trump.embeds);
    expect(text).not.toContain('(via blue News (Keystone-SDA))');
    expect(text).toMatch(/25 Nov 2025 · Source: Truth Social, “[^”]*”, read in blue News \(Keystone-SDA\)/);
  });
});
