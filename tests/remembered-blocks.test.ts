// /timeline and /sources build their pages from blocks remembered per briefing view and language
// (src/render/per-view.ts). Every page must be exactly the page of the same document built the plain way,
// one fresh block per item, whatever languages, days and editions were asked for before; and a reload
// must show the new content.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sources } from '../commands/sources.js';
import { timeline } from '../commands/timeline.js';
import type { Briefing } from '../src/briefing/briefing.js';
import { atEdition } from '../src/briefing/editions.js';
import { citationsOf } from '../src/briefing/queries.js';
import type { SourceType } from '../src/briefing/schema.js';
import { LOCALES } from '../src/i18n/locale.js';
import { en } from '../src/i18n/en.js';
import { messagesFor, type Messages } from '../src/i18n/messages.js';
import { renderPage, type Document, type Section } from '../src/render/document.js';
import { isOverdue, timelineBlock, utcDay } from '../src/render/format.js';
import type { Reply } from '../src/render/reply.js';
import { sourceBlock } from '../src/render/sources.js';
import { formatMonth } from '../src/time/dates.js';
import { reply } from './support/commands.js';
import { contentCopy, loadOrThrow, shippedBriefing } from './support/content.js';
import { generateBriefing } from './support/generate-briefing.js';

let shipped: Briefing;
let generated: Briefing;
let dir: string;
beforeAll(async () => {
  shipped = await shippedBriefing();
  dir = await mkdtemp(path.join(tmpdir(), 'briefing-remembered-'));
  await generateBriefing(dir, { scale: 0.03 });
  generated = await loadOrThrow(dir);
}, 30_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

type Embed = NonNullable<Reply['embeds']>[number];
const embedOf = (shown: Reply) => shown.embeds![0]!;
/** `… · Page 2/7` (or `Seite 2/7`): 7; 1 for a reply of one page, which says nothing. */
const pageCountOf = (embed: Embed) => Number(/ · \S+ \d+\/(\d+)$/.exec(embed.footer!.text)?.[1] ?? 1);

/** The reply's own document with these sections: the page the plain way, to compare with the reply's. */
function plainPage(t: Messages, shown: Embed, sections: Section[], page: number, pageCount: number): Embed {
  const footer = pageCount > 1 ? shown.footer!.text.slice(0, shown.footer!.text.lastIndexOf(' · ')) : shown.footer!.text;
  const document: Document = { title: shown.title!, description: shown.description, sections, footer };
  return embedOf(renderPage(t, document, page, { command: 'plain', args: [] }).reply);
}

function plainTimeline(t: Messages, briefing: Briefing, from: string | undefined, to: string | undefined, today: string): Section[] {
  const sections: Section[] = [];
  for (const event of briefing.timeline) {
    if ((from !== undefined && (event.endDate ?? event.date) < from) || (to !== undefined && event.date > to)) continue;
    const name = formatMonth(event.date.slice(0, 7), t.locale);
    if (sections.at(-1)?.name !== name) sections.push({ name, blocks: [] });
    (sections.at(-1)!.blocks as unknown[]).push(timelineBlock(t, briefing, event, isOverdue(event, today)));
  }
  return sections;
}

function plainSources(t: Messages, briefing: Briefing): Section[] {
  return (Object.keys(en.sources.types) as SourceType[])
    .map((type) => ({
      name: t.sources.types[type],
      blocks: briefing.sources.filter((source) => source.type === type).map((source) => sourceBlock(t, briefing, source, citationsOf(briefing, source.id))),
    }))
    .filter((section) => section.blocks.length > 0);
}

describe('remembered blocks', () => {
  it('give exactly the pages of fresh blocks, in every language, on every day and at every edition, in any order', () => {
    for (const briefing of [shipped, generated]) {
      const days = [...new Set(briefing.timeline.map((event) => event.date))].sort();
      const nows = [days[0]!, days[Math.floor(days.length / 2)]!, days.at(-1)!, '2027-01-01'].map((day) => new Date(`${day}T12:00:00Z`));
      const ranges = [{}, { from: days[Math.floor(days.length / 3)] }, { to: days[Math.floor(days.length / 2)] }];
      let compared = 0;
      // Languages, days and editions interleaved, so each call may find blocks another one made.
      for (const now of nows) {
        for (const edition of [undefined, briefing.editions[0]!.id]) {
          const chosen = atEdition(briefing, now, edition);
          if (!('briefing' in chosen)) continue;
          const view = chosen.briefing;
          for (const locale of LOCALES) {
            const t = messagesFor(locale);
            const cases = [
              ...ranges.map((range) => ({ command: timeline, options: { ...range, edition }, sections: plainTimeline(t, view, range.from, range.to, utcDay(now)) })),
              // /sources has no edition option: it lists the newest edition's.
              ...(edition ? [] : [{ command: sources, options: {}, sections: plainSources(t, view) }]),
            ];
            for (const { command, options, sections } of cases) {
              const answer = reply(command, briefing, options, 1, now, locale);
              // Nothing in the range (the edition asked for ends before it): a notice, not a page.
              if (sections.length === 0) {
                expect(answer.embeds, `${command.data.name} ${JSON.stringify(options)} ${now.toISOString()}`).toBeUndefined();
                continue;
              }
              const first = embedOf(answer);
              const pageCount = pageCountOf(first);
              for (const page of new Set([1, 2, Math.ceil(pageCount / 2), pageCount])) {
                if (page > pageCount) continue;
                const shown = embedOf(reply(command, briefing, options, page, now, locale));
                expect(shown, `${command.data.name} ${JSON.stringify(options)} ${locale} ${now.toISOString()} p${page}`).toEqual(plainPage(t, shown, sections, page, pageCount));
                compared++;
              }
            }
          }
        }
      }
      expect(compared).toBeGreaterThan(50);
    }
  });

  it('are made anew for a reloaded briefing', async () => {
    const copy = await contentCopy();
    try {
      const title = shipped.timeline[0]!.title;
      const before = JSON.stringify(reply(timeline, shipped, {}));
      await copy.edit('editions/2025-11-26/timeline.yaml', (text) => text.replace(title, `${title} (edited)`));
      const reloaded = await loadOrThrow(copy.dir);
      expect(JSON.stringify(reply(timeline, reloaded, {}))).toContain(`${title} (edited)`);
      expect(JSON.stringify(reply(timeline, shipped, {}))).toBe(before);
    } finally {
      await rm(copy.dir, { recursive: true, force: true });
    }
  });
});
