// The one place interactions meet discord.js: finds the command an interaction belongs to, runs its
// checks and builder (src/command/answer.ts), turns the reply into a discord.js call, answers once, and
// logs once with command, options, guild, latency and outcome. A failing command never takes the bot
// down: the user gets a short apology with a reference id, and the full error is logged under that id.
import { randomBytes } from 'node:crypto';
import {
  DiscordAPIError,
  Events,
  MessageFlags,
  RESTJSONErrorCodes,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Client,
  type CommandInteractionOption,
  type Interaction,
  type InteractionReplyOptions,
  type InteractionUpdateOptions,
} from 'discord.js';
import { answerButton, answerCommand, orNotice } from '../command/answer.js';
import type { Caller, Command, OptionValue } from '../command/command.js';
import { decodeButton } from '../render/custom-id.js';
import { isPrivate, messageBody, notice, type Reply } from '../render/reply.js';
import type { Logger } from '../log.js';

/** What became of an interaction, as logged. */
export type InteractionOutcome = 'answered' | 'notice' | 'failed' | 'expired' | 'unknown-command';

export const APOLOGY = 'Sorry, something went wrong on my side while answering that.';
export const NOT_MINE = notice('That button is not one of mine.');
export const UNKNOWN = notice("I don't know that command or button any more. Try `/brief`, or type `/` to see what I can do.");

export function answerInteractions<Context>(client: Client, commands: readonly Command<Context>[], contextNow: () => Context, log: Logger): void {
  const byName = new Map(commands.map((command) => [command.data.name, command]));
  client.on(Events.InteractionCreate, (interaction) => void handle(interaction, byName, contextNow, log));
}

async function handle<Context>(interaction: Interaction, commands: ReadonlyMap<string, Command<Context>>, contextNow: () => Context, log: Logger): Promise<void> {
  const started = performance.now();
  const summary = describe(interaction);
  if (!summary) return;
  let outcome: InteractionOutcome;
  let reference: string | undefined;
  try {
    const command = commands.get(summary.command);
    const context = contextNow();
    if (interaction.isChatInputCommand()) outcome = command ? await chatInput(interaction, command, context) : await send(interaction, UNKNOWN, 'unknown-command');
    else if (interaction.isAutocomplete()) outcome = await autocomplete(interaction, command, context);
    else if (interaction.isButton()) outcome = await button(interaction, command, context);
    else return;
  } catch (error) {
    if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownInteraction) {
      // Discord no longer accepts an answer (the 3-second window passed); retrying cannot help.
      outcome = 'expired';
    } else {
      outcome = 'failed';
      reference = randomBytes(4).toString('hex').toUpperCase();
      log.error({ err: error, reference, ...summary }, 'interaction handler failed');
      await apologise(interaction, reference).catch((apologyError: unknown) => log.warn({ err: apologyError, reference }, 'could not send the apology'));
    }
  }
  const latencyMs = Math.round((performance.now() - started) * 10) / 10;
  log[outcome === 'failed' || outcome === 'expired' ? 'warn' : 'info']({ ...summary, latencyMs, outcome, reference }, 'interaction');
}

async function chatInput<Context>(interaction: ChatInputCommandInteraction, command: Command<Context>, context: Context): Promise<InteractionOutcome> {
  const request = { caller: callerOf(interaction), options: optionValues(interaction.options.data) };
  if (command.defers?.(request)) {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const reply = await answerCommand(command, context, request);
    const { content, embeds, components, allowed_mentions } = messageBody(reply);
    await interaction.editReply({ content, embeds, components: asIs(components), allowedMentions: allowed_mentions });
    return outcomeOf(reply);
  }
  return send(interaction, await answerCommand(command, context, request));
}

async function autocomplete<Context>(interaction: AutocompleteInteraction, command: Command<Context> | undefined, context: Context): Promise<InteractionOutcome> {
  const focused = interaction.options.getFocused(true);
  const request = { caller: callerOf(interaction), options: optionValues(interaction.options.data) };
  // A mistake (say, no Manage Server for a list of the server's recaps) offers nothing rather than an error.
  const choices = command?.autocomplete
    ? await orNotice(() => command.autocomplete!(context, { name: focused.name, value: String(focused.value) }, request), () => [])
    : [];
  await interaction.respond(choices);
  return 'answered';
}

async function button<Context>(interaction: ButtonInteraction, command: Command<Context> | undefined, context: Context): Promise<InteractionOutcome> {
  const ref = decodeButton(interaction.customId);
  if (!command) return send(interaction, UNKNOWN, 'unknown-command');
  const pressed = ref && answerButton(command, context, ref, callerOf(interaction));
  if (!pressed) return send(interaction, NOT_MINE);
  const { reply, replace } = await pressed;
  if (!replace) return send(interaction, reply);
  await interaction.update(updateOptions(reply));
  return outcomeOf(reply);
}

function callerOf(interaction: ChatInputCommandInteraction | AutocompleteInteraction | ButtonInteraction): Caller {
  return {
    interactionId: interaction.id,
    userId: interaction.user.id,
    userName: interaction.user.username,
    guildId: interaction.guildId,
    botInGuild: interaction.guildId !== null && interaction.authorizingIntegrationOwners.guildId === interaction.guildId,
    channelId: interaction.channelId,
    permissions: interaction.memberPermissions?.bitfield ?? null,
    askedBy: interaction.isButton() ? (interaction.message.interactionMetadata?.user.id ?? null) : null,
  };
}

async function send(interaction: ChatInputCommandInteraction | ButtonInteraction, reply: Reply, outcome = outcomeOf(reply)): Promise<InteractionOutcome> {
  await interaction.reply(replyOptions(reply));
  return outcome;
}

export function outcomeOf(reply: Reply): InteractionOutcome {
  return isPrivate(reply) ? 'notice' : 'answered';
}

/** Our payload (Discord's JSON) in the shape discord.js takes. */
function replyOptions(reply: Reply): InteractionReplyOptions {
  const { content, embeds, components, flags, allowed_mentions } = messageBody(reply);
  return { content, embeds, components: asIs(components), flags, allowedMentions: allowed_mentions };
}

/** A page turn replaces the whole message, so parts the new page lacks are cleared. */
function updateOptions(reply: Reply): InteractionUpdateOptions {
  const { content, embeds, components, allowed_mentions } = messageBody(reply);
  return { content: content ?? '', embeds: embeds ?? [], components: asIs(components ?? []), allowedMentions: allowed_mentions };
}

/**
 * Our rows are Discord's JSON already. Handed over as plain objects, discord.js would run each through its
 * JSON transformer (a deep snake-casing of every key, with lodash, on every reply); as JSON-encodable values
 * they are sent as they are.
 */
function asIs<Row extends object>(rows: readonly Row[]): { toJSON(): Row }[];
function asIs<Row extends object>(rows: readonly Row[] | undefined): { toJSON(): Row }[] | undefined;
function asIs<Row extends object>(rows: readonly Row[] | undefined): { toJSON(): Row }[] | undefined {
  return rows?.map((row) => ({ toJSON: () => row }));
}

export interface InteractionSummary {
  kind: 'command' | 'autocomplete' | 'button';
  command: string;
  options?: Record<string, unknown>;
  customId?: string;
  guild: string | null;
  interactionId: string;
}

function describe(interaction: Interaction): InteractionSummary | undefined {
  const base = { guild: interaction.guildId, interactionId: interaction.id };
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) {
    return { ...base, kind: interaction.isAutocomplete() ? 'autocomplete' : 'command', command: interaction.commandName, options: optionValues(interaction.options.data) };
  }
  if (interaction.isButton()) return { ...base, kind: 'button', command: interaction.customId.split(':', 1)[0]!, customId: interaction.customId };
  return undefined;
}

/** An option as discord.js and Discord's own JSON both give it. */
export type OptionData = Pick<CommandInteractionOption, 'name'> & { value?: unknown; options?: readonly OptionData[] };

/** `{ actor: 'Rutte' }`; a subcommand becomes `{ subcommand: 'list', ... }`. */
export function optionValues(options: readonly OptionData[]): Record<string, OptionValue> {
  const values: Record<string, OptionValue> = {};
  for (const option of options) {
    if (option.options) Object.assign(values, { subcommand: option.name }, optionValues(option.options));
    else if (typeof option.value === 'string' || typeof option.value === 'number' || typeof option.value === 'boolean') values[option.name] = option.value;
  }
  return values;
}

async function apologise(interaction: Interaction, reference: string): Promise<void> {
  if (interaction.isAutocomplete()) {
    if (!interaction.responded) await interaction.respond([]);
    return;
  }
  if (!interaction.isRepliable()) return;
  const message = replyOptions(notice(`${APOLOGY} Reference: \`${reference}\`.`));
  if (interaction.replied || interaction.deferred) await interaction.followUp(message);
  else await interaction.reply(message);
}
