// What Discord shows of the commands in German and French: names, descriptions and choice names, by the path
// of each command, subcommand and option (`recap.subscribe.channel`). The English is written once, in each
// command's declaration; localizeDefinitions() walks the registered JSON and adds the translations everywhere.
import type { APIApplicationCommandOption, APIApplicationCommandOptionChoice, LocalizationMap, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { deCommands } from './de.js';
import { frCommands } from './fr.js';
import type { Locale } from './locale.js';

export interface Localized {
  name: string;
  description: string;
}

export interface CommandTranslations {
  /**
   * By path: `brief`, `recap.subscribe`, `recap.subscribe.channel`. An option declared once and shared is
   * translated once too: by `recap.subscription` for all of /recap's subcommands, by `edition` for every command.
   */
  paths: Readonly<Record<string, Localized>>;
  /** Choice names, by the key of their option and the choice's value: `brief.section=tldr`. */
  choices: Readonly<Record<string, string>>;
}

/** The languages besides English, by Discord's locale codes for them. */
const TRANSLATED: Partial<Record<Locale, CommandTranslations>> = { de: deCommands, fr: frCommands };

/** The keys a command, subcommand or option is translated by, the most specific first. */
export function keysOf(path: readonly string[]): string[] {
  const keys = [path.join('.')];
  if (path.length > 2) keys.push(`${path[0]}.${path.at(-1)}`);
  if (path.length > 1) keys.push(path.at(-1)!);
  return keys;
}

/** The key `path` is translated by in `translations`, if any. */
function keyIn(translations: CommandTranslations, path: readonly string[]): string | undefined {
  return keysOf(path).find((key) => Object.hasOwn(translations.paths, key));
}

/** The name Discord shows a reader in `locale` for the command, subcommand or option at `path`. */
export function optionName(locale: Locale, path: readonly string[]): string {
  const translations = TRANSLATED[locale];
  const key = translations && keyIn(translations, path);
  return key ? translations.paths[key]!.name : path.at(-1)!;
}

type Localizable = { name: string; description: string; options?: APIApplicationCommandOption[] };

/** Which English description each key translated: a key shared by two different descriptions would translate one of them wrongly. */
type Translated = Map<string, string>;

function localized(path: readonly string[], english: string, used: Translated): { names: LocalizationMap; descriptions: LocalizationMap; keys: Record<string, string> } {
  const [names, descriptions, keys]: [LocalizationMap, LocalizationMap, Record<string, string>] = [{}, {}, {}];
  for (const [locale, translations] of Object.entries(TRANSLATED)) {
    const key = keyIn(translations, path);
    if (key === undefined) throw new Error(`no ${locale} translation of ${keysOf(path).join(' or ')} for the command definitions (src/i18n/${locale}.ts)`);
    const before = used.get(`${locale}:${key}`);
    if (before !== undefined && before !== english) throw new Error(`the ${locale} translation "${key}" serves two descriptions: "${before}" and "${english}"; give ${path.join('.')} its own`);
    used.set(`${locale}:${key}`, english);
    names[locale as 'de' | 'fr'] = translations.paths[key]!.name;
    descriptions[locale as 'de' | 'fr'] = translations.paths[key]!.description;
    keys[locale] = key;
  }
  return { names, descriptions, keys };
}

function localizeNode<T extends Localizable>(node: T, path: readonly string[], used: Translated): T {
  const { names, descriptions, keys } = localized(path, node.description, used);
  const options = node.options?.map((option) => localizeNode(option as Localizable, [...path, option.name], used) as APIApplicationCommandOption);
  const choices = 'choices' in node && Array.isArray(node.choices)
    ? (node.choices as APIApplicationCommandOptionChoice[]).map((choice) => ({ ...choice, name_localizations: choiceNames(keys, choice.value) }))
    : undefined;
  return {
    ...node,
    name_localizations: names,
    description_localizations: descriptions,
    ...(options ? { options } : {}),
    ...(choices ? { choices } : {}),
  };
}

function choiceNames(keys: Record<string, string>, value: string | number): LocalizationMap {
  const map: LocalizationMap = {};
  for (const [locale, translations] of Object.entries(TRANSLATED)) {
    const name = translations.choices[`${keys[locale]}=${value}`];
    if (name === undefined) throw new Error(`no ${locale} name for the choice ${keys[locale]}=${value} (src/i18n/${locale}.ts)`);
    map[locale as 'de' | 'fr'] = name;
  }
  return map;
}

/** The definitions with German and French names, descriptions and choice names on every command and option. */
export function localizeDefinitions(definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[]): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const used: Translated = new Map();
  return definitions.map((definition) => localizeNode(definition as RESTPostAPIChatInputApplicationCommandsJSONBody & Localizable, [definition.name], used));
}
