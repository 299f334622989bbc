// /timeline and /sources: every page within Discord's limits and pinging no one, over all shipped
// content and many option combinations; helpful notices for bad dates; what each item shows.
import { MessageFlags } from 'discord-api-types/v10';
import { beforeAll, describe, expect, it } from 'vitest';
import { sources } from '../commands/sources.js';
import { renderSourceList } from '../src/render/sources.js';
import { timeline } from '../commands/timeline.js';
import type { Briefing } from '../src/briefing/briefing.js';
import type { BriefingCommand } from '../src/command/briefing-command.js';
import type { OptionValues } from '../src/command/command.js';
import { complete, press, reply as replyOf } from './support/commands.js';
import { renderPage } from '../src/render/document.js';
import { en } from '../src/i18n/en.js';
import { choiceProblems, payloadProblems } from '../src/render/limits.js';
import { messageBody, type Reply } from '../src/render/reply.js';
import { shippedUpTo } from './support/content.js';

let briefing: Briefing;
beforeAll(async () => {
  // The story as of its 3 Dec edition: the tests travel to days when no later one exists.
  briefing = await shippedUpTo('2025-12-03');
});

/** Every page of a reply, following its Next buttons as a user would. */
function allPages(command: BriefingCommand, options: OptionValues, now?: Date): Reply[] {
  const pages = [replyOf(command, briefing, options, 1, now)];
  for (;;) {
    const next = pages[pages.length - 1]!.components?.[0]?.components.find((button) => 'label' in button && button.label === 'Next ▶');
    if (!next || !('custom_id' in next) || next.disabled) return pages;
    pages.push(press(briefing, next.custom_id, now)!.reply);
  }
}

const text = (pages: readonly Reply[]) => pages.flatMap((page) => page.embeds ?? []).flatMap((embed) => [embed.description ?? '', ...(embed.fields ?? []).map((field) => field.value)]).join('\n');

function expectSafe(pages: readonly Reply[], what: string) {
  for (const page of pages) {
    expect(payloadProblems(messageBody(page)), what).toEqual([]);
  }
}

describe('/timeline', () => {
  it('stays within limits for the whole timeline and every range between event dates', () => {
    const days = [...new Set(briefing.timeline.flatMap((event) => [event.date, event.endDate ?? event.date]))].sort();
    const ranges: OptionValues[] = [{}, ...days.flatMap((from) => [{ from }, { to: from }, ...days.filter((to) => to >= from).map((to) => ({ from, to }))])];
    for (const options of ranges) {
      const pages = allPages(timeline, options);
      expect(pages[0]!.embeds, JSON.stringify(options)).toBeDefined();
      expectSafe(pages, JSON.stringify(options));
    }
  });

  it('shows every event with its date span, status, title, detail and source, oldest first', () => {
    const pages = allPages(timeline, {});
    const shown = text(pages);
    for (const event of briefing.timeline) expect(shown).toContain(event.title);
    // The trip Trump announced on 25 Nov is one event: the Kremlin meeting that a later edition reports.
    expect(shown).toContain('**2–3 Dec 2025** Putin receives Witkoff and Kushner in the Kremlin for about five hours');
    expect(shown).not.toContain('Witkoff expected in Moscow');
    expect(shown).toContain('**25 Nov 2025** A US delegation meets Russian representatives in Abu Dhabi, according to media reports *(reported)*');
    expect(shown.indexOf('24 Feb 2022')).toBeLessThan(shown.indexOf('22–23 Nov 2025'));
    expect(pages[0]!.embeds![0]!.fields![0]!.name).toBe('February 2022');
  });

  it('knows what day it is: planned on the day, overdue after it, replaced once a later edition reports it', () => {
    const at26Nov = text(allPages(timeline, { edition: '2025-11-26' }, new Date('2025-11-26T18:00:00Z')));
    expect(at26Nov).toContain('**1–7 Dec 2025** Witkoff expected in Moscow to meet Putin *(expected)*\nTrump said "I believe next week in Moscow" (his own words, as Sputnik prints them; the wire report has "probably next week").\nSource: blue News (Keystone-SDA)');
    const olderEditionLater = text(allPages(timeline, { edition: '2025-11-26' }));
    expect(olderEditionLater).toContain('📜 *The edition of 26 Nov 2025; the newest is of 3 Dec 2025.*');
    expect(olderEditionLater).toContain('⤷ *Superseded in the edition of 3 Dec 2025:* 2–3 Dec 2025: Putin receives Witkoff and Kushner in the Kremlin');
    const yearLater = text(allPages(timeline, { from: '2025-12-01' }, new Date('2026-12-01T08:00:00Z')));
    expect(yearLater).toContain('⏳ *Last updated 3 Dec 2025, 362 days ago: later developments are not in this briefing.*');
    expect(yearLater).toMatch(/Driscoll due to negotiate in Kyiv[^\n]* \*\(was expected for 1–7 Dec 2025; no later report in this briefing\)\*/);
    expect(yearLater).not.toMatch(/^\*\*.*\*\((planned|expected)\)\*$/m);
  });

  it('keeps events that overlap the range, and pages keep the range', () => {
    expect(text(allPages(timeline, { from: '2025-12-02' }))).toContain('Driscoll due to negotiate in Kyiv');
    const upToGeneva = text(allPages(timeline, { to: '2025-11-22' }));
    expect(upToGeneva).toContain('discuss the peace plan in Geneva');
    expect(upToGeneva).not.toContain('Abu Dhabi');
    const pages = allPages(timeline, { from: '2025-11-25', to: '2025-11-25' });
    const oneDay = text(pages);
    for (const event of briefing.timeline.filter((candidate) => candidate.date === '2025-11-25')) expect(oneDay).toContain(event.title);
    expect(oneDay).not.toContain('22–23 Nov 2025');
    expect(pages[0]!.embeds![0]!.description).toMatch(/^8 events from 25 Nov 2025 to 25 Nov 2025, oldest first\./);
    // A page button carries the range: pressing it rebuilds the same view.
    expect(press(briefing, 'timeline:p:1:2025-11-25:2025-11-25')).toEqual({ reply: pages[0], replace: true });
  });

  it('reads dates as people type them, in any of the three languages; without a year, the one nearest the newest edition', () => {
    const first = replyOf(timeline, briefing, { from: '2025-12-01' });
    for (const typed of ['1 Dec', 'Dec 1', 'dec 1, 2025', '1 December 2025', '1. Dez.', '1er déc.', '1.12.2025', '1.12.']) {
      expect(replyOf(timeline, briefing, { from: typed }), typed).toEqual(first);
    }
    expect(replyOf(timeline, briefing, { from: '25 Nov', to: '25 Nov' }).embeds![0]!.description).toMatch(/^8 events from 25 Nov 2025 to 25 Nov 2025/);
  });

  it('answers malformed dates, reversed ranges and empty ranges with a notice only the user sees', () => {
    const cases: [OptionValues, string][] = [
      [{ from: '2025-13-01' }, '“2025-13-01” is not a date I can read. Write it like 25 Nov, 25 Nov 2025 or 2025-11-25, e.g. `/timeline from:25 Nov`.'],
      [{ to: '25/11/2025' }, '“25/11/2025” is not a date I can read. Write it like 25 Nov, 25 Nov 2025 or 2025-11-25, e.g. `/timeline to:25 Nov`.'],
      [{ from: '2025-02-30' }, '“2025-02-30” is not a date I can read.'],
      [{ from: '31 Feb' }, '“31 Feb” is not a date I can read.'],
      [{ from: '1 Ju' }, '“1 Ju” is not a date I can read.'],
      [{ from: '2025-11-27', to: '2025-11-25' }, 'The range starts after it ends (27 Nov 2025 to 25 Nov 2025). Try `/timeline from:2025-11-25 to:2025-11-27`.'],
      [{ from: '2026-01-01' }, 'No events from 1 Jan 2026. The timeline runs from 24 Feb 2022 to 4 Dec 2025.'],
    ];
    for (const [options, message] of cases) {
      const reply = replyOf(timeline, briefing, options);
      expect(reply.flags, JSON.stringify(options)).toBe(MessageFlags.Ephemeral);
      expect(reply.content).toContain(message);
      expect(reply.embeds).toBeUndefined();
      expect(payloadProblems(messageBody(reply))).toEqual([]);
    }
  });

  it('suggests the days events fall on', () => {
    const december = complete(timeline, briefing, { name: 'from', value: '2025-12' });
    expect(december).toEqual([
      { name: '1 Dec 2025 · 2 events', value: '2025-12-01' },
      { name: '2 Dec 2025 · 5 events', value: '2025-12-02' },
      { name: '3 Dec 2025 · 4 events', value: '2025-12-03' },
      { name: '4 Dec 2025 · Umerov to meet Witkoff and Kushner in Miami', value: '2025-12-04' },
      { name: '7 Dec 2025 · Driscoll due to negotiate in Kyiv', value: '2025-12-07' },
    ]);
    expect(complete(timeline, briefing, { name: 'to', value: '24 feb' })).toEqual([{ name: '24 Feb 2022 · Russia launches its full-scale invasion of Ukraine', value: '2022-02-24' }]);
    expect(choiceProblems(complete(timeline, briefing, { name: 'from', value: '' }))).toEqual([]);
  });
});

describe('the source link button', () => {
  it('sits next to the Sources button of a page resting on one source with a url, and passes the payload checks', async () => {
    const { position } = await import('../commands/position.js');
    let linked = 0;
    for (const actor of briefing.actors) {
      const reply = replyOf(position, briefing, { actor: actor.name });
      const buttons = (reply.components ?? []).flatMap((row) => row.components);
      const link = buttons.find((button) => 'url' in button);
      const sourcesButton = buttons.find((button) => 'label' in button && button.label === 'Sources');
      expect(payloadProblems(messageBody(reply)), actor.id).toEqual([]);
      if (!link) continue;
      linked += 1;
      expect(link, actor.id).toMatchObject({ style: 5, label: 'Read the source' });
      expect('custom_id' in link, actor.id).toBe(false);
      expect(sourcesButton, actor.id).toBeDefined();
      expect(briefing.sources.some((source) => 'url' in link && source.url === link.url), actor.id).toBe(true);
    }
    expect(linked).toBeGreaterThan(0);
  });

  it('is refused by the payload checks without a url, or with a custom id', () => {
    const row = (button: object) => ({ embeds: [{ title: 'T' }], components: [{ type: 1, components: [button] }] });
    expect(payloadProblems(messageBody(row({ type: 2, style: 5, label: 'Read the source' }) as Reply))).toEqual(['a link button needs a url and no custom id']);
    expect(payloadProblems(messageBody(row({ type: 2, style: 5, label: 'x', url: 'https://example.com', custom_id: 'a' }) as Reply))).toEqual(['a link button needs a url and no custom id']);
    expect(payloadProblems(messageBody(row({ type: 2, style: 5, label: 'x', url: 'https://example.com' }) as Reply))).toEqual([]);
  });
});

describe('/sources', () => {
  it('links every source that has a url, and nothing else', () => {
    const shown = text(allPages(sources, {}));
    const linked = briefing.sources.filter((source) => source.url);
    expect(linked.length).toBeGreaterThan(0);
    // A source's own entry links it; a post's "Read in" line links the report it was read in as well.
    for (const source of linked) expect(shown.split(`](${source.url})`).length - 1, source.id).toBeGreaterThanOrEqual(1);
    const targets = [...shown.matchAll(/\]\((http[^)]+)\)/g)].map((match) => match[1]);
    expect(targets.length).toBeGreaterThanOrEqual(linked.length);
    expect(targets.filter((url) => !linked.some((source) => source.url === url))).toEqual([]);
  });

  it('stays within limits and lists every source with what cites it', () => {
    const pages = allPages(sources, {});
    expectSafe(pages, '/sources');
    const shown = text(pages);
    for (const source of briefing.sources) expect(shown).toContain(source.title);
    expect(pages[0]!.embeds![0]!.description).toBe(`${briefing.sources.length} sources, by type. “Read in” names the report a post or statement was read in.`);
    expect(shown).toContain(
      '**X** · 25 Nov 2025\n“Post by @ZelenskyyUa on work on the document prepared in Geneva”\nBy Volodymyr Zelensky\n' +
        'Read in: blue News (Keystone-SDA)\n' +
        '*Known from its embed in the wire report, which shows no address for it.*\nCited by 3 quotes and 2 positions',
    );
  });

  it('renders exactly the sources asked for, for the Sources button of other replies', () => {
    const document = renderSourceList(en, briefing, ['rupar-2025-11-26', 'no-such-source', 'rupar-2025-11-26', 'bluenews-2025-11-26']);
    expect(document.sections.map((section) => [section.name, section.blocks.length])).toEqual([
      ['Wire reports', 1],
      ['Social posts', 1],
    ]);
    expect(document.sources).toEqual(['rupar-2025-11-26', 'bluenews-2025-11-26']);
    const { reply } = renderPage(en, document, 1, { command: 'sources', args: [] });
    expect(payloadProblems(messageBody(reply))).toEqual([]);
    expect(reply.embeds![0]!.description).toMatch(/^2 sources, by type\./);
  });
});
