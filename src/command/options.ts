// A command's options, declared once: each option's type, description, whether it is required, its choices
// and limits. From the declaration come both the JSON Discord registers (optionsJSON) and the typed values a
// handler is given (readOptions), so the two cannot drift apart. An interaction says what type each of its
// options has, but a request can say anything: a channel given as the number 123 once slipped past the
// permission check and set up a recap on <#123>. Every value is read against its declaration before any
// check or handler sees it.
import { ApplicationCommandOptionType as Type, type APIApplicationCommandBasicOption, type ChannelType } from 'discord-api-types/v10';
import type { OptionValue, OptionValues } from './command.js';

interface Choice<Value> {
  name: string;
  value: Value;
}

interface Common {
  type: 'string' | 'integer' | 'boolean' | 'channel';
  description: string;
  required?: boolean;
}

export interface StringOption extends Common {
  type: 'string';
  choices?: readonly Choice<string>[];
  autocomplete?: boolean;
  maxLength?: number;
}

export interface IntegerOption extends Common {
  type: 'integer';
  autocomplete?: boolean;
  min?: number;
}

export interface BooleanOption extends Common {
  type: 'boolean';
}

export interface ChannelOption extends Common {
  type: 'channel';
  channelTypes?: readonly ChannelType[];
}

export type OptionDeclaration = StringOption | IntegerOption | BooleanOption | ChannelOption;
/** Options by name, in the order Discord lists them (required ones first, as Discord insists). */
export type OptionDeclarations = Readonly<Record<string, OptionDeclaration>>;

/** The value a declaration holds: one of its choices, else what its type reads as. */
type ValueOf<D> = D extends { choices: readonly Choice<infer V>[] } ? V : D extends { type: 'integer' } ? number : D extends { type: 'boolean' } ? boolean : string;
type RequiredNames<Ds> = { [K in keyof Ds]: Ds[K] extends { required: true } ? K : never }[keyof Ds];

/** The values of declared options, as a handler is given them: required ones always there, each of its declared type. */
export type Parsed<Ds extends OptionDeclarations> = { readonly [K in RequiredNames<Ds>]: ValueOf<Ds[K]> } & { readonly [K in Exclude<keyof Ds, RequiredNames<Ds>>]?: ValueOf<Ds[K]> };

/** Declarations written briefly: `string('Who said it', { autocomplete: true })`. */
export const string = <const D extends Omit<StringOption, 'type' | 'description'> = object>(description: string, details?: D) =>
  ({ type: 'string', description, ...details }) as { type: 'string'; description: string } & D;
export const integer = <const D extends Omit<IntegerOption, 'type' | 'description'> = object>(description: string, details?: D) =>
  ({ type: 'integer', description, ...details }) as { type: 'integer'; description: string } & D;
export const boolean = <const D extends Omit<BooleanOption, 'type' | 'description'> = object>(description: string, details?: D) =>
  ({ type: 'boolean', description, ...details }) as { type: 'boolean'; description: string } & D;
export const channel = <const D extends Omit<ChannelOption, 'type' | 'description'> = object>(description: string, details?: D) =>
  ({ type: 'channel', description, ...details }) as { type: 'channel'; description: string } & D;

const TYPES = { string: Type.String, integer: Type.Integer, boolean: Type.Boolean, channel: Type.Channel } as const;

/** The options as Discord registers them. */
export function optionsJSON(declarations: OptionDeclarations): APIApplicationCommandBasicOption[] {
  return Object.entries(declarations).map(([name, option]) => {
    const { description, required = false } = option;
    const json = { type: TYPES[option.type], name, description, required } as Record<string, unknown>;
    if ('autocomplete' in option && option.autocomplete) json.autocomplete = true;
    if ('choices' in option && option.choices) json.choices = option.choices.map(({ name: choiceName, value }) => ({ name: choiceName, value }));
    if ('maxLength' in option && option.maxLength !== undefined) json.max_length = option.maxLength;
    if ('min' in option && option.min !== undefined) json.min_value = option.min;
    if ('channelTypes' in option && option.channelTypes) json.channel_types = [...option.channelTypes];
    return json as unknown as APIApplicationCommandBasicOption;
  });
}

/** Discord's ids: what channel options hold. */
const SNOWFLAKE = /^\d{17,20}$/;

/** Whether `value` is one Discord would send for `option`. */
function holds(option: OptionDeclaration, value: OptionValue): boolean {
  switch (option.type) {
    case 'string':
      return typeof value === 'string' && (option.maxLength === undefined || value.length <= option.maxLength) && (!option.choices || option.choices.some((choice) => choice.value === value));
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value) && (option.min === undefined || value >= option.min);
    case 'boolean':
      return typeof value === 'boolean';
    case 'channel':
      return typeof value === 'string' && SNOWFLAKE.test(value);
  }
}

export type ReadOptions<Ds extends OptionDeclarations> = { ok: true; options: Parsed<Ds> } | { ok: false; wrong: string };

/**
 * The values of `given` as declared, or the name of the first option that is required and missing or holds a
 * value Discord would not send for it. Options not declared are never read, so they are let be.
 */
export function readOptions<Ds extends OptionDeclarations>(declarations: Ds, given: OptionValues): ReadOptions<Ds> {
  const options: Record<string, OptionValue> = {};
  for (const [name, option] of Object.entries(declarations)) {
    const value = given[name];
    if (value === undefined ? option.required : !holds(option, value)) return { ok: false, wrong: name };
    if (value !== undefined) options[name] = value;
  }
  return { ok: true, options: options as Parsed<Ds> };
}

/**
 * What autocomplete can read of options still being typed: each value that holds its declared type, the one
 * being typed (always text) and anything else left out, and nothing required.
 */
export function readPartly<Ds extends OptionDeclarations>(declarations: Ds, given: OptionValues, typing: string): Partial<Parsed<Ds>> {
  const options: Record<string, OptionValue> = {};
  for (const [name, option] of Object.entries(declarations)) {
    const value = given[name];
    if (name !== typing && value !== undefined && holds(option, value)) options[name] = value;
  }
  return options as Partial<Parsed<Ds>>;
}
