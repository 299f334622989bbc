// One interaction, as Discord sends it (its JSON, from the gateway or the HTTP endpoint), answered once:
// finds the command, runs its checks and builder (src/command/answer.ts), hands Discord's response JSON to
// the transport (the HTTP response, or the callback endpoint over REST), and logs once with command,
// options, guild, latency and outcome. A command that defers is acknowledged first and its reply follows
// as an edit of @original. A failing command never takes the bot down: the user gets a short apology
// with a reference id, and the full error is logged under that id. The interaction token is never logged.
import { randomBytes } from 'node:crypto';
import {
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  RESTJSONErrorCodes,
  Routes,
  type APIInteraction,
  type APIInteractionResponse,
} from 'discord-api-types/v10';
import type { REST } from '@discordjs/rest';
import { answerButton, answerCommand, answerForm, orNotice } from '../command/answer.js';
import type { Caller, Command, Focused, FormFields, OptionValue } from '../command/command.js';
import type { Logger } from '../log.js';
import { localeOf, type Locale } from '../i18n/locale.js';
import { messagesFor } from '../i18n/messages.js';
import { decodeButton } from '../render/custom-id.js';
import { isPrivate, messageBody, notice, type Reply } from '../render/reply.js';

/** What became of an interaction, as logged. */
export type InteractionOutcome = 'answered' | 'notice' | 'failed' | 'expired' | 'unknown-command';

/** The notices answered here when no command answers, in the caller's language. */
const apology = (locale: Locale, reference: string) => notice(messagesFor(locale).shell.apology(reference));
const notMine = (locale: Locale) => notice(messagesFor(locale).shell.notMine);
const unknownCommand = (locale: Locale) => notice(messagesFor(locale).shell.unknown);

export interface Answering<Context> {
  commands: ReadonlyMap<string, Command<Context>>;
  context: Context;
  /** Sends the response: in the HTTP response, or to the interaction's callback endpoint. */
  send(response: APIInteractionResponse): void | Promise<void>;
  /** For follow-ups (deferred replies, a late apology): an edit of @original with the interaction's own token. */
  rest: REST;
  log: Logger;
  /** Added to the log line, e.g. `{ via: 'http' }`. */
  logFields?: Record<string, unknown>;
}

export function commandsByName<Context>(commands: readonly Command<Context>[]): ReadonlyMap<string, Command<Context>> {
  return new Map(commands.map((command) => [command.data.name, command]));
}

/**
 * Answers `interaction`; false when it is not a kind the bot answers (a ping) or lacks what an answer
 * needs (its id, token or application id), which is left alone.
 */
export async function answerInteraction<Context>(raw: APIInteraction, answering: Answering<Context>): Promise<boolean> {
  const started = performance.now();
  const interaction = readInteraction(raw);
  if (!interaction) return false;
  const { log } = answering;
  const summary = describe(interaction);
  let acknowledged = false;
  let outcome: InteractionOutcome;
  let reference: string | undefined;
  try {
    const answer = await responseTo(interaction, answering);
    await answering.send(answer.response);
    if (answer.followUp) {
      // Discord accepts the edit for 15 minutes after the acknowledgement.
      acknowledged = true;
      const reply = await answer.followUp();
      await editOriginal(answering.rest, interaction, reply);
      outcome = outcomeOf(reply);
    } else outcome = answer.outcome;
  } catch (error) {
    if (isUnknownInteraction(error) && !acknowledged) {
      // Discord no longer accepts an answer (the 3-second window passed); retrying cannot help.
      outcome = 'expired';
    } else {
      outcome = 'failed';
      reference = randomBytes(4).toString('hex').toUpperCase();
      log.error({ err: error, reference, ...summary }, 'interaction handler failed');
      await apologise(interaction, answering, reference, acknowledged).catch((apologyError: unknown) => log.warn({ err: apologyError, reference }, 'could not send the apology'));
    }
  }
  const latencyMs = Math.round((performance.now() - started) * 10) / 10;
  log[outcome === 'failed' || outcome === 'expired' ? 'warn' : 'info']({ ...summary, latencyMs, outcome, reference, ...answering.logFields }, 'interaction');
  return true;
}

interface Answer {
  response: APIInteractionResponse;
  outcome: InteractionOutcome;
  /** For a command that defers: its reply, worked out once the acknowledgement is sent. */
  followUp?: () => Promise<Reply>;
}

async function responseTo<Context>(interaction: Incoming, { commands, context }: Answering<Context>): Promise<Answer> {
  const { caller, subcommand, options } = interaction;
  const command = commands.get(interaction.command);
  const request = { caller, subcommand, options };
  if (interaction.type === InteractionType.ApplicationCommandAutocomplete) {
    const { focused } = interaction;
    // A mistake (say, no Manage Server for a list of the server's recaps) offers nothing rather than an error.
    const choices =
      command?.autocomplete && focused ? await orNotice(() => command.autocomplete!(context, focused, request), () => []) : [];
    return { response: { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } }, outcome: 'answered' };
  }
  if (!command) return { response: message(unknownCommand(caller.locale)), outcome: 'unknown-command' };
  if (interaction.type === InteractionType.ApplicationCommand) {
    if (command.defers?.(request)) {
      const response = { type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } } as const;
      return { response, outcome: 'answered', followUp: () => answerCommand(command, context, request) };
    }
    return reply(await answerCommand(command, context, request));
  }
  const ref = decodeButton(interaction.customId ?? '');
  if (interaction.type === InteractionType.ModalSubmit) {
    const submitted = ref && answerForm(command, context, ref, interaction.formFields ?? {}, caller);
    return reply(submitted ? await submitted : notMine(caller.locale));
  }
  // A button that opens a form: the form is the answer, and its submission comes as an interaction of its own.
  const form = ref && command.forms?.[ref.view];
  if (form) return { response: { type: InteractionResponseType.Modal, data: form.open(context, ref, caller) }, outcome: 'answered' };
  const pressed = ref && answerButton(command, context, ref, caller);
  if (!pressed) return reply(notMine(caller.locale));
  const { reply: page, replace } = await pressed;
  return replace ? { response: update(page), outcome: 'answered' } : reply(page);
}

const reply = (answer: Reply): Answer => ({ response: message(answer), outcome: outcomeOf(answer) });

function message(reply: Reply): APIInteractionResponse {
  return { type: InteractionResponseType.ChannelMessageWithSource, data: messageBody(reply) };
}

/** A page turn replaces the whole message, so parts the new page lacks are cleared. */
function update(reply: Reply): APIInteractionResponse {
  const { content, embeds, components, allowed_mentions } = messageBody(reply);
  return { type: InteractionResponseType.UpdateMessage, data: { content: content ?? '', embeds: embeds ?? [], components: components ?? [], allowed_mentions } };
}

function outcomeOf(reply: Reply): InteractionOutcome {
  return isPrivate(reply) ? 'notice' : 'answered';
}

async function apologise<Context>(interaction: Incoming, answering: Answering<Context>, reference: string, acknowledged: boolean): Promise<void> {
  const sorry = apology(interaction.caller.locale, reference);
  // Acknowledged already (deferred): the apology replaces the placeholder instead.
  if (acknowledged) return editOriginal(answering.rest, interaction, sorry);
  if (interaction.type === InteractionType.ApplicationCommandAutocomplete) {
    return answering.send({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } });
  }
  return answering.send(message(sorry));
}

/** The deferred reply, as an edit of the placeholder Discord shows meanwhile (no bot token: the interaction's own). */
async function editOriginal(rest: REST, interaction: Incoming, reply: Reply): Promise<void> {
  const { content, embeds, components, allowed_mentions } = messageBody(reply);
  await rest.patch(Routes.webhookMessage(interaction.applicationId, interaction.token, '@original'), { body: { content, embeds, components, allowed_mentions }, auth: false });
}

function isUnknownInteraction(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === RESTJSONErrorCodes.UnknownInteraction;
}

/**
 * What the bot reads of an interaction, each field checked for the type it must have. A signature says who
 * sent a request, not that its fields hold what Discord's documentation promises: a field of the wrong type
 * reads as absent (a locale as English, permissions as none), so an answer, or at worst an apology, always
 * goes out.
 */
interface Incoming {
  type: InteractionType.ApplicationCommand | InteractionType.ApplicationCommandAutocomplete | InteractionType.MessageComponent | InteractionType.ModalSubmit;
  id: string;
  token: string;
  applicationId: string;
  /** The command's name; for a button, the command its custom id names. */
  command: string;
  /** The subcommand named, for a command of subcommands (`list` of `/recap list`). */
  subcommand?: string;
  /** `{ actor: 'Rutte' }`: the options of the command, or of its subcommand. */
  options: Record<string, OptionValue>;
  /** Autocomplete: the option being typed. */
  focused?: Focused;
  customId?: string;
  /** A submitted form: its text fields by custom id. */
  formFields?: FormFields;
  caller: Caller;
}

type Fields = Readonly<Record<string, unknown>>;

const fields = (value: unknown): Fields | undefined => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : undefined);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

const ANSWERED_TYPES: readonly unknown[] = [InteractionType.ApplicationCommand, InteractionType.ApplicationCommandAutocomplete, InteractionType.MessageComponent, InteractionType.ModalSubmit];

function readInteraction(raw: unknown): Incoming | undefined {
  const interaction = fields(raw);
  const type = interaction?.type as Incoming['type'];
  const [id, token, applicationId] = [interaction?.id, interaction?.token, interaction?.application_id].map(text);
  if (!interaction || !ANSWERED_TYPES.includes(type) || !id || !token || !applicationId) return undefined;
  const data = fields(interaction.data) ?? {};
  const base = { type, id, token, applicationId, caller: callerOf(interaction, id, type) };
  if (type === InteractionType.MessageComponent || type === InteractionType.ModalSubmit) {
    const customId = text(data.custom_id) ?? '';
    const form = type === InteractionType.ModalSubmit ? { formFields: formFieldsOf(data.components) } : {};
    return { ...base, command: customId.split(':', 1)[0]!, customId, options: {}, ...form };
  }
  const { subcommand, options } = invoked(optionList(data.options));
  const focused = type === InteractionType.ApplicationCommandAutocomplete ? options.find((option) => option.focused === true) : undefined;
  return {
    ...base,
    command: text(data.name) ?? '',
    ...(subcommand === undefined ? {} : { subcommand }),
    options: optionValues(options),
    ...(focused ? { focused: { name: text(focused.name) ?? '', value: String(focused.value ?? '') } } : {}),
  };
}

/**
 * A submitted form's text inputs, by custom id: each in a label (`component`) or, as older clients send them,
 * in an action row (`components`). Anything else reads as absent.
 */
function formFieldsOf(value: unknown): FormFields {
  const found: Record<string, string> = {};
  const visit = (node: unknown) => {
    const item = fields(node);
    if (!item) return;
    const [id, typed] = [text(item.custom_id), text(item.value)];
    if (id !== undefined && typed !== undefined) found[id] = typed;
    visit(item.component);
    if (Array.isArray(item.components)) item.components.forEach(visit);
  };
  if (Array.isArray(value)) value.forEach(visit);
  return found;
}

/** The options of a command or subcommand: objects with a name, as Discord sends them. */
function optionList(value: unknown): Fields[] {
  const list: unknown[] = Array.isArray(value) ? value : [];
  return list.map(fields).filter((option): option is Fields => typeof option?.name === 'string');
}

/** A subcommand comes as the one option, of its type, holding the options given to it. */
function invoked(options: readonly Fields[]): { subcommand?: string; options: Fields[] } {
  const [first] = options;
  if (options.length === 1 && first!.type === ApplicationCommandOptionType.Subcommand) return { subcommand: first!.name as string, options: optionList(first!.options) };
  return { options: [...options] };
}

/** The values given, by option name; what is read of them is for the command's declaration to say (src/command/options.ts). */
function optionValues(options: readonly Fields[]): Record<string, OptionValue> {
  const values: Record<string, OptionValue> = {};
  for (const option of options) {
    if (typeof option.value === 'string' || typeof option.value === 'number' || typeof option.value === 'boolean') values[option.name as string] = option.value;
  }
  return values;
}

function callerOf(interaction: Fields, interactionId: string, type: Incoming['type']): Caller {
  const member = fields(interaction.member);
  const user = fields(member?.user) ?? fields(interaction.user);
  const guildId = text(interaction.guild_id) ?? null;
  const askedFor = fields(fields(interaction.message)?.interaction_metadata);
  return {
    interactionId,
    userId: text(user?.id) ?? '',
    userName: text(user?.username) ?? '',
    guildId,
    botInGuild: guildId !== null && fields(interaction.authorizing_integration_owners)?.[ApplicationIntegrationType.GuildInstall] === guildId,
    channelId: text(fields(interaction.channel)?.id) ?? text(interaction.channel_id) ?? null,
    // Permissions that do not read as bits grant nothing.
    permissions: member ? (permissionBits(member.permissions) ?? 0n) : null,
    // Discord sends the user's client language with every interaction but a PING.
    locale: localeOf(text(interaction.locale)),
    askedBy: type === InteractionType.MessageComponent || type === InteractionType.ModalSubmit ? (text(fields(askedFor?.user)?.id) ?? null) : null,
  };
}

/** Permissions as Discord sends them, a decimal string of bits; undefined for anything else. */
export function permissionBits(value: unknown): bigint | undefined {
  return typeof value === 'string' && /^\d{1,20}$/.test(value) ? BigInt(value) : undefined;
}

interface InteractionSummary {
  kind: 'command' | 'autocomplete' | 'button' | 'form';
  command: string;
  subcommand?: string;
  options?: Record<string, OptionValue>;
  customId?: string;
  guild: string | null;
  interactionId: string;
}

const KINDS = {
  [InteractionType.ApplicationCommand]: 'command',
  [InteractionType.ApplicationCommandAutocomplete]: 'autocomplete',
  [InteractionType.MessageComponent]: 'button',
  [InteractionType.ModalSubmit]: 'form',
} as const;

function describe(interaction: Incoming): InteractionSummary {
  const base = { kind: KINDS[interaction.type], command: interaction.command, guild: interaction.caller.guildId, interactionId: interaction.id };
  // A form's text is the reader's: it is stored for the editors, not logged.
  return interaction.type === InteractionType.MessageComponent || interaction.type === InteractionType.ModalSubmit
    ? { ...base, customId: interaction.customId }
    : { ...base, subcommand: interaction.subcommand, options: interaction.options };
}
