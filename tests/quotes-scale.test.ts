// /quotes at a large generated briefing: pages are laid out from measured sizes and only the page shown
// is formatted (src/render/quote-list.ts), and searches use the word index (src/briefing/search.ts).
// Every page must still be exactly the page of one built section per quote: nothing dropped, nothing
// twice, the same page count, every page within Discord's limits.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Briefing } from '../src/briefing/briefing.js';
import { normalize } from '../src/briefing/matching.js';
import { quoteSearchText, quotesNewestFirst, type QuoteFilter } from '../src/briefing/queries.js';
import { withoutEnding } from '../src/briefing/search.js';
import { TextSearch } from '../src/briefing/search.js';
import { layOut, renderPage, type Document } from '../src/render/document.js';
import { sourceNotes } from '../src/render/format.js';
import { en } from '../src/i18n/en.js';
import { payloadProblems } from '../src/render/limits.js';
import { quoteSection } from '../src/render/quote-list.js';
import { messageBody } from '../src/render/reply.js';
import { named, reply } from './support/commands.js';
import { loadOrThrow } from './support/content.js';
import { generateBriefing } from './support/generate-briefing.js';
import { quotesFound } from './support/quotes.js';

/** A quarter of the 100x briefing: 5,000 quotes. */
const SCALE = 0.25;
const quotes = named('quotes');

let dir: string;
let briefing: Briefing;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'briefing-large-'));
  await generateBriefing(dir, { scale: SCALE });
  briefing = await loadOrThrow(dir);
}, 30_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

type Embed = { fields?: { name: string; value: string }[]; footer?: { text: string } };
const pageCountOf = (embed: Embed) => Number(/Page \d+\/(\d+)$/.exec(embed.footer!.text)?.[1] ?? 1);

/** Every page of /quotes with these options, by page number. */
function pages(options: Record<string, string>): Embed[] {
  const first = reply(quotes, briefing, options, 1).embeds![0] as Embed;
  const count = pageCountOf(first);
  return [first, ...Array.from({ length: count - 1 }, (_, index) => reply(quotes, briefing, options, index + 2).embeds![0] as Embed)];
}

/** The unfiltered list laid out the plain way, one built section per quote, under the reply's own title, description and footer. */
function eagerLayout(): { name: string; value: string }[][] {
  const shown = reply(quotes, briefing, {}, 1).embeds![0] as Embed & { title: string; description: string };
  const document: Document = {
    title: shown.title,
    description: shown.description,
    sections: quotesNewestFirst(briefing).map((quote) => quoteSection(en, briefing, quote)),
    footer: shown.footer!.text.replace(/ · Page \d+\/\d+$/, ''),
    pageNotes: (sourceIds) => sourceNotes(en, briefing, sourceIds),
  };
  return layOut(document).map((_, index) => renderPage(en, document, index + 1, { command: 'quotes', args: [] }).reply.embeds![0]!.fields!);
}

describe('/quotes at a large briefing', () => {
  it('shows every quote exactly once across its pages, newest first, each page within Discord limits', () => {
    const all = pages({});
    expect(all.length).toBeGreaterThan(500);
    const shown: string[] = [];
    for (const [index, embed] of all.entries()) {
      const page = reply(quotes, briefing, {}, index + 1);
      expect(payloadProblems(messageBody(page)), `page ${index + 1}`).toEqual([]);
      expect(embed.footer!.text).toMatch(new RegExp(`Page ${index + 1}/${all.length}$`));
      for (const field of embed.fields!) if (!field.name.endsWith('(continued)') && field.name !== '\u200b' && field.name !== 'Sources on this page') shown.push(field.value);
    }
    // The first field of each quote, in order: a quote's text begins with it (a long one continues in the next).
    const expected = quotesNewestFirst(briefing).map((quote) => quoteSection(en, briefing, quote).blocks[0]!.text);
    expect(shown.length).toBe(expected.length);
    shown.forEach((value, index) => expect(expected[index]!.startsWith(value), `quote ${index}`).toBe(true));
    // Beyond the last page says how many there are.
    expect(reply(quotes, briefing, {}, all.length + 7).content).toBe(`This reply has ${all.length} pages; there is no page ${all.length + 7}.`);
  });

  it('lays out exactly the pages one built section per quote would give', () => {
    expect(pages({}).map((embed) => embed.fields)).toEqual(eagerLayout());
  });

  it('formats only the quotes of the page shown, once their sizes are known', () => {
    let lookups = 0;
    const counting = new Proxy(briefing.actorById, {
      get: (target, property) => (property === 'get' ? (id: string) => (lookups++, target.get(id)) : Reflect.get(target, property, target)),
    });
    const watched: Briefing = { ...briefing, actorById: counting };
    reply(quotes, watched, {}, 1);
    lookups = 0;
    const page = reply(quotes, watched, {}, 300);
    expect(page.embeds![0]!.fields!.length).toBeGreaterThan(0);
    // One speaker name per quote shown (a page holds at most 10 fields), not one per quote in the list.
    expect(lookups).toBeLessThanOrEqual(10);
  });

  it('finds by search, speaker and topic exactly the quotes whose text contains the words (the last in any form)', () => {
    const texts = quotesNewestFirst(briefing).map((quote) => [quote, quoteSearchText(briefing, quote)] as const);
    const speaker = briefing.actors[3]!;
    const topic = briefing.topics[2]!;
    const words = texts[17]![1].split(' ');
    for (const search of ['a', 'the', words[3]!, words.slice(2, 4).join(' '), words.slice(1, 5).join(' '), 'zzzq', `${words[2]!.slice(1)} ${words[3]!.slice(0, 2)}`]) {
      for (const filter of [{}, { actor: speaker }, { topic }, { actor: speaker, topic }] as QuoteFilter[]) {
        const expected = texts
          .filter(([quote, text]) => text.includes(withoutEnding(search)) && (!filter.actor || quote.speaker === filter.actor.id) && (!filter.topic || quote.topics.includes(filter.topic.id)))
          .map(([quote]) => quote);
        expect(quotesFound(briefing, { ...filter, search }), `${search} ${JSON.stringify(Object.keys(filter))}`).toEqual(expected);
      }
    }
  });
});

describe('the word index', () => {
  const word = fc.stringMatching(/^[a-z0-9]{1,6}$/);
  const text = fc.array(word, { minLength: 1, maxLength: 12 }).map((words) => words.join(' '));

  it('finds exactly the texts that contain the search, for any search', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 40 }), fc.nat(), fc.nat(), fc.nat(), fc.string({ maxLength: 8 }), (texts, pick, from, length, noise) => {
        const index = new TextSearch(texts);
        const source = texts[pick % texts.length]!;
        const start = from % source.length;
        const searches = [source.slice(start, start + 1 + (length % 20)), normalize(noise), noise, ` ${source.slice(start, start + 3)}`, source];
        for (const search of searches) {
          const expected = texts.flatMap((candidate, position) => (candidate.includes(search) ? [position] : []));
          expect(index.matching(search), JSON.stringify(search)).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});
