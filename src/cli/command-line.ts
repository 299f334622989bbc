// Parses a slash-command line as typed in Discord (`/position actor:Mark Rutte topic:territory`)
// and checks it against the command's own definition: names, required options, choices, lengths.
import { ApplicationCommandOptionType, type APIApplicationCommandOption } from 'discord-api-types/v10';
import type { BriefingCommand, OptionValue } from '../render/command.js';

export class UsageError extends Error {}

export interface ParsedCommandLine {
  command: BriefingCommand;
  options: Record<string, OptionValue>;
}

const OPTION_START = /([\p{L}\p{N}_-]+):/uy;
const NEXT_OPTION = /\s+[\p{L}\p{N}_-]+:/u;
const QUOTES: Record<string, string> = { '"': '"', "'": "'", '“': '”' };

export function parseCommandLine(line: string, commands: readonly BriefingCommand[]): ParsedCommandLine {
  const trimmed = line.trim().replace(/^\//, '');
  const name = trimmed.split(/\s/, 1)[0] ?? '';
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) throw new UsageError(name ? `unknown command /${name}` : 'no command given');
  const definitions = (command.data.toJSON().options ?? []) as APIApplicationCommandOption[];
  const raw = splitOptions(trimmed.slice(name.length), definitions, name);

  const options: Record<string, OptionValue> = {};
  for (const [optionName, text] of raw) options[optionName] = convert(text, definitions.find((definition) => definition.name === optionName)!);
  for (const definition of definitions) {
    if (definition.required && !(definition.name in options)) throw new UsageError(`/${name} needs ${definition.name}:<value>`);
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
    default:
      return text;
  }
}
