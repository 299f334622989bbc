// German and French: the catalogue has every key in every language, Discord's locales pick the right one,
// dates and counts read as each language writes them, replies and buttons follow the reader's language,
// and the command definitions carry valid localizations for every name, description and choice.
import type { APIApplicationCommandOption, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { beforeAll, describe, expect, it } from 'vitest';
import { allCommandDefinitions, commands } from '../commands/index.js';
import type { Briefing } from '../src/briefing/briefing.js';
import { keysOf } from '../src/i18n/commands.js';
import { deCommands } from '../src/i18n/de.js';
import { frCommands } from '../src/i18n/fr.js';
import { countOf, daysAgo } from '../src/i18n/intl.js';
import { localeOf, LOCALES } from '../src/i18n/locale.js';
import { CATALOGUES } from '../src/i18n/messages.js';
import { formatDate, formatMonth } from '../src/time/dates.js';
import { named, press, reply, TEST_CALLER } from './support/commands.js';
import { shippedUpTo } from './support/content.js';

let briefing: Briefing;
beforeAll(async () => {
  // The story as of its 3 Dec edition: the tests travel to days when no later one exists.
  briefing = await shippedUpTo('2025-12-03');
});

/** Every key path of a catalogue, with the kind of value found there. */
function shape(value: unknown, path = ''): string[] {
  if (typeof value !== 'object' || value === null) return [`${path}: ${typeof value}`];
  return Object.entries(value).flatMap(([key, inner]) => shape(inner, `${path}.${key}`));
}

/** Every text in a catalogue; with `sources`, also the source of each message function, whose templates hold the text. */
function texts(value: unknown, sources = false): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') return sources ? [String(value)] : [];
  return typeof value === 'object' && value ? Object.values(value).flatMap((inner) => texts(inner, sources)) : [];
}

describe('the catalogue', () => {
  it('has every key of the English one in German and French, of the same kind, and no other', () => {
    const english = shape(CATALOGUES.en);
    expect(english.length).toBeGreaterThan(100);
    for (const locale of LOCALES) expect(shape(CATALOGUES[locale]), locale).toEqual(english);
  });

  it('has no empty text and nothing left in English where a translation belongs', () => {
    for (const locale of ['de', 'fr'] as const) {
      const translated = texts(CATALOGUES[locale]).filter((text) => text !== locale);
      const english = new Set(texts(CATALOGUES.en));
      expect(translated.every((text) => text.length > 0)).toBe(true);
      // Words the languages share (Sources, Position, Corrections, Page ...) may be the same; sentences may not.
      expect(translated.filter((text) => english.has(text) && text.includes(' ')), locale).toEqual([]);
    }
  });

  it('is chosen by the Discord locale, English for any other', () => {
    expect(['en-US', 'en-GB', 'de', 'fr', 'de-CH', 'es-ES', 'ja', '', undefined, null].map(localeOf)).toEqual(['en', 'en', 'de', 'fr', 'de', 'en', 'en', 'en', 'en', 'en']);
  });
});

describe('dates and counts', () => {
  it('write calendar dates and months as each language does', () => {
    expect(LOCALES.map((locale) => formatDate('2025-12-03', locale))).toEqual(['3 Dec 2025', '3. Dez. 2025', '3 déc. 2025']);
    expect(LOCALES.map((locale) => formatDate('2025-03-01', locale))).toEqual(['1 Mar 2025', '1. März 2025', '1er mars 2025']);
    expect(LOCALES.map((locale) => formatMonth('2025-11', locale))).toEqual(['November 2025', 'November 2025', 'Novembre 2025']);
  });

  it('use each language\'s plural rules and relative times', () => {
    const quotes = { one: 'x', other: 'xs' };
    expect([0, 1, 2].map((count) => countOf('en', count, quotes))).toEqual(['0 xs', '1 x', '2 xs']);
    // French counts zero as one.
    expect([0, 1, 2].map((count) => countOf('fr', count, quotes))).toEqual(['0 x', '1 x', '2 xs']);
    expect(LOCALES.map((locale) => daysAgo(locale, 8))).toEqual(['8 days ago', 'vor 8 Tagen', 'il y a 8 jours']);
  });
});

describe('replies in German and French', () => {
  it('/brief names its parts, footer and button in the reader\'s language; the briefing stays as written', () => {
    const tldr = briefing.latest.summary.tldr.slice(0, 40);
    const german = reply(named('brief'), briefing, {}, 1, undefined, 'de');
    const embed = german.embeds![0]!;
    expect(embed.description).toContain(`**Kurz gesagt:** ${tldr}`);
    expect(embed.fields!.map((field) => field.name)).toEqual(['Seit dem 26. Nov. 2025', 'Das Wichtigste', 'Wie es weitergeht', 'Offene Fragen']);
    expect(embed.footer!.text).toMatch(/^Ausgabe vom 3\. Dez\. 2025 · Quellen: Dawn; /);
    expect(german.components![0]!.components.map((button) => ('label' in button ? button.label : ''))).toEqual(['Quellen']);

    const french = reply(named('brief'), briefing, {}, 1, undefined, 'fr').embeds![0]!;
    expect(french.description).toContain(`**En bref :** ${tldr}`);
    expect(french.fields!.map((field) => field.name)).toEqual(['Depuis le 26 nov. 2025', 'Points clés', 'La suite', 'Questions ouvertes']);
    expect(french.footer!.text).toMatch(/^Édition du 3 déc\. 2025 · Sources : Dawn ; Sputnik ; /);
  });

  it('label claims, translations, sources and dates in the reader\'s language', () => {
    const rutte = JSON.stringify(reply(named('position'), briefing, { actor: 'Rutte' }, 1, undefined, 'de').embeds);
    expect(rutte).toContain('„We are still a long way from reaching our goal on the road to peace.“ *(Wiedergabe des Berichts; der genaue englische Wortlaut kann abweichen)*');
    expect(rutte).toContain('24. Nov. 2025 · Quelle: Redaktionsnetzwerk Deutschland (RND) and El País');
    const witkoff = JSON.stringify(reply(named('position'), briefing, { actor: 'witkoff' }, 1, undefined, 'fr').embeds);
    expect(witkoff).toContain('⚠️ Affirmation non vérifiée');
  });

  it('tell a reader\'s own mistakes in their language', () => {
    expect(reply(named('position'), briefing, { actor: 'Rutt' }, 1, undefined, 'de').content).toContain('Meinten Sie Mark Rutte?');
    expect(reply(named('position'), briefing, { actor: 'Rutt' }, 1, undefined, 'fr').content).toContain('Vouliez-vous dire Mark Rutte ?');
    expect(reply(named('timeline'), briefing, { from: 'soon' }, 1, undefined, 'de').content).toBe('„soon“ ist kein Datum, das ich lesen kann. Schreiben Sie es etwa als 25. Nov., 25.11.2025 oder 2025-11-25, z. B. `/chronik von:25. Nov.`.');
    expect(press(briefing, 'quotes:p:999999::::', undefined, { ...TEST_CALLER, locale: 'fr' })!.reply.content).toMatch(/^Cette réponse compte \d+ pages ; il n'y a pas de page 999999\.$/);
  });

  it('turn pages in the language of whoever presses the button', () => {
    const english = reply(named('quotes'), briefing, {});
    const next = english.components![0]!.components.find((button) => 'label' in button && button.label === 'Next ▶')!;
    const { reply: page } = press(briefing, 'custom_id' in next ? next.custom_id : '', undefined, { ...TEST_CALLER, userId: '9', locale: 'de' })!;
    const embed = page.embeds![0]!;
    expect(embed.title).toBe('Wichtige Zitate');
    expect(embed.footer!.text).toMatch(/ · Seite 2\/\d+$/);
    expect(page.components![0]!.components.map((button) => ('label' in button ? button.label : ''))).toEqual(expect.arrayContaining(['◀ Zurück', 'Weiter ▶', 'Quellen']));
    expect(embed.fields!.at(-1)!.name).toBe('Quellen auf dieser Seite');
  });
});

const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

type Node = { name: string; description: string; name_localizations?: Record<string, string> | null; description_localizations?: Record<string, string> | null; options?: APIApplicationCommandOption[] };

/** Every command, subcommand and option, with the names beside it at its level. */
function nodes(definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[]): { node: Node; siblings: Node[] }[] {
  const walk = (level: readonly Node[]): { node: Node; siblings: Node[] }[] =>
    level.flatMap((node) => [{ node, siblings: [...level] }, ...walk((node.options ?? []) as Node[])]);
  return walk(definitions as Node[]);
}

describe('the command definitions', () => {
  const definitions = allCommandDefinitions();

  it('keep the English names and descriptions as the builders wrote them', () => {
    const stripped = (value: unknown): unknown =>
      Array.isArray(value) ? value.map(stripped) : typeof value === 'object' && value ? Object.fromEntries(Object.entries(value).filter(([key]) => !key.endsWith('_localizations')).map(([key, inner]) => [key, stripped(inner)])) : value;
    expect(stripped(definitions)).toEqual(stripped(commands.map((command) => command.data.toJSON())));
  });

  it('give every command, option and choice a German and a French name and description within Discord\'s rules', () => {
    const all = nodes(definitions);
    expect(all.length).toBe(48);
    for (const { node, siblings } of all) {
      for (const locale of ['de', 'fr']) {
        const name = node.name_localizations?.[locale];
        const description = node.description_localizations?.[locale];
        expect(name, `${node.name} in ${locale}`).toMatch(NAME);
        expect(name).toBe(name!.toLowerCase());
        expect(description!.length, `${node.description} in ${locale}`).toBeGreaterThanOrEqual(1);
        expect(description!.length, `${description}`).toBeLessThanOrEqual(100);
        // Discord refuses two options of one level with the same name, in any language.
        expect(siblings.filter((sibling) => sibling.name_localizations?.[locale] === name), `${name} in ${locale}`).toHaveLength(1);
        for (const choice of (node as { choices?: { name: string; name_localizations?: Record<string, string> }[] }).choices ?? []) {
          const choiceName = choice.name_localizations?.[locale] ?? '';
          expect(choiceName.length, `${choice.name} in ${locale}`).toBeGreaterThanOrEqual(1);
          expect(choiceName.length).toBeLessThanOrEqual(100);
        }
      }
    }
  });

  it('translate by path only what the commands declare: no translation is left over', () => {
    const paths = (options: readonly APIApplicationCommandOption[], at: string[]): string[][] =>
      options.flatMap((option) => [[...at, option.name], ...paths(('options' in option ? option.options : undefined) ?? [], [...at, option.name])]);
    const declared = definitions.flatMap((definition) => [[definition.name], ...paths(definition.options ?? [], [definition.name])]);
    for (const translations of [deCommands, frCommands]) {
      // The key each path is translated by: its most specific one there is.
      const used = new Set(declared.map((path) => keysOf(path).find((key) => Object.hasOwn(translations.paths, key))));
      expect(Object.keys(translations.paths).filter((key) => !used.has(key))).toEqual([]);
      expect(Object.keys(translations.choices).filter((key) => !used.has(key.split('=')[0]!))).toEqual([]);
    }
  });

  it('use in every example the German and French names Discord shows', () => {
    for (const [locale, translations] of [['de', deCommands], ['fr', frCommands]] as const) {
      const names = new Set(Object.values(translations.paths).map(({ name }) => name));
      // `/chronik von:` in a message: the command and the option named as the reader's Discord names them.
      const examples = [...texts(CATALOGUES[locale], true).join('\n').matchAll(/`\/([\p{L}-]+)(?: ([\p{L}-]+):?)?/gu)];
      expect(examples.length).toBeGreaterThanOrEqual(10);
      for (const [, command, option] of examples) {
        expect(names.has(command!), `/${command} in ${locale}`).toBe(true);
        if (option) expect(names.has(option), `${option}: in ${locale}`).toBe(true);
      }
    }
  });
});
