// Parses a slash-command line as typed in Discord (`/position actor:Mark Rutte topic:territory`,
// `/recap subscribe channel:123 schedule:daily 08:00 timezone:Europe/Zurich`) and checks it against the
// command's own declaration, and reads them as the bot does (src/command/options.ts): names, subcommands,
// required options, choices, lengths.
import type { Command, OptionValue } from '../command/command.js';
import { readOptions, type OptionDeclaration, type OptionDeclarations } from '../command/options.js';

export class UsageError extends Error {}

type Named = Pick<Command<never>, 'data' | 'declared'>;

export interface ParsedCommandLine<C extends Named> {
  command: C;
  /** The subcommand named, for a command that has them. */
  subcommand?: string;
  /** Option values by name, as the bot sees them. */
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
  let rest = trimmed.slice(name.length);
  let declarations: OptionDeclarations;
  let subcommand: string | undefined;
  if ('subcommands' in command.declared) {
    const { subcommands } = command.declared;
    subcommand = rest.trim().split(/\s/, 1)[0] ?? '';
    if (!Object.hasOwn(subcommands, subcommand)) throw new UsageError(`/${name} needs one of: ${Object.keys(subcommands).join(', ')}`);
    declarations = subcommands[subcommand]!;
    rest = rest.trim().slice(subcommand.length);
  } else declarations = command.declared.options;
  const label = [name, subcommand].filter(Boolean).join(' ');

  const options: Record<string, OptionValue> = {};
  for (const [optionName, text] of splitOptions(rest, Object.keys(declarations), label)) {
    options[optionName] = convert(text, optionName, declarations[optionName]!);
  }
  // What the bot will read of them, by the same reader: a missing or out-of-bounds value is refused here first.
  const read = readOptions(declarations, options);
  if (!read.ok) throw new UsageError(read.wrong in options ? `${read.wrong} holds a value /${label} does not take` : `/${label} needs ${read.wrong}:<value>`);
  return { command, ...(subcommand === undefined ? {} : { subcommand }), options };
}

function splitOptions(rest: string, declared: readonly string[], commandName: string): Map<string, string> {
  const found = new Map<string, string>();
  let at = rest.search(/\S/);
  while (at >= 0 && at < rest.length) {
    OPTION_START.lastIndex = at;
    const match = OPTION_START.exec(rest);
    if (!match) throw new UsageError(`expected option:value at "${rest.slice(at, at + 30)}"`);
    const optionName = match[1]!;
    if (!declared.includes(optionName)) {
      const known = declared.join(', ') || 'none';
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

/** The text typed for an option as the value Discord would send: a number, true or false, a channel's id, a choice's value. */
function convert(text: string, name: string, option: OptionDeclaration): OptionValue {
  switch (option.type) {
    case 'string': {
      if (!option.choices) return text;
      const choice = option.choices.find((candidate) => [candidate.name, candidate.value].some((label) => label.toLowerCase() === text.toLowerCase()));
      if (!choice) throw new UsageError(`${name} must be one of: ${option.choices.map((candidate) => candidate.value).join(', ')}`);
      return choice.value;
    }
    case 'integer': {
      const value = Number(text);
      if (text === '' || !Number.isInteger(value)) throw new UsageError(`${name} must be a number`);
      return value;
    }
    case 'boolean':
      if (!/^(true|false)$/i.test(text)) throw new UsageError(`${name} must be true or false`);
      return text.toLowerCase() === 'true';
    case 'channel':
      // A channel is given by its id (or as Discord writes a mention, <#id>).
      if (!/^(<#)?\d{17,20}>?$/.test(text)) throw new UsageError(`${name} takes a channel id, e.g. ${name}:123456789012345678`);
      return text.replace(/\D/g, '');
  }
}
