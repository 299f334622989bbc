/**
 * The REST half of the emulator: a route table over node:http for the v10
 * endpoints a bot uses, with bot-token auth, a record of every request,
 * failNext faults, rate-limit headers and the optional real limiter.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CommandStore } from './commands.js';
import { ApiError, apiError, ErrorCode } from './errors.js';
import type { FaultInjector } from './faults.js';
import { asObject, compilePath, readBody, send, type Reply, type UploadedFile } from './http.js';
import type { InteractionRegistry } from './interactions.js';
import type { MessageStore, StoredMessage } from './messages.js';
import type { OAuth } from './oauth.js';
import { Permission } from './permissions.js';
import { bucketHash, NOMINAL_BUCKET, rateLimitedReply, rateLimitHeaders, type TokenBucket, type WindowLimiter } from './ratelimit.js';
import { checkRequestBody } from './spec.js';
import type { Threads } from './threads.js';
import { Signal } from './waiters.js';
import type { ResolvedChannel, World } from './world.js';

export interface RecordedRequest {
  method: string;
  /** Path without the /api/v10 prefix and without the query string. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body, or the `payload_json` part of a multipart body. */
  body: unknown;
  status: number;
  /** Arrival time (ms since epoch). */
  at: number;
}

export interface RestDependencies {
  token: string;
  applicationId: string;
  gatewayUrl: string;
  world: World;
  messages: MessageStore;
  threads: Threads;
  commands: CommandStore;
  interactions: InteractionRegistry;
  faults: FaultInjector;
  oauth: OAuth;
  /** Check bodies against Discord's API schemas (EmulatorOptions.checkBodies). */
  checkBodies: boolean;
  /** When set, POST /channels/{id}/messages is really throttled per channel. */
  limiter?: WindowLimiter;
  /** Discord's global limit: requests per second per bot token (interaction callbacks and webhooks are exempt). */
  globalLimiter?: TokenBucket;
  /** POST /channels/{id}/messages is carried out at once but answered this much later, like a slow link. */
  messageLatencyMs?: number;
}

interface RouteContext {
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  files: UploadedFile[];
}

interface Route {
  method: string;
  pattern: string;
  regex: RegExp;
  bucket: string;
  /** Requires `Authorization: Bot <token>` (interaction callbacks and webhooks carry none). */
  auth: boolean;
  /** Subject to the optional per-route limiter. */
  limited: boolean;
  handle: (context: RouteContext) => Reply;
}

const API_PREFIX = /^\/api(?:\/v\d+)?(?=\/|$)/;
const OAUTH_PATHS = /^\/(?:oauth2\/authorize|api(?:\/v\d+)?\/(?:oauth2\/token|users\/@me(?:\/guilds\/\d+\/member)?))$/;
const ok = (body: unknown): Reply => ({ status: 200, body });

export class RestApi {
  readonly requests: RecordedRequest[] = [];
  readonly unmatched: RecordedRequest[] = [];
  /** Requests refused with a global 429 (the 50-per-second limit per bot token). */
  globalRateLimited = 0;
  readonly changed = new Signal();
  readonly #routes: Route[];

  constructor(private readonly deps: RestDependencies) {
    this.#routes = this.#defineRoutes();
  }

  #defineRoutes(): Route[] {
    const { world, messages, threads, commands, interactions, applicationId } = this.deps;
    const application = (params: Record<string, string>) => {
      if (params.app !== applicationId) throw apiError(403, ErrorCode.MissingAccess);
    };
    const guildScope = (params: Record<string, string>) => {
      application(params);
      if (!params.guild || !world.memberGuild(params.guild)) throw apiError(403, ErrorCode.MissingAccess);
      return params.guild;
    };
    const channel = (params: Record<string, string>, needed: bigint): ResolvedChannel => {
      const found = params.channel === undefined ? undefined : world.channel(params.channel);
      if (!found) throw apiError(404, ErrorCode.UnknownChannel);
      world.assertBotCan(found, needed);
      return found;
    };
    const channelMessage = (params: Record<string, string>, needed: bigint): StoredMessage => {
      const target = channel(params, needed);
      const message = params.message === undefined ? undefined : messages.get(params.message);
      if (!message || message.channel_id !== target.id) throw apiError(404, ErrorCode.UnknownMessage);
      return message;
    };
    const webhook = (method: 'POST' | 'PATCH' | 'GET' | 'DELETE') => (context: RouteContext) =>
      interactions.webhook({
        method,
        path: context.path,
        applicationId: context.params.app ?? '',
        token: context.params.token ?? '',
        messageId: context.params.message,
        body: context.body,
        files: context.files,
      });
    const gatewayBot = {
      url: this.deps.gatewayUrl,
      shards: 1,
      session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
    };

    return [
      route('GET', '/gateway', () => ok({ url: this.deps.gatewayUrl })),
      route('GET', '/gateway/bot', () => ok(gatewayBot)),
      route('GET', '/users/@me', () => ok({ ...world.botUser, verified: true, mfa_enabled: false, flags: 0 })),
      route('GET', '/applications/@me', () =>
        ok({
          id: applicationId,
          name: world.botUser.username,
          icon: null,
          description: '',
          bot_public: true,
          bot_require_code_grant: false,
          flags: 0,
          owner: world.user(world.ownerId),
          team: null,
          bot: world.botUser,
          verify_key: '0'.repeat(64),
        }),
      ),
      route('GET', '/applications/:app/commands', ({ params }) => {
        application(params);
        return ok(commands.list(null));
      }),
      route('PUT', '/applications/:app/commands', ({ params, body }) => {
        application(params);
        return ok(commands.overwrite(null, body));
      }),
      route('GET', '/applications/:app/guilds/:guild/commands', ({ params }) => ok(commands.list(guildScope(params)))),
      route('PUT', '/applications/:app/guilds/:guild/commands', ({ params, body }) =>
        ok(commands.overwrite(guildScope(params), body)),
      ),
      route(
        'POST',
        '/interactions/:id/:token/callback',
        ({ path, params, query, body, files }) =>
          interactions.callback({
            id: params.id ?? '',
            token: params.token ?? '',
            path,
            body,
            files,
            withResponse: query.get('with_response') === 'true',
          }),
        { auth: false },
      ),
      route('POST', '/webhooks/:app/:token', webhook('POST'), { auth: false }),
      route('GET', '/webhooks/:app/:token/messages/:message', webhook('GET'), { auth: false }),
      route('PATCH', '/webhooks/:app/:token/messages/:message', webhook('PATCH'), { auth: false }),
      route('DELETE', '/webhooks/:app/:token/messages/:message', webhook('DELETE'), { auth: false }),
      // What a bot without a gateway connection reads to compute its permissions (INTERACTIONS=http).
      route('GET', '/guilds/:guild', ({ params }) => {
        const found = params.guild === undefined ? undefined : world.memberGuild(params.guild);
        if (!found) throw apiError(403, ErrorCode.MissingAccess);
        const { channels: _channels, members: _members, ...guild } = world.guildCreatePayload(found);
        return ok(guild);
      }),
      route('GET', '/guilds/:guild/channels', ({ params }) => {
        const found = params.guild === undefined ? undefined : world.memberGuild(params.guild);
        if (!found) throw apiError(403, ErrorCode.MissingAccess);
        return ok(found.channels.map((resolved) => world.channelPayload(resolved)));
      }),
      route('GET', '/guilds/:guild/threads/active', ({ params }) => {
        if (params.guild === undefined || !world.guild(params.guild)) throw apiError(403, ErrorCode.MissingAccess);
        return ok({ threads: world.activeThreads(params.guild).map((thread) => world.channelPayload(thread)), members: [] });
      }),
      route('GET', '/guilds/:guild/members/:user', ({ params }) => {
        if (params.guild === undefined || !world.memberGuild(params.guild)) throw apiError(403, ErrorCode.MissingAccess);
        if (params.user !== world.botUser.id) throw apiError(404, ErrorCode.UnknownMember);
        return ok(world.memberPayload(world.botUser));
      }),
      route('GET', '/channels/:channel', ({ params }) =>
        ok(world.channelPayload(channel(params, Permission.ViewChannel))),
      ),
      route('PATCH', '/channels/:channel', ({ params, body }) => ok(threads.patch(channel(params, Permission.ViewChannel), asObject(body)))),
      route(
        'POST',
        '/channels/:channel/messages',
        ({ params, body, files }) => ok(messages.post(threads.postable(channel(params, Permission.ViewChannel)), asObject(body), files)),
        { limited: true },
      ),
      route('POST', '/channels/:channel/threads', ({ params, body, files }) => ok(threads.create(channel(params, Permission.ViewChannel), asObject(body), files))),
      route('POST', '/channels/:channel/messages/:message/threads', ({ params, body }) =>
        ok(threads.startFromMessage(channel(params, Permission.ViewChannel), channelMessage(params, Permission.ViewChannel), asObject(body))),
      ),
      route('POST', '/channels/:channel/messages/:message/crosspost', ({ params }) =>
        ok(threads.crosspost(channel(params, Permission.ViewChannel), channelMessage(params, Permission.ViewChannel))),
      ),
      // Newest first, at most `limit` (default 50, 1 to 100), as Discord lists a channel's messages.
      route('GET', '/channels/:channel/messages', ({ params, query }) => {
        const resolved = channel(params, Permission.ReadMessageHistory);
        const limit = Math.min(100, Math.max(1, Number(query.get('limit') ?? 50) || 50));
        return ok([...messages.inChannel(resolved.id)].reverse().slice(0, limit));
      }),
      route('GET', '/channels/:channel/messages/:message', ({ params }) =>
        ok(channelMessage(params, Permission.ReadMessageHistory)),
      ),
      route('PATCH', '/channels/:channel/messages/:message', ({ params, body, files }) =>
        ok(messages.edit(channelMessage(params, Permission.ViewChannel), asObject(body), files)),
      ),
      route('DELETE', '/channels/:channel/messages/:message', ({ params }) => {
        messages.delete(channelMessage(params, Permission.ViewChannel));
        return { status: 204 };
      }),
    ];
  }

  /** Entry point for node:http: never rejects, always answers. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://emulator');
    const prefix = API_PREFIX.exec(url.pathname);
    const path = decodePath(prefix ? url.pathname.slice(prefix[0].length) || '/' : url.pathname);
    let body: unknown;
    let matched: Route | undefined;
    let reply: Reply;
    try {
      const parsed = await readBody(req);
      body = parsed.json;
      const signIn = this.#oauth(req, method, prefix ? path : undefined, url, body);
      matched = signIn || !prefix ? undefined : this.#match(method, path);
      reply = signIn ?? (matched ? this.#serve(req, matched, { path, params: {}, query: url.searchParams, body, files: parsed.files }) : errorReply(apiError(404, ErrorCode.General)));
    } catch (error) {
      reply = errorReply(asApiError(error));
    }
    const record = { method, path, query: Object.fromEntries(url.searchParams), body, status: reply.status, at };
    this.requests.push(record);
    if (!matched && !OAUTH_PATHS.test(url.pathname)) this.unmatched.push(record);
    const latency = this.deps.messageLatencyMs;
    if (latency && matched?.limited && reply.status === 200) await new Promise((resolve) => setTimeout(resolve, latency));
    // A held response is never sent; the connection stays open until the client gives up or the emulator closes.
    if (!this.deps.faults.takeHold(method, path)) send(res, reply);
    this.changed.notify();
  }

  /**
   * Sign in with Discord: the authorize page (outside /api, as on discord.com), and the token exchange and what
   * a user's Bearer token reads (inside it); undefined for any other request, the bot's own.
   */
  #oauth(req: IncomingMessage, method: string, apiPath: string | undefined, url: URL, body: unknown): Reply | undefined {
    const { oauth } = this.deps;
    const bearer = req.headers.authorization?.startsWith('Bearer ') ? req.headers.authorization : undefined;
    if (method === 'GET' && url.pathname === '/oauth2/authorize') return oauth.authorize(url.searchParams);
    if (method === 'POST' && apiPath === '/oauth2/token') return oauth.token(asObject(body) as Record<string, string>);
    if (method !== 'GET' || !bearer || apiPath === undefined) return undefined;
    if (apiPath === '/users/@me') return oauth.me(bearer);
    const member = /^\/users\/@me\/guilds\/(\d+)\/member$/.exec(apiPath);
    return member ? oauth.member(bearer, member[1]!) : undefined;
  }

  #match(method: string, path: string): Route | undefined {
    return this.#routes.find((candidate) => candidate.method === method && candidate.regex.test(path));
  }

  /** Auth, faults and rate limits, then the route itself; every reply but a 429 gets bucket headers. */
  #serve(req: IncomingMessage, route: Route, context: RouteContext): Reply {
    let bucket = NOMINAL_BUCKET;
    let reply: Reply;
    try {
      if (route.auth && req.headers.authorization !== `Bot ${this.deps.token}`) throw apiError(401, ErrorCode.General);
      // One budget for the token, however many processes (replicas) share it.
      if (route.auth && this.deps.globalLimiter) {
        const { allowed, state } = this.deps.globalLimiter.take();
        if (!allowed) {
          this.globalRateLimited++;
          return rateLimitedReply(route.bucket, state.resetAfterMs, state.limit, true);
        }
      }
      const fault = this.deps.faults.take(route.method, context.path, route.bucket);
      if (fault) return fault;
      const { limiter } = this.deps;
      if (route.limited && limiter) {
        const { allowed, state } = limiter.take(`${route.method} ${context.path}`);
        if (!allowed) return rateLimitedReply(route.bucket, state.resetAfterMs, state.limit, false);
        bucket = state;
      }
      if (this.deps.checkBodies) checkRequestBody(route.method, context.path, context.body);
      reply = route.handle({ ...context, params: { ...route.regex.exec(context.path)?.groups } });
    } catch (error) {
      reply = errorReply(asApiError(error));
    }
    return { ...reply, headers: { ...rateLimitHeaders(route.bucket, bucket), ...reply.headers } };
  }
}

function route(
  method: string,
  pattern: string,
  handle: Route['handle'],
  flags: { auth?: boolean; limited?: boolean } = {},
): Route {
  return {
    method,
    pattern,
    regex: compilePath(pattern),
    bucket: bucketHash(`${method} ${pattern}`),
    auth: flags.auth ?? true,
    limited: flags.limited ?? false,
    handle,
  };
}

/** Decodes each segment (discord.js sends `@original` as `%40original`); malformed escapes stay as sent. */
function decodePath(path: string): string {
  try {
    return path.split('/').map(decodeURIComponent).join('/');
  } catch {
    return path;
  }
}

function errorReply(error: ApiError): Reply {
  return { status: error.status, body: error.body };
}

/** ApiErrors pass through; anything else is an emulator bug, logged and answered with a 500. */
function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  console.error('[discord-emulator] handler crashed:', error);
  return apiError(500, ErrorCode.General);
}
