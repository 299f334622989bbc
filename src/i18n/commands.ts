// What Discord shows of the commands in German and French: names, descriptions and choice names, by their
// English originals. localizeDefinition() walks a command's registered JSON and adds them everywhere, so
// the builders in commands/ stay in English and no translation is written twice.
import type { APIApplicationCommandOption, APIApplicationCommandOptionChoice, LocalizationMap, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { deCommands } from './de.js';
import { frCommands } from './fr.js';
import type { Locale } from './locale.js';

/** Every command, subcommand and option name, in English. */
export type CommandName =
  | 'brief' | 'section' | 'edition' | 'position' | 'actor' | 'topic' | 'quotes' | 'search' | 'timeline' | 'from' | 'to' | 'sources' | 'corrections'
  | 'recap' | 'subscribe' | 'channel' | 'schedule' | 'timezone' | 'when-quiet' | 'list' | 'remove' | 'edit' | 'subscription' | 'pause' | 'resume'
  | 'preview' | 'now' | 'tag' | 'thread' | 'publish' | 'language';

/** Every description, in English as the builders write it. */
export type CommandDescription =
  | 'The state of the story: summary, key points, what comes next, open questions'
  | 'Show only one part of the briefing'
  | 'An earlier edition, YYYY-MM-DD (default: the newest)'
  | 'What one person or group has said and stands for, with sources'
  | 'Name, e.g. Rutte, Zelensky or Leavitt'
  | 'Only this topic, e.g. territory'
  | 'Key quotes, verbatim and sourced; filter by speaker, topic or words'
  | 'Who said it, e.g. Leavitt'
  | 'What it is about, e.g. territory'
  | 'Words in the quote, its context or its topics'
  | 'What happened when, and what is expected next, with sources'
  | 'First day, YYYY-MM-DD, e.g. 2025-11-25'
  | 'Last day, YYYY-MM-DD, e.g. 2025-12-07'
  | 'Every source this briefing rests on, and what cites each'
  | 'What the briefing got wrong and has corrected, newest first'
  | 'Scheduled recaps of the story, posted in a channel'
  | 'Post a recap in a channel on a schedule'
  | 'Where to post: a text, announcement or forum channel'
  | 'daily 8am, weekdays 07:30, twice daily 08:00 20:00, weekly monday 9am, on new edition, or cron'
  | 'Time zone of the schedule, e.g. Europe/Zurich'
  | 'When nothing changed since the last recap (default: post a one-line note)'
  | "This server's recaps: schedule, next run, last delivery"
  | 'Stop and delete a recap'
  | 'Which recap (start typing to pick)'
  | "Change a recap's schedule, time zone, quiet days or how it posts, keeping its number and history"
  | 'daily 8am, weekdays 07:30, on new edition, ...'
  | 'Time zone, e.g. Europe/Zurich'
  | 'Pause a recap'
  | 'Resume a paused recap'
  | 'See, privately, the recap that would be posted now'
  | 'Post a recap now'
  | "Forums: the tag of the story's post (start typing to pick)"
  | 'Text and announcement channels: start a thread from each recap'
  | 'Announcement channels: publish each recap to the servers following the channel'
  | "The recap's language (default: the server's preferred language, else English)";

/** Every choice, as `option=value`. */
export type CommandChoice =
  | 'section=since' | 'section=tldr' | 'section=key-points' | 'section=whats-next' | 'section=open-questions'
  | 'when-quiet=post' | 'when-quiet=skip'
  | 'language=en' | 'language=de' | 'language=fr';

export interface CommandTranslations {
  names: Record<CommandName, string>;
  descriptions: Record<CommandDescription, string>;
  choices: Record<CommandChoice, string>;
}

/** The languages besides English, by Discord's locale codes for them. */
const TRANSLATED: Partial<Record<Locale, CommandTranslations>> = { de: deCommands, fr: frCommands };

function localized(key: string, pick: (translations: CommandTranslations) => Record<string, string>): LocalizationMap {
  const map: LocalizationMap = {};
  for (const [locale, translations] of Object.entries(TRANSLATED)) {
    const text = pick(translations)[key];
    if (text === undefined) throw new Error(`no ${locale} translation of "${key}" for the command definitions (src/i18n/${locale}.ts)`);
    map[locale as 'de' | 'fr'] = text;
  }
  return map;
}

type Localizable = { name: string; description: string; options?: APIApplicationCommandOption[] };

function localizeNode<T extends Localizable>(node: T): T {
  const options = node.options?.map((option) => {
    const localizedOption = localizeNode(option as Localizable) as APIApplicationCommandOption;
    if (!('choices' in option) || !option.choices) return localizedOption;
    const choices = (option.choices as APIApplicationCommandOptionChoice[]).map((choice) => ({
      ...choice,
      name_localizations: localized(`${option.name}=${choice.value}`, (translations) => translations.choices),
    }));
    return { ...localizedOption, choices } as APIApplicationCommandOption;
  });
  return {
    ...node,
    name_localizations: localized(node.name, (translations) => translations.names),
    description_localizations: localized(node.description, (translations) => translations.descriptions),
    ...(options ? { options } : {}),
  };
}

/** The definition with German and French names, descriptions and choice names on the command and every option. */
export function localizeDefinition(definition: RESTPostAPIChatInputApplicationCommandsJSONBody): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return localizeNode(definition as RESTPostAPIChatInputApplicationCommandsJSONBody & Localizable);
}
