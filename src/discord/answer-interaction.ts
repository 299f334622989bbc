// One interaction, as Discord sends it (its JSON, from the gateway or the HTTP endpoint), answered once:
// finds the command, runs its checks and builder (src/command/answer.ts), hands Discord's response JSON to
// the transport (the HTTP response, or the callback endpoint over REST), and logs once with command,
// options, guild, latency and outcome. A command that defers is acknowledged first and its reply follows
// as an edit of @original. A failing command never takes the bot down: the user gets a short apology
// with a reference id, and the full error is logged under that id. The interaction token is never logged.
import { randomBytes } from 'node:crypto';
import {
  ApplicationIntegrationType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  RESTJSONErrorCodes,
  Routes,
  type APIInteraction,
  type APIInteractionResponse,
  type REST,
} from 'discord.js';
import { answerButton, answerCommand, orNotice } from '../command/answer.js';
import type { Caller, Command, OptionValue } from '../command/command.js';
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

/** Answers `interaction`; false when it is not a kind the bot answers (a ping, a modal), which is left alone. */
export async function answerInteraction<Context>(interaction: APIInteraction, answering: Answering<Context>): Promise<boolean> {
  const started = performance.now();
  const summary = describe(interaction);
  if (!summary) return false;
  const { log } = answering;
  let acknowledged = false;
  let outcome: InteractionOutcome;
  let reference: string | undefined;
  try {
    const answer = await responseTo(interaction, answering, summary.options ?? {});
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

/** `options`: the interaction's option values, as its log line shows them. */
async function responseTo<Context>(interaction: APIInteraction, { commands, context }: Answering<Context>, options: Record<string, OptionValue>): Promise<Answer> {
  const caller = callerOf(interaction);
  if (interaction.type === InteractionType.ApplicationCommandAutocomplete) {
    const command = commands.get(interaction.data.name);
    const focused = findFocused(commandOptions(interaction));
    const request = { caller, options };
    // A mistake (say, no Manage Server for a list of the server's recaps) offers nothing rather than an error.
    const choices =
      command?.autocomplete && focused ? await orNotice(() => command.autocomplete!(context, { name: focused.name, value: String(focused.value ?? '') }, request), () => []) : [];
    return { response: { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } }, outcome: 'answered' };
  }
  if (interaction.type === InteractionType.ApplicationCommand) {
    const command = commands.get(interaction.data.name);
    if (!command) return { response: message(unknownCommand(caller.locale)), outcome: 'unknown-command' };
    const request = { caller, options };
    if (command.defers?.(request)) {
      const response = { type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } } as const;
      return { response, outcome: 'answered', followUp: () => answerCommand(command, context, request) };
    }
    return reply(await answerCommand(command, context, request));
  }
  if (interaction.type !== InteractionType.MessageComponent) throw new Error('not an interaction the bot answers');
  const command = commands.get(commandOfButton(interaction.data.custom_id));
  if (!command) return { response: message(unknownCommand(caller.locale)), outcome: 'unknown-command' };
  const ref = decodeButton(interaction.data.custom_id);
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

async function apologise<Context>(interaction: APIInteraction, answering: Answering<Context>, reference: string, acknowledged: boolean): Promise<void> {
  const sorry = apology(callerOf(interaction).locale, reference);
  // Acknowledged already (deferred): the apology replaces the placeholder instead.
  if (acknowledged) return editOriginal(answering.rest, interaction, sorry);
  if (interaction.type === InteractionType.ApplicationCommandAutocomplete) {
    return answering.send({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } });
  }
  return answering.send(message(sorry));
}

/** The deferred reply, as an edit of the placeholder Discord shows meanwhile (no bot token: the interaction's own). */
async function editOriginal(rest: REST, interaction: APIInteraction, reply: Reply): Promise<void> {
  const { content, embeds, components, allowed_mentions } = messageBody(reply);
  await rest.patch(Routes.webhookMessage(interaction.application_id, interaction.token, '@original'), { body: { content, embeds, components, allowed_mentions }, auth: false });
}

function isUnknownInteraction(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === RESTJSONErrorCodes.UnknownInteraction;
}

/** An option as Discord's JSON gives it. */
interface OptionData {
  name: string;
  value?: unknown;
  focused?: boolean;
  options?: readonly OptionData[];
}

/** `{ actor: 'Rutte' }`; a subcommand becomes `{ subcommand: 'list', ... }`. */
function optionValues(options: readonly OptionData[]): Record<string, OptionValue> {
  const values: Record<string, OptionValue> = {};
  for (const option of options) {
    if (option.options) Object.assign(values, { subcommand: option.name }, optionValues(option.options));
    else if (typeof option.value === 'string' || typeof option.value === 'number' || typeof option.value === 'boolean') values[option.name] = option.value;
  }
  return values;
}

function commandOptions(interaction: APIInteraction): readonly OptionData[] {
  if (interaction.type === InteractionType.ApplicationCommand || interaction.type === InteractionType.ApplicationCommandAutocomplete) {
    return ('options' in interaction.data ? (interaction.data.options ?? []) : []) as readonly OptionData[];
  }
  return [];
}

function findFocused(options: readonly OptionData[]): OptionData | undefined {
  for (const option of options) {
    if (option.focused) return option;
    const nested = option.options && findFocused(option.options);
    if (nested) return nested;
  }
  return undefined;
}

const commandOfButton = (customId: string): string => customId.split(':', 1)[0]!;

function callerOf(interaction: APIInteraction): Caller {
  const user = interaction.member?.user ?? interaction.user;
  return {
    interactionId: interaction.id,
    userId: user?.id ?? '',
    userName: user?.username ?? '',
    guildId: interaction.guild_id ?? null,
    botInGuild: interaction.guild_id !== undefined && interaction.authorizing_integration_owners[ApplicationIntegrationType.GuildInstall] === interaction.guild_id,
    channelId: interaction.channel?.id ?? interaction.channel_id ?? null,
    permissions: interaction.member ? BigInt(interaction.member.permissions) : null,
    // Discord sends the user's client language with every interaction but a PING.
    locale: localeOf('locale' in interaction ? interaction.locale : undefined),
    askedBy: interaction.type === InteractionType.MessageComponent ? (interaction.message.interaction_metadata?.user.id ?? null) : null,
  };
}

interface InteractionSummary {
  kind: 'command' | 'autocomplete' | 'button';
  command: string;
  options?: Record<string, OptionValue>;
  customId?: string;
  guild: string | null;
  interactionId: string;
}

function describe(interaction: APIInteraction): InteractionSummary | undefined {
  const base = { guild: interaction.guild_id ?? null, interactionId: interaction.id };
  if (interaction.type === InteractionType.ApplicationCommand || interaction.type === InteractionType.ApplicationCommandAutocomplete) {
    const kind = interaction.type === InteractionType.ApplicationCommandAutocomplete ? 'autocomplete' : 'command';
    return { ...base, kind, command: interaction.data.name, options: optionValues(commandOptions(interaction)) };
  }
  if (interaction.type === InteractionType.MessageComponent) {
    return { ...base, kind: 'button', command: commandOfButton(interaction.data.custom_id), customId: interaction.data.custom_id };
  }
  return undefined;
}
