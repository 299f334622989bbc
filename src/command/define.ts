// Declaring a command, or a command of subcommands, once: its header and options give the JSON Discord
// registers; its checks and handlers are wrapped so that every request is read against the options declared
// (a polite UserError for a wrong one), its checks run before its handler and before its autocomplete, and the
// handler is given the options typed and the caller with what the checks proved (a guild id, say).
import type { ApplicationIntegrationType, APIApplicationCommandSubcommandOption, InteractionContextType, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';
import { optionName } from '../i18n/commands.js';
import { messagesFor } from '../i18n/messages.js';
import type { Reply } from '../render/reply.js';
import { UserError, type ButtonHandler, type ButtonReply, type Caller, type Check, type Choices, type Command, type Focused, type FormHandler, type OptionValues, type ProvenBy } from './command.js';
import { optionsJSON, readOptions, readPartly, type OptionDeclarations, type Parsed } from './options.js';
import type { ButtonRef, View } from '../render/custom-id.js';

/** What Discord shows of a command besides its options. */
export interface CommandHeader {
  name: string;
  description: string;
  /** Who sees the command unless a server says otherwise (e.g. members with Manage Server). */
  defaultMemberPermissions?: bigint;
  integrationTypes: readonly ApplicationIntegrationType[];
  contexts: readonly InteractionContextType[];
}

type Options = APIApplicationCommandSubcommandOption['options'] | RESTPostAPIChatInputApplicationCommandsJSONBody['options'];

export function commandJSON(header: CommandHeader, options: Options): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return {
    type: ApplicationCommandType.ChatInput,
    name: header.name,
    description: header.description,
    options,
    ...(header.defaultMemberPermissions === undefined ? {} : { default_member_permissions: String(header.defaultMemberPermissions) }),
    integration_types: [...header.integrationTypes],
    contexts: [...header.contexts],
  };
}

/** The caller once `checks` have passed, with what they proved; `options` are what the checks may read. */
async function runChecks<Context, Needs extends object>(
  checks: readonly Check<Context, object, never, Needs>[] | undefined,
  context: Context,
  request: { caller: Caller & Needs; options: unknown },
  { autocomplete = false } = {},
): Promise<Caller & Needs> {
  let caller = request.caller;
  for (const check of checks ?? []) {
    if (autocomplete && check.readsOptions) continue;
    const proved = await (check as Check<Context, object, unknown, Needs>).run(context, { caller, options: request.options });
    if (proved) caller = { ...caller, ...proved };
  }
  return caller;
}

/** The options of `path` as declared, or a UserError naming the first wrong one in the caller's language. */
export function readOrRefuse<Ds extends OptionDeclarations>(declarations: Ds, given: OptionValues, caller: Pick<Caller, 'locale'>, path: readonly string[]): Parsed<Ds> {
  const read = readOptions(declarations, given);
  if (!read.ok) throw new UserError(messagesFor(caller.locale).shell.wrongOption(optionName(caller.locale, [...path, read.wrong])));
  return read.options;
}

type Handled<Context, Asker, Ds extends OptionDeclarations> = {
  run: (context: Context, request: { caller: Asker; options: Parsed<Ds> }) => Reply | Promise<Reply>;
  autocomplete?: (context: Context, focused: Focused, request: { caller: Asker; options: Partial<Parsed<Ds>> }) => Choices | Promise<Choices>;
};

/** A subcommand's declaration: its options, the checks only it needs, and its handlers. */
export type SubcommandSpec<Context, Given extends object, Ds extends OptionDeclarations, Checks> = {
  description: string;
  options?: Ds;
  checks?: Checks;
  /** The reply may take longer than Discord's 3 seconds (it goes over the network): acknowledge first. */
  defers?: boolean;
} & Handled<Context, Caller & Given & ProvenBy<Checks>, Ds>;

/** A subcommand as its command calls it, given a caller with what the command's own checks proved (`Given`). */
export interface Subcommand<Context, Given extends object> {
  options: OptionDeclarations;
  description: string;
  defers: boolean;
  run: (context: Context, caller: Caller & Given, given: OptionValues, path: readonly string[]) => Promise<Reply>;
  autocomplete?: (context: Context, focused: Focused, caller: Caller & Given, given: OptionValues) => Promise<Choices>;
}

/**
 * `subcommand<RecapContext, InGuild>()({ ... })`: a subcommand of a command whose checks prove `Given`; its
 * command will not take it unless they do.
 */
export function subcommand<Context, Given extends object = object>() {
  return <const Ds extends OptionDeclarations = Record<never, never>, const Checks extends readonly Check<Context, object, Parsed<Ds>, Caller & Given>[] = []>(
    spec: SubcommandSpec<Context, Given, Ds, Checks>,
  ): Subcommand<Context, Given> => {
    const declarations = (spec.options ?? {}) as Ds;
    const checks = spec.checks as readonly Check<Context, object, never, Given>[] | undefined;
    type Asker = Caller & Given & ProvenBy<Checks>;
    return {
      options: declarations,
      description: spec.description,
      defers: spec.defers ?? false,
      async run(context, caller, given, path) {
        const options = readOrRefuse(declarations, given, caller, path);
        const proved = (await runChecks(checks, context, { caller, options })) as Asker;
        return spec.run(context, { caller: proved, options });
      },
      autocomplete:
        spec.autocomplete &&
        (async (context, focused, caller, given) => {
          const options = readPartly(declarations, given, focused.name);
          const proved = (await runChecks(checks, context, { caller, options }, { autocomplete: true })) as Asker;
          return spec.autocomplete!(context, focused, { caller: proved, options });
        }),
    };
  };
}

export type CommandWithSubcommandsSpec<Context, Checks> = CommandHeader & {
  /** Run before every subcommand, and before its autocomplete. */
  checks?: Checks;
  subcommands: Readonly<Record<string, Subcommand<Context, ProvenBy<Checks>>>>;
  buttons?: Partial<Record<View, ButtonHandler<Context>>>;
  forms?: Partial<Record<View, FormHandler<Context>>>;
};

/** A command of subcommands, each declared with `subcommand()`; an unknown subcommand is a polite refusal. */
export function withSubcommands<Context>() {
  return <const Checks extends readonly Check<Context, object, unknown>[] = []>(spec: CommandWithSubcommandsSpec<Context, Checks>): Command<Context> => {
    const { subcommands } = spec;
    const checks = spec.checks as readonly Check<Context, object, never, object>[] | undefined;
    const json = commandJSON(
      spec,
      Object.entries(subcommands).map(([name, sub]) => ({ type: ApplicationCommandOptionType.Subcommand, name, description: sub.description, options: optionsJSON(sub.options) })),
    );
    const named = (caller: Caller, name: string | undefined) => {
      const found = name !== undefined && Object.hasOwn(subcommands, name) ? subcommands[name] : undefined;
      if (!found) throw new UserError(messagesFor(caller.locale).shell.unknownSubcommand(`/${optionName(caller.locale, [spec.name])}`));
      return { name: name!, sub: found };
    };
    return {
      data: { name: spec.name, toJSON: () => structuredClone(json) },
      declared: { subcommands: Object.fromEntries(Object.entries(subcommands).map(([name, sub]) => [name, sub.options])) },
      defers: ({ subcommand: name }) => (name !== undefined && Object.hasOwn(subcommands, name) ? subcommands[name]!.defers : false),
      async run(context, { caller, subcommand: asked, options }) {
        const { name, sub } = named(caller, asked);
        const proved = (await runChecks(checks, context, { caller, options: {} })) as Caller & ProvenBy<Checks>;
        return sub.run(context, proved, options, [spec.name, name]);
      },
      async autocomplete(context, focused, { caller, subcommand: asked, options }) {
        const { sub } = named(caller, asked);
        if (!sub.autocomplete) return [];
        const proved = (await runChecks(checks, context, { caller, options: {} }, { autocomplete: true })) as Caller & ProvenBy<Checks>;
        return sub.autocomplete(context, focused, proved, options);
      },
      buttons: spec.buttons,
      forms: spec.forms,
    };
  };
}

/** `guardedButton<RecapContext>()(checks, press)`: a button whose checks run before it is pressed, its handler given what they proved. */
export function guardedButton<Context>() {
  return <const Checks extends readonly Check<Context, object, unknown>[]>(
    checks: Checks,
    press: (context: Context, ref: ButtonRef, caller: Caller & ProvenBy<Checks>) => ButtonReply | Promise<ButtonReply>,
  ): ButtonHandler<Context> => ({
    async press(context, ref, caller) {
      const proved = (await runChecks(checks as readonly Check<Context, object, never, object>[], context, { caller, options: {} })) as Caller & ProvenBy<Checks>;
      return press(context, ref, proved);
    },
  });
}
