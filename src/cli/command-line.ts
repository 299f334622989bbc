// Parses a slash-command line as typed in Discord (`/position actor:Mark Rutte topic:territory`,
// `/recap subscribe channel:123 schedule:daily 08:00 timezone:Europe/Zurich`) and checks it against the
// command's own definition: names, subcommands, required options, choices, lengths.
import { ApplicationCommandOptionType, type APIApplicationCommandOption, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { OptionValue } from '../command/command.js';
import { declaredOptions } from '../command/options.js';

export class UsageError extends Error {}

interface Named {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
}

export interface ParsedCommandLine<C extends Named> {
  command: C;
  /** Option values by name; a subcommand's name is under `subcommand`, as the bot sees it. */
  options: Record<string, OptionValue>;
}

const OPTION_START = /([\p{L}\p{N}_-]+):/uy;
/** Option names start with a letter, so a value may hold a time (`schedule:daily 08:00`). */
const NEXT_OPTION = /\s+\p{L}[\p{L}\p{N}_-]*:/u;
const QUOTES: Record<string, string> = { '"': '"', "'": "'", '“': '”' };

export function parseCommandLine<C extends Named>(line: string, commands: readonly C[]): ParsedCommandLine<C> {
  const trimmed = line.trim().replace(/^\//, '');
  const name = trimmed.split(/\s/, 1)[0] ?? '';
  const command = commands.find((candidate) => candidate.data.name === name);
  if (!command) throw new UsageError(name ? `unknown command /${name}` : 'no command given');
  const definition = command.data.toJSON();
  let definitions = declaredOptions(definition)!;
  let rest = trimmed.slice(name.length);
  let label = name;
  const options: Record<string, OptionValue> = {};

  const subcommands = definitions.filter((candidate) => candidate.type === ApplicationCommandOptionType.Subcommand);
  if (subcommands.length > 0) {
    const subcommandName = rest.trim().split(/\s/, 1)[0] ?? '';
    const declared = declaredOptions(definition, subcommandName);
    if (!declared) throw new UsageError(`/${name} needs one of: ${subcommands.map((candidate) => candidate.name).join(', ')}`);
    options.subcommand = subcommandName;
    definitions = declared;
    rest = rest.trim().slice(subcommandName.length);
    label = `${name} ${subcommandName}`;
  }

  for (const [optionName, text] of splitOptions(rest, definitions, label)) {
    options[optionName] = convert(text, definitions.find((definition) => definition.name === optionName)!);
  }
  for (const definition of definitions) {
    if ('required' in definition && definition.required && !(definition.name in options)) throw new UsageError(`/${label} needs ${definition.name}:<value>`);
  }
  return { command, options };
}

function splitOptions(rest: string, definitions: readonly APIApplicationCommandOption[], commandName: string): Map<string, string> {
  const found = new Map<string, string>();
  let at = rest.search(/\S/);
  while (at >= 0 && at < rest.length) {
    OPTION_START.lastIndex = at;
    const match = OPTION_START.exec(rest);
    if (!match) throw new UsageError(`expected option:value at "${rest.slice(at, at + 30)}"`);
    const optionName = match[1]!;
    if (!definitions.some((definition) => definition.name === optionName)) {
      const known = definitions.map((definition) => definition.name).join(', ') || 'none';
      throw new UsageError(`/${commandName} has no option "${optionName}" (options: ${known})`);
    }
    if (found.has(optionName)) throw new UsageError(`option ${optionName} given twice`);
    at += match[0].length;
    const closing = QUOTES[rest[at] ?? ''];
    let value: string;
    if (closing) {
      const end = rest.indexOf(closing, at + 1);
      if (end < 0) throw new UsageError(`unclosed quote in ${optionName}`);
      value = rest.slice(at + 1, end);
      at = end + 1;
    } else {
      const next = rest.slice(at).search(NEXT_OPTION);
      const end = next < 0 ? rest.length : at + next;
      value = rest.slice(at, end).trim();
      at = end;
    }
    found.set(optionName, value);
    const following = rest.slice(at).search(/\S/);
    at = following < 0 ? -1 : at + following;
  }
  return found;
}

function convert(text: string, definition: APIApplicationCommandOption): OptionValue {
  switch (definition.type) {
    case ApplicationCommandOptionType.String: {
      if (definition.max_length !== undefined && text.length > definition.max_length) {
        throw new UsageError(`${definition.name} is at most ${definition.max_length} characters`);
      }
      const choices = 'choices' in definition ? definition.choices : undefined;
      if (!choices || choices.length === 0) return text;
      const choice = choices.find((candidate) => [candidate.name, String(candidate.value)].some((label) => label.toLowerCase() === text.toLowerCase()));
      if (!choice) throw new UsageError(`${definition.name} must be one of: ${choices.map((candidate) => candidate.value).join(', ')}`);
      return choice.value;
    }
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number: {
      const value = Number(text);
      if (text === '' || !Number.isFinite(value) || (definition.type === ApplicationCommandOptionType.Integer && !Number.isInteger(value))) {
        throw new UsageError(`${definition.name} must be a number`);
      }
      return value;
    }
    case ApplicationCommandOptionType.Boolean:
      if (!/^(true|false)$/i.test(text)) throw new UsageError(`${definition.name} must be true or false`);
      return text.toLowerCase() === 'true';
    case ApplicationCommandOptionType.Channel:
      // A channel is given by its id (or as Discord writes a mention, <#id>).
      if (!/^(<#)?\d{17,20}>?$/.test(text)) throw new UsageError(`${definition.name} takes a channel id, e.g. ${definition.name}:123456789012345678`);
      return text.replace(/\D/g, '');
    default:
      return text;
  }
}
