// The interactions endpoint (INTERACTIONS=http): Discord POSTs each interaction to this server instead of
// sending it over a gateway connection, and takes the answer from the HTTP response. Every request's
// Ed25519 signature is checked first: anything unsigned, badly signed or signed more than 5 minutes from
// now gets 401 and is never read further. An interaction already answered (a captured request sent
// again, to this replica or another) gets 409 and is not run twice. Everything else is answered by
// answerInteraction, as on the gateway, with the response in the HTTP response; a command that defers is
// acknowledged (type 5) there and its reply follows as an edit of @original over REST. A signed request
// the bot cannot answer (not a kind it answers, or missing what an answer needs) gets 400: every signed
// request gets a response.
import type { KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { REST } from '@discordjs/rest';
import { InteractionResponseType, InteractionType, type APIInteraction } from 'discord-api-types/v10';
import type { Command } from '../command/command.js';
import type { Logger } from '../log.js';
import { answerInteraction, commandsByName } from './answer-interaction.js';
import { listenOn } from './listen.js';
import { isFresh, isSignedByDiscord } from './signature.js';

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
  /**
   * True the first time an interaction id is seen, by any replica: the recap database remembers them.
   * When it cannot be asked, the interaction is answered anyway (a replay then still has to be recent).
   */
  firstAnswer?: (interactionId: string) => Promise<boolean>;
  /** The clock signatures' timestamps are compared with; tests set it. */
  now?: () => number;
}

export async function serveInteractions<Context>(options: EndpointOptions<Context>): Promise<InteractionsEndpoint> {
  const byName = commandsByName(options.commands);
  const inFlight = new Set<Promise<unknown>>();
  const server = createServer((req, res) => {
    const work = handleRequest(req, res, byName, options).catch((error: unknown) => {
      options.log.error({ err: error }, 'interactions endpoint failed');
      if (!res.headersSent) res.writeHead(500).end();
    });
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  });
  await listenOn(server, options.port, options.host ?? '0.0.0.0');
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
  if (!isFresh(timestamp, options.now?.() ?? Date.now())) {
    options.log.warn({ timestamp }, 'refused an interaction request signed too long ago (a replay, or a clock far off)');
    return respond(res, 401, { message: 'request signed too long ago' });
  }
  let interaction: APIInteraction;
  try {
    interaction = JSON.parse(raw.toString('utf8')) as APIInteraction;
  } catch {
    return respond(res, 400);
  }
  if (typeof interaction !== 'object' || interaction === null) return respond(res, 400);
  if (interaction.type === InteractionType.Ping) return respond(res, 200, { type: InteractionResponseType.Pong });
  const id: unknown = interaction.id;
  if (typeof id === 'string' && !(await isFirstAnswer(options, id))) {
    options.log.warn({ interactionId: id }, 'refused an interaction already answered (a replayed request)');
    return respond(res, 409, { message: 'interaction already answered' });
  }
  await answerInteraction(interaction, {
    commands,
    context: options.contextFor(interaction),
    send: (response) => respond(res, 200, response),
    rest: options.rest,
    log: options.log,
    logFields: { via: 'http' },
  });
  // Not a kind the bot answers, or too malformed to answer: said at once, never left to time out.
  if (!res.headersSent) respond(res, 400);
}

async function isFirstAnswer<Context>(options: EndpointOptions<Context>, interactionId: string): Promise<boolean> {
  try {
    return (await options.firstAnswer?.(interactionId)) ?? true;
  } catch (error) {
    options.log.warn({ err: error, interactionId }, 'could not check whether the interaction was already answered; answering it');
    return true;
  }
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};
