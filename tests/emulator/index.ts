/**
 * Discord API emulator for end-to-end tests and benchmarks: a real discord.js
 * 14 bot talks to it over HTTP and WebSocket on 127.0.0.1.
 *
 *   const emu = await startEmulator();
 *   spawn bot with env DISCORD_API_URL=emu.restUrl and the token emu.token
 *   await emu.waitForReady();
 *   const reply = await emu.injectCommand({ name: 'ask', options: { question: 'why?' } }).waitForReply();
 *   await emu.close();
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CommandStore } from './commands.js';
import { FaultInjector, type FaultRule, type HoldRule } from './faults.js';
import { Gateway } from './gateway.js';
import {
  InteractionFactory,
  type AutocompleteInjection,
  type BuiltInteraction,
  type ButtonInjection,
  type CommandInjection,
  type FormInjection,
} from './inject.js';
import { CALLBACK_DEADLINE_MS, InteractionRegistry, type InjectedInteraction } from './interactions.js';
import { MessageStore, type StoredMessage } from './messages.js';
import { OAuth } from './oauth.js';
import { TokenBucket, WindowLimiter, type RateLimitOptions } from './ratelimit.js';
import { RestApi, type RecordedRequest } from './rest.js';
import { randomToken, snowflake } from './snowflake.js';
import { Threads } from './threads.js';
import { waitUntil } from './waiters.js';
import { World, type GuildSpec, type ResolvedChannel, type ResolvedGuild } from './world.js';

export { ErrorCode } from './errors.js';
export type { FaultRule, HoldRule } from './faults.js';
export type {
  AutocompleteInjection,
  ButtonInjection,
  CommandInjection,
  FormInjection,
  InteractionContext,
  OptionInput,
  OptionValue,
} from './inject.js';
export {
  CallbackType,
  type InjectedInteraction,
  type InteractionReply,
  type InteractionTraffic,
} from './interactions.js';
export { Limits } from './limits.js';
export { MessageFlag, type StoredMessage } from './messages.js';
export { EVERYONE_PERMISSIONS, Permission } from './permissions.js';
export type { RateLimitOptions } from './ratelimit.js';
export type { RecordedRequest } from './rest.js';
export type { OAuthUser } from './oauth.js';
export type { ChannelSpec, GuildSpec, ResolvedChannel, ResolvedGuild } from './world.js';

export interface EmulatorOptions {
  /** Bot token the emulator accepts (default: a random one, see `emulator.token`). */
  token?: string;
  /** Application id (default: a fresh snowflake); also the bot user id unless `botUserId` is set. */
  applicationId?: string;
  botUserId?: string;
  /** Default: one guild with a few text channels. */
  guilds?: GuildSpec[];
  /** HELLO heartbeat interval (default 41250 ms, as Discord). */
  heartbeatIntervalMs?: number;
  /** Really enforce a per-channel limit on POST /channels/{id}/messages (off by default). */
  rateLimit?: RateLimitOptions;
  /** First-callback deadline (default 3000 ms, as Discord). */
  interactionDeadlineMs?: number;
  /**
   * Discord's global rate limit per bot token, in requests per second (default 50, as Discord; `false`
   * turns it off). Exceeding it gets a 429 with `global: true` and X-RateLimit-Global.
   */
  globalRateLimit?: number | false;
  /** POST /channels/{id}/messages is carried out at once but answered this many ms later (default 0). */
  messageLatencyMs?: number;
  /**
   * The application's Interactions Endpoint URL: when set, interactions are POSTed there, signed with
   * the emulator's Ed25519 key (`publicKey`) as Discord signs them, instead of sent over the gateway.
   */
  interactionsUrl?: string;
  /**
   * Check every request body against Discord's published API schemas (default true). The end-to-end
   * bench turns it off: it times the bot, and these checks cost the emulator ~0.25 ms per 5 KB reply.
   */
  checkBodies?: boolean;
}

/** What an interactions endpoint answered to one signed (or deliberately unsigned) request. */
export interface EndpointResponse {
  status: number;
  body: unknown;
}

const DEFAULT_WAIT_MS = 5000;
/** Discord: 50 requests per second per bot token, across every process using it. */
const GLOBAL_RATE_LIMIT_PER_SECOND = 50;
const DEFAULT_GATEWAY_WAIT_MS = 10_000;
const DEFAULT_HEARTBEAT_INTERVAL_MS = 41_250;
const RESUMABLE_CLOSE_CODE = 4000;

export class Emulator {
  /** `http://127.0.0.1:PORT/api`: the bot's `rest.api` option / DISCORD_API_URL. */
  readonly restUrl: string;
  readonly gatewayUrl: string;
  readonly token: string;
  readonly applicationId: string;
  readonly botUserId: string;
  /** The user injected interactions come from unless `userId` is given. */
  readonly defaultUserId = snowflake();
  readonly guilds: readonly ResolvedGuild[];
  readonly commands: CommandStore;
  /** Sign in with Discord (OAuth2): `oauth.signInAs(...)` picks who the browser is; `oauth.clientSecret` is the app's secret. */
  readonly oauth: OAuth;
  readonly #server: Server;
  readonly #world: World;
  readonly #messages: MessageStore;
  readonly #threads: Threads;
  readonly #interactions: InteractionRegistry;
  readonly #factory: InteractionFactory;
  readonly #faults = new FaultInjector();
  readonly #gateway: Gateway;
  readonly #rest: RestApi;
  readonly #privateKey: KeyObject;
  /** The application's public key, as the Developer Portal shows it (64 hex digits): DISCORD_PUBLIC_KEY. */
  readonly publicKey: string;
  #interactionsUrl: string | undefined;
  readonly #deadlineMs: number;
  readonly #endpointAgent = new Agent({ keepAlive: true });

  private constructor(server: Server, port: number, options: EmulatorOptions) {
    this.#server = server;
    this.restUrl = `http://127.0.0.1:${port}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${port}`;
    this.applicationId = options.applicationId ?? snowflake();
    this.botUserId = options.botUserId ?? this.applicationId;
    this.token = options.token ?? `${Buffer.from(this.botUserId).toString('base64url')}.emu.${randomToken(20)}`;
    this.#world = new World(this.botUserId, options.guilds);
    this.guilds = this.#world.guilds;
    this.commands = new CommandStore(this.applicationId);
    this.oauth = new OAuth(this.applicationId);
    this.#messages = new MessageStore(this.#world.botUser, this.applicationId);
    this.#threads = new Threads(this.#world, this.#messages);
    const deadlineMs = options.interactionDeadlineMs ?? CALLBACK_DEADLINE_MS;
    this.#deadlineMs = deadlineMs;
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    this.#privateKey = privateKey;
    this.publicKey = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
    this.#interactionsUrl = options.interactionsUrl;
    this.#interactions = new InteractionRegistry(this.applicationId, this.#messages, deadlineMs, options.checkBodies ?? true);
    this.#factory = new InteractionFactory(
      this.#world,
      this.commands,
      this.#messages,
      this.applicationId,
      this.defaultUserId,
    );
    this.#gateway = new Gateway(server, {
      url: this.gatewayUrl,
      token: this.token,
      applicationId: this.applicationId,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT_INTERVAL_MS,
      world: this.#world,
    });
    this.#rest = new RestApi({
      token: this.token,
      applicationId: this.applicationId,
      gatewayUrl: this.gatewayUrl,
      world: this.#world,
      messages: this.#messages,
      threads: this.#threads,
      commands: this.commands,
      interactions: this.#interactions,
      faults: this.#faults,
      oauth: this.oauth,
      checkBodies: options.checkBodies ?? true,
      ...(options.rateLimit ? { limiter: new WindowLimiter(options.rateLimit) } : {}),
      ...(options.globalRateLimit === false ? {} : { globalLimiter: new TokenBucket(options.globalRateLimit ?? GLOBAL_RATE_LIMIT_PER_SECOND) }),
      ...(options.messageLatencyMs ? { messageLatencyMs: options.messageLatencyMs } : {}),
    });
    server.on('request', (req, res) => void this.#rest.handle(req, res));
  }

  static async start(options: EmulatorOptions = {}): Promise<Emulator> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    return new Emulator(server, (server.address() as AddressInfo).port, options);
  }

  /** Every REST request, in completion order. */
  get requests(): readonly RecordedRequest[] {
    return this.#rest.requests;
  }

  /** How many requests were refused with a global 429 (over 50 a second for the token). */
  get globalRateLimited(): number {
    return this.#rest.globalRateLimited;
  }

  /** Requests that matched no emulated route (answered 404). */
  get unmatched(): readonly RecordedRequest[] {
    return this.#rest.unmatched;
  }

  get identifyCount(): number {
    return this.#gateway.identifyCount;
  }

  get resumeCount(): number {
    return this.#gateway.resumeCount;
  }

  /** Messages the bot posted with POST /channels/{id}/messages, oldest first. */
  messages(channelId: string): readonly StoredMessage[] {
    return this.#messages.inChannel(channelId);
  }

  /** Any message the emulator stores: channel posts, interaction replies, follow-ups. */
  message(id: string): StoredMessage | undefined {
    return this.#messages.get(id);
  }

  /** A channel by name (in `guildId`, else in any guild). */
  channel(name: string, guildId?: string): ResolvedChannel {
    const found = this.guilds
      .filter((guild) => guildId === undefined || guild.id === guildId)
      .flatMap((guild) => guild.channels)
      .find((channel) => channel.name === name);
    if (!found) throw new Error(`Emulator: no channel named ${name}`);
    return found;
  }

  /** The threads (and forum posts) in a channel, oldest first. */
  threads(parentId: string): readonly ResolvedChannel[] {
    return this.#world.threadsIn(parentId);
  }

  /** Archives a thread, as Discord does after its inactivity period, or as a moderator locking it. */
  archiveThread(threadId: string, options: { locked?: boolean } = {}): void {
    const thread = this.#world.channel(threadId);
    if (!thread) throw new Error(`Emulator: no thread ${threadId}`);
    this.#threads.archive(thread, options);
  }

  /** Deletes a channel or thread, as a moderator would; requests for it then get 404 Unknown Channel. */
  deleteChannel(channelId: string): void {
    this.#world.deleteChannel(channelId);
  }

  /** Ids of the messages published (crossposted) from announcement channels, in order. */
  get crossposted(): readonly string[] {
    return this.#threads.crossposted;
  }

  injectCommand(injection: CommandInjection): InjectedInteraction {
    return this.#launch(this.#factory.command(injection));
  }

  injectAutocomplete(injection: AutocompleteInjection): InjectedInteraction {
    return this.#launch(this.#factory.autocomplete(injection));
  }

  injectButton(injection: ButtonInjection): InjectedInteraction {
    return this.#launch(this.#factory.button(injection));
  }

  injectForm(injection: FormInjection): InjectedInteraction {
    return this.#launch(this.#factory.form(injection));
  }

  #launch(built: BuiltInteraction): InjectedInteraction {
    if (this.#interactionsUrl === undefined) {
      this.#gateway.dispatch('INTERACTION_CREATE', built.payload);
      return this.#interactions.register(built);
    }
    const injected = this.#interactions.register(built);
    void this.#deliverOverHttp(built);
    return injected;
  }

  /** Sets (or clears) the Interactions Endpoint URL, as saving it in the Developer Portal does. */
  setInteractionsUrl(url: string | undefined): void {
    this.#interactionsUrl = url;
  }

  /**
   * POSTs `body` to the endpoint as Discord does: `X-Signature-Ed25519` over timestamp + raw body and
   * `X-Signature-Timestamp`; `signature: 'none'` leaves both headers out, `'bad'` signs other bytes. `signedAt`
   * (ms) dates the signature, as a request captured then and sent now would be; `url` sends it to another endpoint
   * (another replica) than the application's.
   */
  async sendToEndpoint(
    body: unknown,
    { signature = 'valid', signedAt = Date.now(), url = this.#interactionsUrl }: { signature?: 'valid' | 'none' | 'bad'; signedAt?: number; url?: string } = {},
  ): Promise<EndpointResponse> {
    if (url === undefined) throw new Error('Emulator: no interactions URL set');
    const raw = typeof body === 'string' ? body : JSON.stringify(body);
    const timestamp = String(Math.floor(signedAt / 1000));
    const signed = signature === 'bad' ? `${raw} ` : raw;
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'User-Agent': 'Discord-Interactions/1.0 (+https://discord.com)' };
    if (signature !== 'none') {
      headers['X-Signature-Ed25519'] = sign(null, Buffer.from(timestamp + signed), this.#privateKey).toString('hex');
      headers['X-Signature-Timestamp'] = timestamp;
    }
    const response = await post(this.#endpointAgent, url, headers, raw, this.#deadlineMs);
    const text = response.text;
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: kept as text.
    }
    return { status: response.status, body: parsed };
  }

  /** PING (type 1), as Discord sends one when the endpoint URL is saved; the endpoint must answer PONG. */
  ping(): Promise<EndpointResponse> {
    return this.sendToEndpoint({ id: snowflake(), application_id: this.applicationId, type: 1, token: 'ping', version: 1 });
  }

  /** Delivers over HTTP and takes the response body as the interaction's callback, as Discord does. */
  async #deliverOverHttp(built: BuiltInteraction): Promise<void> {
    let response: EndpointResponse;
    try {
      response = await this.sendToEndpoint(built.payload);
    } catch {
      return; // No answer within the deadline (or none at all): the interaction fails, as on Discord.
    }
    if (response.status !== 200) return;
    try {
      this.#interactions.callback({ id: built.id, token: built.token, path: '(interactions endpoint response)', body: response.body, files: [], withResponse: false });
    } catch {
      // Refused like a bad callback (recorded on the interaction by the registry).
    }
    this.#rest.changed.notify();
  }

  /** Dispatches any gateway event (queued for replay while the bot is disconnected); returns its sequence number. */
  dispatch(event: string, data: unknown): number {
    return this.#gateway.dispatch(event, data);
  }

  /** Resolves with the first recorded request (past or future) matching `predicate`. */
  waitFor(predicate: (request: RecordedRequest) => boolean, timeoutMs = DEFAULT_WAIT_MS): Promise<RecordedRequest> {
    const { requests } = this.#rest;
    let next = 0;
    return waitUntil(
      this.#rest.changed,
      () => {
        for (; next < requests.length; next++) {
          const request = requests[next];
          if (request && predicate(request)) return request;
        }
        return undefined;
      },
      timeoutMs,
      () => `a matching request (${requests.length} recorded)`,
    );
  }

  /** Resolves once the channel holds at least `count` posted messages. */
  waitForMessages(channelId: string, count: number, timeoutMs = DEFAULT_WAIT_MS): Promise<readonly StoredMessage[]> {
    return this.#messages.waitForChannel(channelId, count, timeoutMs);
  }

  /** Resolves once READY has been sent `count` times (default 1) in answer to IDENTIFY. */
  waitForReady(options: { count?: number; timeoutMs?: number } = {}): Promise<void> {
    return this.#gateway.waitForCount('readyCount', options.count ?? 1, options.timeoutMs ?? DEFAULT_GATEWAY_WAIT_MS);
  }

  /** Resolves once `count` RESUMEs (default 1) have succeeded. */
  waitForResume(options: { count?: number; timeoutMs?: number } = {}): Promise<void> {
    return this.#gateway.waitForCount('resumeCount', options.count ?? 1, options.timeoutMs ?? DEFAULT_GATEWAY_WAIT_MS);
  }

  /** Makes the next matching REST request(s) fail as Discord would. */
  /** Carry out the next matching request(s) but never answer, as when a connection drops after Discord acted. */
  holdResponse(rule: HoldRule): void {
    this.#faults.hold(rule);
  }

  failNext(rule: FaultRule): void {
    this.#faults.add(rule);
  }

  /** Closes the gateway socket (default code 4000: the client RESUMEs). */
  dropGateway(options: { code?: number } = {}): void {
    this.#gateway.drop(options.code ?? RESUMABLE_CLOSE_CODE);
  }

  /** Sends op 9 (d: false): the client must IDENTIFY again (discord.js takes 5–6.5 s). */
  invalidateSession(): void {
    this.#gateway.invalidateSession();
  }

  async close(): Promise<void> {
    this.#endpointAgent.destroy();
    await this.#gateway.close();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.#server.close((error) => (error ? reject(error) : resolve())));
  }
}

export function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return Emulator.start(options);
}

/**
 * POSTs `body` to `url` with node's HTTP client, on `agent`'s kept-alive connections as Discord keeps its
 * own; no answer within `deadlineMs` ends the request. (fetch cost about 0.7 ms more per interaction, all
 * of it charged to HTTP mode in the bench's latency.)
 */
function post(agent: Agent, url: string, headers: Record<string, string>, body: string, deadlineMs: number): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        clearTimeout(deadline);
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', reject);
    });
    const deadline = setTimeout(() => req.destroy(new Error(`no answer within ${deadlineMs} ms`)), deadlineMs);
    req.on('error', (error) => {
      clearTimeout(deadline);
      reject(error);
    });
    req.end(body);
  });
}
