import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { complete, named, reply } from './support/commands.js';
import type { Briefing } from '../src/briefing/briefing.js';
import { editDistance, matchScore, normalize } from '../src/briefing/matching.js';
import { findActor, rankActors } from '../src/briefing/names.js';
import { filterQuotes, findTopic } from '../src/briefing/queries.js';
import { quotesFound } from './support/quotes.js';
import { withoutEnding } from '../src/briefing/search.js';
import { contentCopy, loadOrThrow, shippedBriefing } from './support/content.js';

let briefing: Briefing;
beforeAll(async () => {
  briefing = await shippedBriefing();
});

describe('normalize and matching', () => {
  it('ignores case, accents and punctuation', () => {
    expect(normalize('  Zelénskyy! ')).toBe('zelenskyy');
    expect(normalize('Coalition-of-the-Willing')).toBe('coalition of the willing');
    expect(normalize('Володимир Зеленський')).toBe(normalize('володимир зеленський'));
  });

  it('takes its ASCII shortcut only where the full Unicode treatment gives the same', () => {
    const unicodeNormalize = (text: string) => text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    fc.assert(fc.property(fc.string({ unit: 'binary-ascii', maxLength: 200 }), (text) => normalize(text) === unicodeNormalize(text)));
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 50 }), (text) => normalize(text) === unicodeNormalize(text)));
    const typographic = fc.constantFrom(...'\u00a0«»–—‘’“”…', ...'Mark Rutte: ');
    fc.assert(fc.property(fc.array(typographic, { maxLength: 40 }).map((chars) => chars.join('')), (text) => normalize(text) === unicodeNormalize(text)));
  });

  it('measures edit distance and stops early past a limit', () => {
    expect(editDistance('rutte', 'rutt')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });

  it('scores exact, prefix, word prefix, substring and typo matches in that order', () => {
    const scores = ['mark rutte', 'mark', 'rutte', 'ark', 'marc'].map((query) => matchScore(query, 'mark rutte'));
    expect(scores).toEqual([0, 1, 2, 3, 5]);
    expect(matchScore('putin', 'mark rutte')).toBeUndefined();
  });
});

describe('actor lookup', () => {
  it.each([
    ['rutte', 'rutte'],
    ['Mark Rutte', 'rutte'],
    ['RUTTE', 'rutte'],
    ['Zelensky', 'zelensky'],
    ['Zelenskyy', 'zelensky'],
    ['Selensky', 'zelensky'],
    ['Zelénsky', 'zelensky'],
    ['Володимир Зеленський', 'zelensky'],
    ['Dan Driscoll', 'driscoll'],
    ['coalition of the willing', 'coalition-of-the-willing'],
    ['Wladimir Putin', 'putin'],
  ])('finds %s', (input, id) => {
    expect(findActor(briefing, input)?.id).toBe(id);
  });

  it('does not guess at unknown names', () => {
    expect(findActor(briefing, 'Rutt')).toBeUndefined();
    expect(findActor(briefing, '')).toBeUndefined();
  });

  it('suggests the closest actors for a misspelling, best first', () => {
    expect(rankActors(briefing, 'Rutt', 3)[0]?.actor.id).toBe('rutte');
    expect(rankActors(briefing, 'witkof', 3)[0]?.actor.id).toBe('witkoff');
    expect(rankActors(briefing, 'zelenski', 3)[0]?.actor.id).toBe('zelensky');
  });

  it('lists the most prominent actors first for an empty query', () => {
    expect(rankActors(briefing, '', 1)[0]?.actor.id).toBe('trump');
  });

  it('finds topics by id or name', () => {
    expect(findTopic(briefing, 'Security guarantees')?.id).toBe('security-guarantees');
    expect(findTopic(briefing, 'territory')?.id).toBe('territory');
    expect(findTopic(briefing, 'land')).toBeUndefined();
  });
});

describe('quote filters', () => {
  it('combines speaker, topic and search', () => {
    const trump = findActor(briefing, 'Trump')!;
    const territory = findTopic(briefing, 'territory')!;
    expect(quotesFound(briefing, { actor: trump, topic: territory }).map((quote) => quote.id)).toEqual([
      'trump-donbas-unresolved',
      'trump-territory-anyway',
      'trump-one-direction',
      'trump-russia-concession',
    ]);
    expect(quotesFound(briefing, { actor: trump, search: normalize('dealmaker') }).map((quote) => quote.id)).toEqual(['trump-standard-thing']);
    expect(filterQuotes(briefing, {})).toHaveLength(briefing.quotes.length);
  });

  it('searches the words, their other renderings, the context and the topics, in any form of the last word', () => {
    const ids = (search: string) => quotesFound(briefing, { search: normalize(search) }).map((quote) => quote.id).sort();
    const territory = ids('territory');
    expect(territory).toHaveLength(14);
    // Tagged with the Territory topic, and the one that says "territorial".
    expect(territory).toEqual(briefing.quotes.filter((quote) => quote.topics.includes('territory') || /territor/i.test(quote.text)).map((quote) => quote.id).sort());
    for (const form of ['territorial', 'territories', 'Territory']) expect(ids(form), form).toEqual(territory);
    // Another outlet's rendering of the words finds the quote.
    for (const quote of briefing.quotes) {
      for (const rendering of quote.renderings) expect(ids(rendering.text), rendering.text).toContain(quote.id);
    }
    expect(ids('talks').length).toBeGreaterThan(0);
    expect(ids('talk')).toEqual(ids('talks'));
  });

  it('takes one ending off the last word searched, keeping stems long enough not to spread', () => {
    expect(['territory', 'territorial', 'territories', 'negotiations', 'negotiating', 'guarantees', 'talks', 'states', 'peace', 'deal', 'us'].map(withoutEnding)).toEqual([
      'territor', 'territor', 'territor', 'negoti', 'negotiat', 'guarante', 'talk', 'state', 'peace', 'deal', 'us',
    ]);
    expect(withoutEnding('security guarantees')).toBe('security guarante');
    expect(withoutEnding('2025')).toBe('2025');
  });

  it('orders quotes newest first', () => {
    const dates = quotesFound(briefing, {}).map((quote) => quote.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });
});

describe('topics', () => {
  it('are found by the id autocomplete sends, even when it is not the name', () => {
    for (const topic of briefing.topics) expect(findTopic(briefing, topic.id), topic.id).toBe(topic);
    expect(findTopic(briefing, 'peace-plan')?.name).toBe('Peace plan and progress');
  });
});

describe('autocomplete', () => {
  const position = named('position');

  it('offers the best match first, showing the alias that matched', () => {
    const choices = complete(position, briefing, { name: 'actor', value: 'selen' });
    expect(choices[0]).toEqual({ name: expect.stringMatching(/^Selensky → Volodymyr Zelensky — President of Ukraine/), value: 'zelensky' });
  });

  it('offers topics the chosen actor has positions on first', () => {
    const choices = complete(position, briefing, { name: 'topic', value: '' }, { actor: 'zelensky' });
    expect(choices.slice(0, 2).map((choice) => choice.value).sort()).toEqual(['peace-plan', 'security-guarantees']);
    expect(choices).toHaveLength(briefing.topics.length);
  });
});

describe('indexes and a content reload', () => {
  it('answer from the briefing they are asked about, never from an earlier load', async () => {
    const before = await shippedBriefing();
    expect(findActor(before, 'Rutte')?.name).toBe('Mark Rutte');
    const copy = await contentCopy();
    await copy.edit('actors.yaml', (text) => text.replace('name: Mark Rutte', 'name: Mark Rutte (NATO)'));
    const after = await loadOrThrow(copy.dir);
    expect(reply(named('position'), after, { actor: 'Rutte' }).embeds![0]!.title).toBe('Mark Rutte (NATO)');
    expect(reply(named('position'), before, { actor: 'Rutte' }).embeds![0]!.title).toBe('Mark Rutte');
    expect(findActor(after, 'Mark Rutte (NATO)')?.id).toBe('rutte');
    expect(findActor(before, 'Mark Rutte (NATO)')).toBeUndefined();
    await copy.cleanup();
  });
});

describe('names the way people say them', () => {
  it('finds a first name or surname that only one actor has', () => {
    expect(findActor(briefing, 'steve')?.id).toBe('witkoff');
    expect(findActor(briefing, 'Kushner')?.id).toBe('kushner');
    // Two Marks (Rutte and Chadbourn): a first name they share finds neither.
    expect(findActor(briefing, 'mark')).toBeUndefined();
  });

  it('finds a country or organisation: its one actor, or a choice among several, principals first', () => {
    expect(reply(named('position'), briefing, { actor: 'NATO' }).embeds![0]!.title).toBe('Mark Rutte');
    const ukraine = reply(named('position'), briefing, { actor: 'Ukraine' });
    expect(ukraine.flags).toBe(64);
    expect(ukraine.content).toMatch(/^Several people in this briefing speak for “Ukraine”: Volodymyr Zelensky, .*Rustem Umerov/);
    expect(complete(named('position'), briefing, { name: 'actor', value: 'Ukraine' }).slice(0, 3).map((choice) => choice.value).sort()).toEqual(['sybiha', 'umerov', 'zelensky']);
  });

  it('asks "did you mean" only for a name really close, else says who the briefing follows, principals before commentators', () => {
    expect(reply(named('position'), briefing, { actor: 'Selenskiy' }).content).toContain('Did you mean Volodymyr Zelensky?');
    const erdogan = reply(named('position'), briefing, { actor: 'Erdogan' }).content!;
    expect(erdogan).toMatch(/^“Erdogan” is not in this briefing\. It follows Donald Trump, /);
    expect(erdogan).not.toContain('Did you mean');
    expect(erdogan).not.toContain('Aaron Rupar');
  });

  it('lists the speakers of an institution, however it is named (the Kremlin, Kremlin, Kreml, der Kreml)', () => {
    for (const name of ['the Kremlin', 'Kremlin', 'Kreml', 'der Kreml', 'le Kremlin']) {
      const asked = reply(named('position'), briefing, { actor: name });
      expect(asked.flags, name).toBe(64);
      expect(asked.content, name).toMatch(/^Several people in this briefing speak for “.+”: (Yuri Ushakov or Dmitry Peskov|Dmitry Peskov or Yuri Ushakov)\. /);
      expect(complete(named('position'), briefing, { name: 'actor', value: name }).slice(0, 2).map((choice) => choice.value).sort(), name).toEqual(['peskov', 'ushakov']);
    }
    expect(reply(named('position'), briefing, { actor: 'White House' }).content).toMatch(/speak for “White House”: (Donald Trump or Karoline Leavitt|Karoline Leavitt or Donald Trump)/);
  });

  it('says how a name was read when it is not the actor\'s own: an organisation or institution read as its one speaker', () => {
    const nato = reply(named('position'), briefing, { actor: 'NATO' }).embeds![0]!;
    expect(nato.title).toBe('Mark Rutte');
    expect(nato.description).toMatch(/^↳ \*NATO: Mark Rutte, Secretary General of NATO\*\n/);
    expect(reply(named('position'), briefing, { actor: 'OTAN' }, 1, undefined, 'fr').embeds![0]!.description).toMatch(/^↳ \*OTAN : Mark Rutte, Secretary General of NATO\*/);
    expect(reply(named('quotes'), briefing, { actor: 'nato' }).embeds![0]!.description).toMatch(/^↳ \*NATO: Mark Rutte, Secretary General of NATO\*\n\d+ quotes by Mark Rutte/);
    expect(reply(named('position'), briefing, { actor: 'Rutte' }).embeds![0]!.description).not.toContain('↳');
  });

  it('knows the French name of Putin', () => {
    expect(findActor(briefing, 'Poutine')?.id).toBe('putin');
    expect(findActor(briefing, 'Vladimir Poutine')?.id).toBe('putin');
  });

  it('says where a name that is no one\'s comes up: Abu Dhabi in the timeline, Europe in the summary and quotes too', () => {
    const abuDhabi = reply(named('position'), briefing, { actor: 'Abu Dhabi' }).content!;
    expect(abuDhabi).toMatch(/^“Abu Dhabi” is not in this briefing\. .* The name does come up in `\/timeline`\.$/);
    // The EU has people who speak for it: their choice, not a place the name comes up.
    expect(reply(named('position'), briefing, { actor: 'EU' }).content).toMatch(/^Several people in this briefing speak for “EU”: António Costa or Ursula von der Leyen\./);
    const europe = reply(named('position'), briefing, { actor: 'Europe' }).content!;
    expect(europe).toContain('Did you mean Coalition of the willing or European leaders (joint statements)?');
    expect(europe).toMatch(/The name does come up in `\/brief`, `\/timeline` and `\/quotes search:europe`\.$/);
    expect(reply(named('position'), briefing, { actor: 'Abu Dhabi' }, 1, undefined, 'de').content).toMatch(/Der Name kommt aber in `\/chronik` vor\.$/);
    expect(reply(named('position'), briefing, { actor: 'Erdogan' }).content).not.toContain('come up');
  });

  it('lists only the spellings a reader would not guess', () => {
    const rutte = reply(named('position'), briefing, { actor: 'Rutte' }).embeds![0]!.description!;
    expect(rutte).not.toContain('Also written');
    const zelensky = reply(named('position'), briefing, { actor: 'Zelensky' }).embeds![0]!.description!;
    expect(zelensky).toContain('Also written: Zelenskyy');
    expect(reply(named('position'), briefing, { actor: 'Trump' }).embeds![0]!.description).not.toContain('President Trump');
  });
});

describe('one reading of a name everywhere (names.ts)', () => {
  it('asks "did you mean" for what autocomplete offers first, typos within the same allowance', () => {
    // "Zeln" is one edit from the start of Zelensky: autocomplete offered him while the reply did not.
    expect(complete(named('position'), briefing, { name: 'actor', value: 'Zeln' }).map((choice) => choice.value)).toEqual(['zelensky']);
    expect(reply(named('position'), briefing, { actor: 'Zeln' }).content).toContain('Did you mean Volodymyr Zelensky?');
    // Two edits from a 4-letter name is no likely typo: autocomplete offered Rubio and Rutte, the reply neither.
    expect(complete(named('position'), briefing, { name: 'actor', value: 'Ruto' })).toEqual([]);
    expect(reply(named('position'), briefing, { actor: 'Ruto' }).content).toMatch(/^“Ruto” is not in this briefing\./);
  });

  it('reads an actor\'s own name before another actor\'s alias, whatever the file order', async () => {
    const copy = await contentCopy();
    await copy.edit('actors.yaml', (text) => text.replace('aliases: [Trump, President Trump, Donald J. Trump]', 'aliases: [Trump, President Trump, Donald J. Trump, Marco Rubio]'));
    const edited = await loadOrThrow(copy.dir);
    await copy.cleanup();
    expect(findActor(edited, 'Marco Rubio')?.id).toBe('rubio');
    expect(findActor(edited, 'Donald J. Trump')?.id).toBe('trump');
  });

  it('reads a group named as its people ("Ukrainian") as the group, even where an actor\'s name holds the word', async () => {
    const copy = await contentCopy();
    await copy.edit('actors.yaml', (text) => text.replace("name: General Staff of Ukraine's Armed Forces", 'name: Ukrainian General Staff of the Armed Forces'));
    const edited = await loadOrThrow(copy.dir);
    await copy.cleanup();
    expect(findActor(edited, 'Ukrainian')).toBeUndefined();
    expect(reply(named('position'), edited, { actor: 'Ukrainian' }).content).toMatch(/^Several people in this briefing speak for “Ukrainian”: Volodymyr Zelensky, /);
    expect(findActor(edited, 'Armed')?.name).toBe('Ukrainian General Staff of the Armed Forces');
  });
});
