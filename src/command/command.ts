// The one shape of a slash command. Each file in commands/ exports one of these (made by src/command/define.ts
// or briefing-command.ts): its declared options, the checks it declares, a builder from (context, request) to a
// reply, its autocomplete and its buttons. Nothing here knows discord.js: the adapter in src/discord/ turns
// replies into calls, and the preview CLI and the tests call the same functions.
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { Locale } from '../i18n/locale.js';
import type { ButtonRef, View } from '../render/custom-id.js';
import type { Choice, Modal, NumberChoice, Reply } from '../render/reply.js';
import type { OptionDeclarations } from './options.js';

export type OptionValue = string | number | boolean;
/** Option values by name as a request gives them, before they are read against their declaration (src/command/options.ts). */
export type OptionValues = Readonly<Record<string, OptionValue | undefined>>;

/** Who is asking, and where: what checks and stateful commands need to know of an interaction. */
export interface Caller {
  interactionId: string;
  userId: string;
  userName: string;
  /** The server the interaction comes from, whether or not it added the bot (see `botInGuild`). */
  guildId: string | null;
  /**
   * True when the server itself installed the app, so the bot is a member and can post in its channels; false
   * in DMs and in a server reached only through the user's own install (user install), where all the bot can
   * do is answer the interaction.
   */
  botInGuild: boolean;
  channelId: string | null;
  /** The member's permissions in the guild; null outside a guild. */
  permissions: bigint | null;
  /** The language to answer in: the user's Discord client language (`interaction.locale`), English when unsupported. */
  locale: Locale;
  /** For a button: who asked for the message it is on (null for a message no one asked for, like a recap post). */
  askedBy?: string | null;
}

/** A command as asked for: who asks, the subcommand named (for a command that has them), and the option values given. */
export interface Request {
  caller: Caller;
  subcommand?: string;
  options: OptionValues;
}

/** A mistake the user can fix: shown to them privately, never logged as a failure. */
export class UserError extends Error {}

/**
 * A named precondition (guild only, Manage Server, ...): throws a UserError with its own polite message, or
 * returns what it proved of the caller (`guildOnly` proves a guild id), which the handler is then given.
 * `Options` are the option values it reads; `Needs`, what earlier checks must have proved of the caller.
 * Declared as a property, not a method, so that a check reading an option cannot be attached where that
 * option is not declared (parameters are then compared strictly).
 */
export interface Check<Context, Proves extends object = object, Options = unknown, Needs extends object = object> {
  name: string;
  /** Reads options that autocomplete does not have whole yet: run before a command's run, not before its autocomplete. */
  readsOptions?: boolean;
  run: (context: Context, request: { caller: Caller & Needs; options: Options }) => Proves | void | Promise<Proves | void>;
}

/** What the checks of a list prove together. */
export type ProvenBy<Checks> = Checks extends readonly [infer First, ...infer Rest] ? (First extends Check<never, infer Proves, never, never> ? Proves : object) & ProvenBy<Rest> : object;

/** A button's answer: the reply, and whether it replaces the message the button is on or comes as a new one. */
export interface ButtonReply {
  reply: Reply;
  replace: boolean;
}

export interface ButtonHandler<Context> {
  press(context: Context, ref: ButtonRef, caller: Caller): ButtonReply | Promise<ButtonReply>;
}

/** A submitted form: its text fields by their custom ids, as the person typed them. */
export type FormFields = Readonly<Record<string, string>>;

/** A form (a modal) a button of its view opens for the presser to fill in, and what answers its submission. */
export interface FormHandler<Context> {
  open(context: Context, ref: ButtonRef, caller: Caller): Modal;
  submit(context: Context, ref: ButtonRef, fields: FormFields, caller: Caller): Reply | Promise<Reply>;
}

export interface Focused {
  name: string;
  value: string;
}

export type Choices = (Choice | NumberChoice)[];

/**
 * A command as the adapter, the preview CLI and the tests call it: `run` and `autocomplete` take the request
 * as given, read its options against the declaration, run the checks and then the handler (src/command/define.ts).
 */
export interface Command<Context> {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  /** Its options as declared (the JSON above is made from them), or each subcommand's. */
  declared: { options: OptionDeclarations } | { subcommands: Readonly<Record<string, OptionDeclarations>> };
  /** True when the reply may take longer than Discord's 3 seconds (it goes over the network): acknowledge first. */
  defers?(request: Request): boolean;
  run(context: Context, request: Request): Reply | Promise<Reply>;
  autocomplete?(context: Context, focused: Focused, request: Request): Choices | Promise<Choices>;
  buttons?: Partial<Record<View, ButtonHandler<Context>>>;
  /** Forms, by the view of the button that opens each (instead of a reply). */
  forms?: Partial<Record<View, FormHandler<Context>>>;
}
