// The interactions endpoint (INTERACTIONS=http): Discord POSTs each interaction to this server instead of
// sending it over a gateway connection, and takes the answer from the HTTP response. Every request's
// Ed25519 signature is checked first: anything unsigned or badly signed gets 401 and is never read
// further. Commands, autocomplete and buttons are answered by the same functions as on the gateway
// (src/command/answer.ts); a command that defers is acknowledged (type 5) in the response and its reply
// follows as an edit of @original over REST. Logged once per interaction like the gateway adapter; the
// interaction token is never logged.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ApplicationIntegrationType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  Routes,
  type APIInteraction,
  type APIInteractionResponse,
  type REST,
} from 'discord.js';
import { answerButton, answerCommand, orNotice } from '../command/answer.js';
import type { Caller, Command } from '../command/command.js';
import type { Logger } from '../log.js';
import { decodeButton } from '../render/custom-id.js';
import { messageBody, notice, type Reply } from '../render/reply.js';
import { APOLOGY, NOT_MINE, optionValues, outcomeOf, UNKNOWN, type InteractionOutcome, type InteractionSummary, type OptionData } from './adapter.js';
import { isSignedByDiscord } from './signature.js';
import type { KeyObject } from 'node:crypto';

/** Discord's interactions are small; anything far larger is not from Discord. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface InteractionsEndpoint {
  server: Server;
  port: number;
  close(): Promise<void>;
}

export interface EndpointOptions<Context> {
  port: number;
  host?: string;
  publicKey: KeyObject;
  commands: readonly Command<Context>[];
  /** The context for one interaction (its payload gives, e.g., the bot's permissions in its channel). */
  contextFor: (interaction: APIInteraction) => Context;
  rest: REST;
  log: Logger;
}

export async function serveInteractions<Context>(options: EndpointOptions<Context>): Promise<InteractionsEndpoint> {
  const byName = new Map(options.commands.map((command) => [command.data.name, command]));
  const inFlight = new Set<Promise<unknown>>();
  const server = createServer((req, res) => {
    const work = handleRequest(req, res, byName, options).catch((error: unknown) => {
      options.log.error({ err: error }, 'interactions endpoint failed');
      if (!res.headersSent) res.writeHead(500).end();
    });
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', resolve);
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await Promise.allSettled(inFlight);
    },
  };
}

async function readRaw(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function respond(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) res.writeHead(status).end();
  else res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}

async function handleRequest<Context>(req: IncomingMessage, res: ServerResponse, commands: ReadonlyMap<string, Command<Context>>, options: EndpointOptions<Context>): Promise<void> {
  if (req.method !== 'POST') return respond(res, 405);
  const raw = await readRaw(req);
  if (!raw) return respond(res, 413);
  const signature = header(req, 'x-signature-ed25519');
  const timestamp = header(req, 'x-signature-timestamp');
  if (!isSignedByDiscord(options.publicKey, signature, timestamp, raw)) {
    options.log.warn({ signed: Boolean(signature && timestamp) }, 'refused an interaction request without a valid signature');
    return respond(res, 401, { message: 'invalid request signature' });
  }
  let interaction: APIInteraction;
  try {
    interaction = JSON.parse(raw.toString('utf8')) as APIInteraction;
  } catch {
    return respond(res, 400);
  }
  if (interaction.type === InteractionType.Ping) return respond(res, 200, { type: InteractionResponseType.Pong });
  await answer(interaction, res, commands, options);
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

async function answer<Context>(interaction: APIInteraction, res: ServerResponse, commands: ReadonlyMap<string, Command<Context>>, options: EndpointOptions<Context>): Promise<void> {
  const started = performance.now();
  const summary = describe(interaction);
  if (!summary) return respond(res, 400);
  const { log } = options;
  let outcome: InteractionOutcome;
  let reference: string | undefined;
  let followUp: Promise<InteractionOutcome> | undefined;
  try {
    const command = commands.get(summary.command);
    const context = options.contextFor(interaction);
    const caller = callerOf(interaction);
    const given = optionValues(commandOptions(interaction));
    let response: APIInteractionResponse;
    if (interaction.type === InteractionType.ApplicationCommand) {
      const request = { caller, options: given };
      if (!command) response = message(UNKNOWN);
      else if (command.defers?.(request)) {
        response = { type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } };
        // Sent after the acknowledgement: Discord accepts the edit for 15 minutes.
        followUp = answerCommand(command, context, request).then((reply) => editOriginal(options.rest, interaction, reply).then(() => outcomeOf(reply)));
      } else response = message(await answerCommand(command, context, request));
    } else if (interaction.type === InteractionType.ApplicationCommandAutocomplete) {
      const focused = findFocused(commandOptions(interaction));
      const choices =
        command?.autocomplete && focused
          ? await orNotice(() => command.autocomplete!(context, { name: focused.name, value: String(focused.value ?? '') }, { caller, options: given }), () => [])
          : [];
      response = { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } };
    } else if (interaction.type === InteractionType.MessageComponent) {
      const ref = decodeButton(interaction.data.custom_id);
      const pressed = command && ref && answerButton(command, context, ref, caller);
      if (!command) response = message(UNKNOWN);
      else if (!pressed) response = message(NOT_MINE);
      else {
        const { reply, replace } = await pressed;
        response = replace ? update(reply) : message(reply);
      }
    } else return respond(res, 400);
    respond(res, 200, response);
    outcome = followUp ? await followUp : outcomeOfResponse(response);
  } catch (error) {
    outcome = 'failed';
    reference = randomBytes(4).toString('hex').toUpperCase();
    log.error({ err: error, reference, ...summary }, 'interaction handler failed');
    const apology = notice(`${APOLOGY} Reference: \`${reference}\`.`);
    if (!res.headersSent) {
      respond(res, 200, interaction.type === InteractionType.ApplicationCommandAutocomplete ? { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } } : message(apology));
    } else if (followUp) {
      await editOriginal(options.rest, interaction, apology).catch((apologyError: unknown) => log.warn({ err: apologyError, reference }, 'could not send the apology'));
    }
  }
  const latencyMs = Math.round((performance.now() - started) * 10) / 10;
  log[outcome === 'failed' ? 'warn' : 'info']({ ...summary, latencyMs, outcome, reference, via: 'http' }, 'interaction');
}

function message(reply: Reply): APIInteractionResponse {
  return { type: InteractionResponseType.ChannelMessageWithSource, data: messageBody(reply) };
}

/** A page turn replaces the whole message, so parts the new page lacks are cleared. */
function update(reply: Reply): APIInteractionResponse {
  const { content, embeds, components, allowed_mentions } = messageBody(reply);
  return { type: InteractionResponseType.UpdateMessage, data: { content: content ?? '', embeds: embeds ?? [], components: components ?? [], allowed_mentions } };
}

function outcomeOfResponse(response: APIInteractionResponse): InteractionOutcome {
  if (response.type === InteractionResponseType.ChannelMessageWithSource && ((response.data?.flags ?? 0) & MessageFlags.Ephemeral) !== 0) return 'notice';
  return 'answered';
}

/** The deferred reply, as an edit of the placeholder Discord shows meanwhile (no bot token: the interaction's own). */
async function editOriginal(rest: REST, interaction: APIInteraction, reply: Reply): Promise<void> {
  const { content, embeds, components, allowed_mentions } = messageBody(reply);
  await rest.patch(Routes.webhookMessage(interaction.application_id, interaction.token, '@original'), { body: { content, embeds, components, allowed_mentions }, auth: false });
}

function commandOptions(interaction: APIInteraction): readonly OptionData[] {
  if (interaction.type === InteractionType.ApplicationCommand || interaction.type === InteractionType.ApplicationCommandAutocomplete) {
    return ('options' in interaction.data ? (interaction.data.options ?? []) : []) as readonly OptionData[];
  }
  return [];
}

function findFocused(options: readonly OptionData[]): { name: string; value?: unknown } | undefined {
  for (const option of options as readonly (OptionData & { focused?: boolean })[]) {
    if (option.focused) return option;
    const nested = option.options && findFocused(option.options);
    if (nested) return nested;
  }
  return undefined;
}

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
    askedBy: interaction.type === InteractionType.MessageComponent ? (interaction.message.interaction_metadata?.user.id ?? null) : null,
  };
}

function describe(interaction: APIInteraction): InteractionSummary | undefined {
  const base = { guild: interaction.guild_id ?? null, interactionId: interaction.id };
  if (interaction.type === InteractionType.ApplicationCommand || interaction.type === InteractionType.ApplicationCommandAutocomplete) {
    const kind = interaction.type === InteractionType.ApplicationCommandAutocomplete ? 'autocomplete' : 'command';
    return { ...base, kind, command: interaction.data.name, options: optionValues(commandOptions(interaction)) };
  }
  if (interaction.type === InteractionType.MessageComponent) {
    return { ...base, kind: 'button', command: interaction.data.custom_id.split(':', 1)[0]!, customId: interaction.data.custom_id };
  }
  return undefined;
}
