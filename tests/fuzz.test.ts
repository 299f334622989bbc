// Property-based tests (fast-check): every option of every briefing command (read from its registered
// definition, so new commands are covered too), autocomplete, and button custom ids, fed hostile input
// (any Unicode, very long strings, Markdown, mentions, zero-width and right-to-left characters, odd page
// numbers), always give a payload Discord accepts, that pings no one, and never throw. And the indexes
// that make lookups fast find exactly what a plain scan of every name and quote finds.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ApplicationCommandOptionType, type APIApplicationCommandOption } from 'discord-api-types/v10';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateBriefing } from './support/generate-briefing.js';
import { briefingCommands } from '../commands/index.js';
import type { Briefing } from '../src/briefing/briefing.js';
import { matchScore, normalize } from '../src/briefing/matching.js';
import { actorKeys, nameTypoAllowance, prominentActors, rankActors } from '../src/briefing/names.js';
import { rankTopics } from '../src/briefing/queries.js';
import type { BriefingCommand } from '../src/command/briefing-command.js';
import type { OptionValue, OptionValues } from '../src/command/command.js';
import { quoteSearchText, quotesNewestFirst } from '../src/briefing/queries.js';
import { withoutEnding } from '../src/briefing/search.js';
import { LOCALES } from '../src/i18n/locale.js';
import { complete, customIds as idsOn, press, reply, TEST_CALLER } from './support/commands.js';
import { choiceProblems, payloadProblems } from '../src/render/limits.js';
import { messageBody, type Reply } from '../src/render/reply.js';
import { loadOrThrow, SHIPPED_CONTENT } from './support/content.js';
import { fieldsWithBrokenMarkdown } from './support/markdown.js';
import { quotesFound } from './support/quotes.js';

const RUNS = 120;

/** Text people paste that has tripped up bots: Markdown, mentions, invisible and right-to-left characters. */
const TRICKY = [
  '**bold**', '__underline__', '*', '_', '~~', '||spoiler||', '`code`', '```js\nblock\n```', '> quote', '# heading', '[link](https://example.org)',
  '\\', '@everyone', '@here', '<@123456789012345678>', '<@!123456789012345678>', '<@&123456789012345678>', '<@&role>', '<#123456789012345678>',
  '\u200b', '\u200d', '\u2060', '\ufeff', '\u202e', '\u202d', '\u200f', '\u061c', 'مرحبا', 'שלום', '👨‍👩‍👧', '\ud800', '\udfff', ':', '\n', ' ',
];

const trickyPiece = fc.constantFrom(...TRICKY);

/** Strings from every corner: any Unicode, tricky pieces mixed with words, names the briefing knows, and up to 6,000 characters. */
function hostileText(known: readonly string[]): fc.Arbitrary<string> {
  const piece = fc.oneof(trickyPiece, fc.constantFrom(...known), fc.string({ unit: 'grapheme', maxLength: 12 }));
  return fc.oneof(
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.array(piece, { maxLength: 8 }).map((pieces) => pieces.join('')),
    fc.constantFrom(...known),
    fc.tuple(piece, fc.integer({ min: 1, max: 6000 })).map(([text, times]) => text.repeat(times).slice(0, 6000)),
    fc.string({ unit: 'binary', maxLength: 6000, size: 'max' }),
  );
}

const pageNumber = fc.oneof(
  fc.integer(),
  fc.integer({ min: -3, max: 50 }),
  fc.constantFrom(0, -1, Number.NaN, Infinity, -Infinity, 1.5, 2 ** 53, 999_999),
  fc.double(),
);

/** Option values for `command`: each of its options (subcommands flattened, as the router does) present or not. */
function optionValues(command: BriefingCommand, text: fc.Arbitrary<string>): fc.Arbitrary<OptionValues> {
  const options = command.data.toJSON().options ?? [];
  const subcommands = options.filter((option) => option.type === ApplicationCommandOptionType.Subcommand);
  const leaves = [...options, ...subcommands.flatMap((option) => ('options' in option ? (option.options ?? []) : []))]
    .filter((option) => option.type !== ApplicationCommandOptionType.Subcommand && option.type !== ApplicationCommandOptionType.SubcommandGroup);
  const values = fc.record(Object.fromEntries(leaves.map((option) => [option.name, fc.option(optionValue(option, text), { nil: undefined })])));
  if (subcommands.length === 0) return values;
  const subcommand = fc.oneof(fc.constantFrom(...subcommands.map((option) => option.name)), text);
  return fc.tuple(values, subcommand).map(([given, chosen]) => ({ ...given, subcommand: chosen }));
}

/** A value of the option's own type mostly, of another type sometimes (the payload is not to be trusted). */
function optionValue(option: APIApplicationCommandOption, text: fc.Arbitrary<string>): fc.Arbitrary<OptionValue> {
  const choices = 'choices' in option && option.choices ? option.choices.map((choice) => choice.value) : [];
  return fc.oneof(
    { arbitrary: choices.length > 0 ? fc.constantFrom(...choices) : text, weight: 6 },
    { arbitrary: text, weight: 2 },
    { arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean()), weight: 1 },
  );
}

/** Custom ids a forger would try: ours with odd pages and args, real ones from replies, and anything at all. */
function customIds(briefing: Briefing, text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const known = briefingCommands.map((command) => command.data.name);
  const real = briefingCommands.flatMap((command) => idsOn(reply(command, briefing, {})));
  const page = fc.oneof(fc.nat(999_999).map(String), fc.constantFrom('0', '-1', '1e3', '', 'NaN', '0001', '9999999'));
  const forged = fc
    .tuple(fc.constantFrom(...known, 'recap', ''), fc.constantFrom('p', 's', 't', 'x', ''), page, fc.array(fc.oneof(text, fc.constantFrom('', ...known)), { maxLength: 4 }))
    .map(([command, view, number, args]) => [command, view, number, ...args].join(':'));
  const tampered = fc.tuple(fc.constantFrom(...real), page).map(([id, number]) => id.replace(/:\d+:/, `:${number}:`));
  return fc.oneof(forged, ...(real.length > 0 ? [tampered] : []), fc.string({ unit: 'binary', maxLength: 120 }));
}

/** Within Discord's limits, pinging no one, and no field cut inside a link or emphasis (whatever was asked). */
function expectSafe(reply: Reply): void {
  expect(payloadProblems(messageBody(reply))).toEqual([]);
  expect(fieldsWithBrokenMarkdown(reply)).toEqual([]);
}

const briefings: Record<string, Briefing> = {};
let generatedDir: string;

beforeAll(async () => {
  generatedDir = await mkdtemp(path.join(tmpdir(), 'fuzz-briefing-'));
  await generateBriefing(generatedDir, { scale: 0.01, seed: 5 });
  briefings.shipped = await loadOrThrow(SHIPPED_CONTENT);
  briefings.generated = await loadOrThrow(generatedDir);
});

afterAll(() => rm(generatedDir, { recursive: true, force: true }));

// In every language: German and French labels are longer, and a payload must stay within limits in each.
const briefingsAndLocales = ['shipped', 'generated'].flatMap((name) => LOCALES.map((locale) => [name, locale] as const));

describe.each(briefingsAndLocales)('hostile input against the %s briefing, answered in %s', (name, locale) => {
  const known = () => {
    const briefing = briefings[name]!;
    return [...briefing.actors.flatMap((actor) => [actor.id, actor.name, ...actor.aliases]), ...briefing.topics.flatMap((topic) => [topic.id, topic.name])];
  };

  it.each(briefingCommands.map((command) => [command.data.name, command] as const))('/%s answers any options and page within limits', (_, command) => {
    const briefing = briefings[name]!;
    fc.assert(
      fc.property(optionValues(command, hostileText(known())), pageNumber, (options, page) => expectSafe(reply(command, briefing, options, page, undefined, locale))),
      { numRuns: RUNS },
    );
  });

  it('answers any button custom id: a page within limits, or a polite notice', () => {
    const briefing = briefings[name]!;
    fc.assert(
      fc.property(customIds(briefing, hostileText(known())), (customId) => {
        const pressed = press(briefing, customId, undefined, { ...TEST_CALLER, locale });
        if (pressed) expectSafe(pressed.reply);
      }),
      { numRuns: RUNS * 4 },
    );
  });

  it.each(briefingCommands.filter((command) => command.autocomplete).map((command) => [command.data.name, command] as const))(
    '/%s autocompletes anything typed into any option with valid choices',
    (_, command) => {
      const briefing = briefings[name]!;
      const text = hostileText(known());
      const declared = (command.data.toJSON().options ?? []).map((option) => option.name);
      fc.assert(
        fc.property(fc.oneof(fc.constantFrom(...declared), text), text, optionValues(command, text), (focused, value, options) => {
          const choices = complete(command, briefing, { name: focused, value }, options, locale);
          expect(choiceProblems(choices)).toEqual([]);
          expect(choices.every((choice) => typeof choice.value === 'string')).toBe(true);
        }),
        { numRuns: RUNS * 2 },
      );
    },
  );
});

/** rankActors by brute force: every key scored by matchScore with the names' typo allowance, best per actor, sorted by score then prominence. */
function rankActorsByScan(briefing: Briefing, input: string, limit: number): string[] {
  const query = normalize(input);
  const prominence = new Map(prominentActors(briefing, Infinity).map((actor, index) => [actor.id, index]));
  if (query === '') return prominentActors(briefing, limit).map((actor) => `${actor.id}:${actor.name}`);
  const best = new Map<string, { score: number; label: string }>();
  for (const { key, actor, label } of actorKeys(briefing)) {
    const score = matchScore(query, key, nameTypoAllowance);
    if (score !== undefined && score < (best.get(actor.id)?.score ?? Infinity)) best.set(actor.id, { score, label });
  }
  return [...best]
    .sort(([a, x], [b, y]) => x.score - y.score || prominence.get(a)! - prominence.get(b)!)
    .slice(0, limit)
    .map(([id, { label }]) => `${id}:${label}`);
}

/** rankTopics by brute force: each topic's name (normalized) and id scored by matchScore, best first, ties in file order. */
function rankTopicsByScan(briefing: Briefing, input: string, limit: number): string[] {
  const query = normalize(input);
  if (query === '') return briefing.topics.slice(0, limit).map((topic) => topic.id);
  return briefing.topics
    .map((topic) => ({ topic, score: Math.min(matchScore(query, normalize(topic.name)) ?? Infinity, matchScore(query, topic.id) ?? Infinity) }))
    .filter(({ score }) => score !== Infinity)
    .sort((a, b) => a.score - b.score)
    .slice(0, limit)
    .map(({ topic }) => topic.id);
}

/** What people type into a name's autocomplete: a prefix of one of `names` with a slip or two, or anything at all. */
const typedNames = (names: string[]) =>
  fc.oneof(
    fc.tuple(fc.constantFrom(...names), fc.nat(), fc.nat(), fc.string({ maxLength: 2 })).map(([full, end, at, typo]) => {
      const prefix = full.slice(0, 1 + (end % full.length));
      const cut = at % (prefix.length + 1);
      return `${prefix.slice(0, cut)}${typo}${prefix.slice(cut + typo.length)}`;
    }),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
  );

describe.each(['shipped', 'generated'])('the %s briefing\'s indexes find what a plain scan finds', (name) => {
  it('ranking topics for autocomplete (containment first, then the typo trie)', () => {
    const briefing = briefings[name]!;
    const names = briefing.topics.flatMap((topic) => [topic.name, topic.id]);
    const typed = typedNames(names);
    fc.assert(
      fc.property(typed, fc.integer({ min: 1, max: 60 }), (input, limit) => {
        expect(rankTopics(briefing, input, limit).map((topic) => topic.id)).toEqual(rankTopicsByScan(briefing, input, limit));
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('ranking actors for autocomplete (containment first, then the typo trie)', () => {
    const briefing = briefings[name]!;
    const names = briefing.actors.flatMap((actor) => [actor.name, actor.id, ...actor.aliases]);
    const typed = typedNames(names);
    fc.assert(
      fc.property(typed, fc.integer({ min: 1, max: 25 }), (input, limit) => {
        const ranked = rankActors(briefing, input, limit).map(({ actor, label }) => `${actor.id}:${label}`);
        expect(ranked).toEqual(rankActorsByScan(briefing, input, limit));
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('searching every quote for words', () => {
    const briefing = briefings[name]!;
    const texts = briefing.quotes.map((quote) => quoteSearchText(briefing, quote));
    const search = fc.oneof(
      fc.tuple(fc.constantFrom(...texts), fc.nat(), fc.integer({ min: 1, max: 20 })).map(([text, start, length]) => text.slice(start % text.length, (start % text.length) + length)),
      fc.string({ unit: 'grapheme', maxLength: 6 }).map(normalize),
    );
    fc.assert(
      fc.property(search, (words) => {
        const newestFirst = quotesNewestFirst(briefing);
        const expected = words === '' ? newestFirst : newestFirst.filter((quote) => quoteSearchText(briefing, quote).includes(withoutEnding(words)));
        expect(quotesFound(briefing, { search: words }).map((quote) => quote.id)).toEqual(expected.map((quote) => quote.id));
      }),
      { numRuns: RUNS * 2 },
    );
  });
});
