/**
 * Injected interactions and how the bot answers them: the callback (3 s
 * deadline, one acknowledgement, `with_response`) and the webhook follow-ups
 * and edits (15 min), validated like Discord and recorded per interaction.
 */
import { ApiError, apiError, ErrorCode } from './errors.js';
import { asArray, asObject, type Json, type Reply, type UploadedFile } from './http.js';
import { InteractionType, type BuiltInteraction } from './inject.js';
import { validateChoices } from './limits.js';
import { Permission } from './permissions.js';
import { MessageFlag, type CreateOptions, type MessageStore, type StoredMessage } from './messages.js';
import { checkCallbackBody, checkWebhookBody } from './spec.js';
import { Signal, waitUntil } from './waiters.js';
import type { ResolvedChannel, UserPayload } from './world.js';

export const CallbackType = {
  ChannelMessageWithSource: 4,
  DeferredChannelMessageWithSource: 5,
  DeferredUpdateMessage: 6,
  UpdateMessage: 7,
  AutocompleteResult: 8,
  Modal: 9,
} as const;

const ALLOWED_CALLBACKS: Record<number, ReadonlySet<number>> = {
  [InteractionType.ApplicationCommand]: new Set([4, 5, 9]),
  [InteractionType.MessageComponent]: new Set([4, 5, 6, 7, 9]),
  [InteractionType.Autocomplete]: new Set([8]),
  [InteractionType.ModalSubmit]: new Set([4, 5, 6, 7]),
};

/** Follow-ups an interaction may have when it comes only through a user install (the server did not add the app). */
export const USER_INSTALL_FOLLOWUP_LIMIT = 5;

/** Discord's window for the first callback. */
export const CALLBACK_DEADLINE_MS = 3000;
/** How long an interaction token accepts follow-ups and edits. */
export const WEBHOOK_LIFETIME_MS = 15 * 60 * 1000;
const DEFAULT_WAIT_MS = 5000;

/** One request the bot made about an interaction. */
export interface InteractionTraffic {
  kind: 'callback' | 'followup' | 'edit' | 'fetch' | 'delete';
  method: string;
  path: string;
  /** `@original` or a follow-up id, for message routes. */
  messageId?: string;
  /** `{ type, data }` for the callback; the message payload for webhook requests. */
  body: unknown;
  status: number;
  /** Whether the message created or edited is ephemeral (successful message requests only). */
  ephemeral?: boolean;
  at: number;
}

/** The first thing the user saw in answer to an interaction. */
export interface InteractionReply {
  /** `callback` for types 4/7/8; after a deferral (5/6), the `edit` of @original or a `followup`. */
  via: 'callback' | 'edit' | 'followup';
  /** Type of the acknowledging callback. */
  callbackType: number;
  /** The payload as the bot sent it (callback `data`, or the webhook body). */
  data: Json;
  content: string | undefined;
  embeds: unknown[];
  components: unknown[];
  /** Autocomplete choices (callback type 8). */
  choices: unknown[] | undefined;
  ephemeral: boolean;
}

export interface WaitOptions {
  timeoutMs?: number;
}

const isSuccess = (status: number) => status >= 200 && status < 300;

function toReply(
  via: InteractionReply['via'],
  callbackType: number,
  payload: unknown,
  ephemeral: boolean,
): InteractionReply {
  const data = asObject(payload);
  return {
    via,
    callbackType,
    data,
    content: typeof data.content === 'string' ? data.content : undefined,
    embeds: asArray(data.embeds),
    components: asArray(data.components),
    choices: Array.isArray(data.choices) ? data.choices : undefined,
    ephemeral,
  };
}

/** The answer within `responses`, if the bot has given one yet. */
function findReply(responses: readonly InteractionTraffic[]): InteractionReply | undefined {
  const ackIndex = responses.findIndex((entry) => entry.kind === 'callback' && isSuccess(entry.status));
  const ack = responses[ackIndex];
  if (!ack) return undefined;
  const { type, data } = asObject(ack.body);
  const callbackType = Number(type);
  switch (callbackType) {
    case CallbackType.ChannelMessageWithSource:
    case CallbackType.UpdateMessage:
    case CallbackType.AutocompleteResult:
    case CallbackType.Modal:
      // A form (modal) opened: its `data` holds the form, shown to the presser alone.
      return toReply('callback', callbackType, data, ack.ephemeral ?? callbackType === CallbackType.Modal);
    case CallbackType.DeferredChannelMessageWithSource:
    case CallbackType.DeferredUpdateMessage: {
      const answer = responses
        .slice(ackIndex + 1)
        .find(
          (entry) =>
            isSuccess(entry.status) &&
            (entry.kind === 'followup' || (entry.kind === 'edit' && entry.messageId === '@original')),
        );
      if (!answer) return undefined;
      const via = answer.kind === 'edit' ? 'edit' : 'followup';
      return toReply(via, callbackType, answer.body, answer.ephemeral ?? false);
    }
    default:
      return undefined;
  }
}

export class InjectedInteraction {
  readonly id: string;
  readonly token: string;
  readonly type: number;
  /** The INTERACTION_CREATE `d` as dispatched. */
  readonly payload: Json;
  readonly channel: ResolvedChannel;
  readonly user: UserPayload;
  readonly createdAt = Date.now();
  /** Callback and webhook traffic for this interaction, in arrival order, failures included. */
  readonly responses: InteractionTraffic[] = [];
  /** Callback type of the accepted acknowledgement. */
  acknowledgedWith: number | undefined;
  /** What `@original` refers to: the reply, or the clicked message after an update. */
  original: StoredMessage | undefined;
  readonly followups = new Map<string, StoredMessage>();
  /** Follow-ups created so far, deleted ones included. */
  followupCount = 0;
  /** True when only the user's own install of the app authorizes it (the server, or the DM, has no bot). */
  readonly userInstallOnly: boolean;
  readonly componentMessage: StoredMessage | undefined;
  /** How messages answering this interaction are created (type, webhook id, interaction_metadata). */
  readonly replyOptions: CreateOptions;
  readonly #signal = new Signal();

  constructor(built: BuiltInteraction, applicationId: string) {
    this.id = built.id;
    this.token = built.token;
    this.type = built.type;
    this.payload = built.payload;
    this.channel = built.channel;
    this.user = built.user;
    this.componentMessage = built.componentMessage;
    const owners = Object.keys(asObject(this.payload.authorizing_integration_owners));
    this.userInstallOnly = owners.length === 1 && owners[0] === '1';
    const memberPermissions = asObject(this.payload.member).permissions;
    // In a server that did not add the app, a member without Use External Apps gets only ephemeral replies.
    const ephemeralForced = this.userInstallOnly && typeof memberPermissions === 'string' && (BigInt(memberPermissions) & Permission.UseExternalApps) === 0n;
    this.replyOptions = {
      type: built.replyMessageType,
      ephemeralAllowed: true,
      ephemeralForced,
      webhookId: applicationId,
      interactionMetadata: {
        id: this.id,
        type: this.type,
        user: this.user,
        authorizing_integration_owners: this.payload.authorizing_integration_owners,
        ...(built.componentMessage ? { interacted_message_id: built.componentMessage.id } : {}),
      },
    };
  }

  record(entry: InteractionTraffic): void {
    this.responses.push(entry);
    this.#signal.notify();
  }

  /** Resolves with `responses` once it holds at least `count` entries (default 1). */
  waitForResponse(options: WaitOptions & { count?: number } = {}): Promise<InteractionTraffic[]> {
    const count = options.count ?? 1;
    return waitUntil(
      this.#signal,
      () => (this.responses.length >= count ? this.responses : undefined),
      options.timeoutMs ?? DEFAULT_WAIT_MS,
      () => `${count} response(s) to interaction ${this.id} (have ${this.responses.length})`,
    );
  }

  /** Resolves with the first message-bearing answer (see InteractionReply). */
  waitForReply(options: WaitOptions = {}): Promise<InteractionReply> {
    return waitUntil(
      this.#signal,
      () => findReply(this.responses),
      options.timeoutMs ?? DEFAULT_WAIT_MS,
      () => {
        const seen = this.responses.map((entry) => `${entry.kind} ${entry.method} -> ${entry.status}`).join(', ');
        return `a reply to interaction ${this.id} of type ${this.type} (seen: ${seen || 'nothing'})`;
      },
    );
  }
}

interface CallbackRequest {
  id: string;
  token: string;
  path: string;
  body: unknown;
  files: UploadedFile[];
  withResponse: boolean;
}

type WebhookMethod = 'POST' | 'PATCH' | 'GET' | 'DELETE';

interface WebhookRequest {
  method: WebhookMethod;
  path: string;
  applicationId: string;
  token: string;
  /** Absent for a follow-up POST. */
  messageId?: string;
  body: unknown;
  files: UploadedFile[];
}

const WEBHOOK_KINDS: Record<WebhookMethod, InteractionTraffic['kind']> = {
  POST: 'followup',
  PATCH: 'edit',
  GET: 'fetch',
  DELETE: 'delete',
};

export class InteractionRegistry {
  readonly #byId = new Map<string, InjectedInteraction>();
  readonly #byToken = new Map<string, InjectedInteraction>();

  constructor(
    private readonly applicationId: string,
    private readonly messages: MessageStore,
    private readonly deadlineMs: number,
    private readonly checkBodies: boolean,
  ) {}

  register(built: BuiltInteraction): InjectedInteraction {
    const interaction = new InjectedInteraction(built, this.applicationId);
    this.#byId.set(interaction.id, interaction);
    this.#byToken.set(interaction.token, interaction);
    return interaction;
  }

  /** POST /interactions/{id}/{token}/callback */
  callback(request: CallbackRequest): Reply {
    const interaction = this.#byId.get(request.id);
    if (!interaction || interaction.token !== request.token) throw apiError(404, ErrorCode.UnknownInteraction);
    const entry = { kind: 'callback' as const, method: 'POST', path: request.path, body: request.body };
    return this.#tracked(interaction, entry, () => {
      if (interaction.acknowledgedWith !== undefined) throw apiError(400, ErrorCode.InteractionAlreadyAcknowledged);
      if (Date.now() - interaction.createdAt > this.deadlineMs) throw apiError(404, ErrorCode.UnknownInteraction);
      const { type: rawType, data } = asObject(request.body);
      const type = Number(rawType);
      if (!ALLOWED_CALLBACKS[interaction.type]?.has(type)) {
        const invalid = { code: 'INTERACTION_RESPONSE_TYPE_INVALID', message: 'Invalid interaction response type' };
        throw apiError(400, ErrorCode.InvalidFormBody, { type: { _errors: [invalid] } });
      }
      if (this.checkBodies) checkCallbackBody(request.body);
      const message = this.#acknowledge(interaction, type, asObject(data), request.files);
      interaction.acknowledgedWith = type;
      const ephemeral = message ? (message.flags & MessageFlag.Ephemeral) !== 0 : false;
      const reply = request.withResponse
        ? { status: 200, body: callbackResponse(interaction, type, message, ephemeral) }
        : { status: 204 };
      return { reply, ephemeral };
    });
  }

  /** Applies an accepted callback; returns the message it created or changed. */
  #acknowledge(
    interaction: InjectedInteraction,
    type: number,
    data: Json,
    files: UploadedFile[],
  ): StoredMessage | undefined {
    const { channel, replyOptions, componentMessage } = interaction;
    switch (type) {
      case CallbackType.ChannelMessageWithSource:
        return (interaction.original = this.messages.create(channel, data, files, replyOptions));
      case CallbackType.DeferredChannelMessageWithSource: {
        const ephemeral = (Number(data.flags ?? 0) & MessageFlag.Ephemeral) !== 0;
        return (interaction.original = this.messages.placeholder(channel, ephemeral, replyOptions));
      }
      case CallbackType.DeferredUpdateMessage:
        return (interaction.original = componentMessage);
      case CallbackType.UpdateMessage:
        return (interaction.original = componentMessage && this.messages.edit(componentMessage, data, files));
      case CallbackType.AutocompleteResult:
        validateChoices(data);
        return undefined;
      default:
        return undefined;
    }
  }

  /** Webhook routes of an interaction token: follow-up POST, and GET/PATCH/DELETE of @original or a follow-up. */
  webhook(request: WebhookRequest): Reply {
    const interaction = this.#byToken.get(request.token);
    if (!interaction || request.applicationId !== this.applicationId) throw apiError(404, ErrorCode.UnknownWebhook);
    const { method, path, messageId, body: rawBody } = request;
    const entry = { kind: WEBHOOK_KINDS[method], method, path, messageId, body: rawBody };
    return this.#tracked(interaction, entry, () => {
      if (Date.now() - interaction.createdAt > WEBHOOK_LIFETIME_MS) throw apiError(401, ErrorCode.InvalidWebhookToken);
      if (interaction.acknowledgedWith === undefined) throw apiError(404, ErrorCode.UnknownWebhook);
      if (this.checkBodies) checkWebhookBody(method, rawBody);
      const body = asObject(request.body);
      if (request.messageId === undefined) {
        if (interaction.userInstallOnly && interaction.followupCount >= USER_INSTALL_FOLLOWUP_LIMIT) throw apiError(400, ErrorCode.MaxFollowUpMessages);
        interaction.followupCount++;
        const message = this.messages.create(interaction.channel, body, request.files, interaction.replyOptions);
        interaction.followups.set(message.id, message);
        return messageResult(message);
      }
      const isOriginal = request.messageId === '@original';
      const message = isOriginal ? interaction.original : interaction.followups.get(request.messageId);
      if (!message) throw apiError(404, ErrorCode.UnknownMessage);
      if (request.method === 'PATCH') return messageResult(this.messages.edit(message, body, request.files));
      if (request.method !== 'DELETE') return messageResult(message);
      this.messages.delete(message);
      if (isOriginal) interaction.original = undefined;
      else interaction.followups.delete(message.id);
      return { reply: { status: 204 } };
    });
  }

  /** Runs `handle`, recording the request with its outcome on the interaction either way. */
  #tracked(
    interaction: InjectedInteraction,
    entry: Omit<InteractionTraffic, 'status' | 'at' | 'ephemeral'>,
    handle: () => { reply: Reply; ephemeral?: boolean },
  ): Reply {
    const at = Date.now();
    try {
      const { reply, ephemeral } = handle();
      interaction.record({ ...entry, status: reply.status, at, ...(ephemeral === undefined ? {} : { ephemeral }) });
      return reply;
    } catch (error) {
      if (error instanceof ApiError) interaction.record({ ...entry, status: error.status, at });
      throw error;
    }
  }
}

function messageResult(message: StoredMessage): { reply: Reply; ephemeral: boolean } {
  return { reply: { status: 200, body: message }, ephemeral: (message.flags & MessageFlag.Ephemeral) !== 0 };
}

/** The `?with_response=true` body: the interaction callback object and the resource it created. */
function callbackResponse(
  interaction: InjectedInteraction,
  type: number,
  message: StoredMessage | undefined,
  ephemeral: boolean,
): Json {
  const showsMessage = type === CallbackType.ChannelMessageWithSource || type === CallbackType.UpdateMessage;
  return {
    interaction: {
      id: interaction.id,
      type: interaction.type,
      activity_instance_id: null,
      response_message_id: message?.id ?? null,
      response_message_loading: type === CallbackType.DeferredChannelMessageWithSource,
      response_message_ephemeral: ephemeral,
    },
    resource: { type, ...(showsMessage && message ? { message } : {}) },
  };
}
