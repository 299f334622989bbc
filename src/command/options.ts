// A command's options as its own definition declares them: what the preview CLI parses against, and what
// every request's values are checked against before any check or builder sees them. An interaction says
// what type each of its options has, but a request can say anything: a channel given as the number 123
// once slipped past the permission check (which reads channel ids as text) and set up a recap on <#123>.
import { ApplicationCommandOptionType as Type, type APIApplicationCommandOption, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { OptionValue, OptionValues } from './command.js';

/** The options of a command, or of its subcommand `subcommand`; undefined for a subcommand it does not have. */
export function declaredOptions(definition: RESTPostAPIChatInputApplicationCommandsJSONBody, subcommand?: string): APIApplicationCommandOption[] | undefined {
  const options = (definition.options ?? []) as APIApplicationCommandOption[];
  if (subcommand === undefined) return options;
  const declared = options.find((option) => option.type === Type.Subcommand && option.name === subcommand);
  return declared && 'options' in declared ? ((declared.options ?? []) as APIApplicationCommandOption[]) : undefined;
}

/** Discord's ids: what channel, user, role and attachment options hold. */
const SNOWFLAKE = /^\d{17,20}$/;
const isId = (value: OptionValue) => typeof value === 'string' && SNOWFLAKE.test(value);

/** What a value of each option type is, as Discord sends it. */
const HOLDS: Partial<Record<Type, (value: OptionValue) => boolean>> = {
  [Type.String]: (value) => typeof value === 'string',
  [Type.Integer]: (value) => typeof value === 'number' && Number.isSafeInteger(value),
  [Type.Number]: (value) => typeof value === 'number' && Number.isFinite(value),
  [Type.Boolean]: (value) => typeof value === 'boolean',
  [Type.Channel]: isId,
  [Type.User]: isId,
  [Type.Role]: isId,
  [Type.Mentionable]: isId,
  [Type.Attachment]: isId,
};

/**
 * The first option of the request that is required and missing, or not of the type its definition declares, by
 * name; undefined when all are as declared. Options the command does not declare are never read, so they are let be.
 */
export function wrongOption(definition: RESTPostAPIChatInputApplicationCommandsJSONBody, options: OptionValues): string | undefined {
  const subcommand = typeof options.subcommand === 'string' ? options.subcommand : undefined;
  for (const option of declaredOptions(definition, subcommand) ?? []) {
    const value = options[option.name];
    if (value === undefined ? 'required' in option && option.required : !(HOLDS[option.type]?.(value) ?? true)) return option.name;
  }
  return undefined;
}
