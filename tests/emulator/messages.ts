/**
 * The messages the bot creates: channel posts, interaction replies and
 * follow-ups. Creation and edits are validated against Discord's limits;
 * tests can read a channel's posts or wait for them.
 */
import type { UploadedFile, Json } from './http.js';
import { asArray } from './http.js';
import { validateMessage } from './limits.js';
import { snowflake } from './snowflake.js';
import { Signal, waitUntil } from './waiters.js';
import type { ResolvedChannel, UserPayload } from './world.js';

export const MessageFlag = {
  Crossposted: 1 << 0,
  SuppressEmbeds: 1 << 2,
  Ephemeral: 1 << 6,
  Loading: 1 << 7,
  SuppressNotifications: 1 << 12,
  IsComponentsV2: 1 << 15,
} as const;

const CREATE_FLAGS = MessageFlag.SuppressEmbeds | MessageFlag.SuppressNotifications | MessageFlag.IsComponentsV2;
const EDIT_FLAGS = MessageFlag.SuppressEmbeds | MessageFlag.IsComponentsV2;

/** A Discord message object, plus the `allowed_mentions` the bot sent with it. */
export type StoredMessage = {
  id: string;
  type: number;
  channel_id: string;
  guild_id?: string;
  author: UserPayload;
  application_id?: string;
  webhook_id?: string;
  content: string;
  embeds: unknown[];
  components: unknown[];
  attachments: Json[];
  flags: number;
  tts: boolean;
  pinned: boolean;
  mention_everyone: boolean;
  mentions: unknown[];
  mention_roles: unknown[];
  timestamp: string;
  edited_timestamp: string | null;
  allowed_mentions?: unknown;
  message_reference?: unknown;
  interaction_metadata?: Json;
};

export interface CreateOptions {
  /** Message type (0 default, 20 for a chat-input command reply). */
  type?: number;
  /** Honour the ephemeral flag (interaction responses only). */
  ephemeralAllowed?: boolean;
  /** Every reply is ephemeral, whatever its flags (a user-installed app where members may not use external apps). */
  ephemeralForced?: boolean;
  interactionMetadata?: Json;
  webhookId?: string;
  /** The message's id (a forum post's first message has the post's); default a fresh one. */
  id?: string;
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}

function attachmentsFrom(channelId: string, files: UploadedFile[]): Json[] {
  return files.map((file) => {
    const id = snowflake();
    const url = `http://127.0.0.1/attachments/${channelId}/${id}/${encodeURIComponent(file.filename)}`;
    return { id, filename: file.filename, size: file.size, content_type: file.contentType, url, proxy_url: url };
  });
}

export class MessageStore {
  readonly #byId = new Map<string, StoredMessage>();
  readonly #byChannel = new Map<string, StoredMessage[]>();
  readonly #channelSignals = new Map<string, Signal>();
  readonly #byNonce = new Map<string, StoredMessage>();

  constructor(
    private readonly author: UserPayload,
    private readonly applicationId: string,
  ) {}

  /** Validates `payload` and stores the resulting message (not in any channel's post log). */
  create(channel: ResolvedChannel, payload: Json, files: UploadedFile[], options: CreateOptions = {}): StoredMessage {
    validateMessage(payload, files.length);
    const settable = CREATE_FLAGS | (options.ephemeralAllowed ? MessageFlag.Ephemeral : 0);
    const forced = options.ephemeralForced ? MessageFlag.Ephemeral : 0;
    const message = this.#build(channel, (numberOr(payload.flags, 0) & settable) | forced, options);
    message.content = typeof payload.content === 'string' ? payload.content : '';
    message.embeds = asArray(payload.embeds);
    message.components = asArray(payload.components);
    message.attachments = attachmentsFrom(channel.id, files);
    message.tts = payload.tts === true;
    message.allowed_mentions = payload.allowed_mentions;
    message.message_reference = payload.message_reference;
    return message;
  }

  /** The "is thinking…" message of a deferred interaction reply. */
  placeholder(channel: ResolvedChannel, ephemeral: boolean, options: CreateOptions): StoredMessage {
    return this.#build(channel, MessageFlag.Loading | (ephemeral || options.ephemeralForced ? MessageFlag.Ephemeral : 0), options);
  }

  /**
   * POST /channels/{id}/messages: create, then append to the channel's post log. With `enforce_nonce`, a
   * nonce already used in the channel returns the earlier message instead of posting again (as Discord
   * does for a few minutes).
   */
  post(channel: ResolvedChannel, payload: Json, files: UploadedFile[], options: Pick<CreateOptions, 'id'> = {}): StoredMessage {
    const nonce = payload.enforce_nonce === true && (typeof payload.nonce === 'string' || typeof payload.nonce === 'number') ? `${channel.id}:${payload.nonce}` : undefined;
    const earlier = nonce === undefined ? undefined : this.#byNonce.get(nonce);
    if (earlier) return earlier;
    const message = this.create(channel, payload, files, options);
    if (nonce !== undefined) this.#byNonce.set(nonce, message);
    let log = this.#byChannel.get(channel.id);
    if (!log) this.#byChannel.set(channel.id, (log = []));
    log.push(message);
    this.#channelSignals.get(channel.id)?.notify();
    return message;
  }

  #build(channel: ResolvedChannel, flags: number, options: CreateOptions): StoredMessage {
    const message: StoredMessage = {
      id: options.id ?? snowflake(),
      type: options.type ?? 0,
      channel_id: channel.id,
      ...(channel.guildId ? { guild_id: channel.guildId } : {}),
      author: this.author,
      ...(options.webhookId ? { application_id: this.applicationId, webhook_id: options.webhookId } : {}),
      content: '',
      embeds: [],
      components: [],
      attachments: [],
      flags,
      tts: false,
      pinned: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      ...(options.interactionMetadata ? { interaction_metadata: options.interactionMetadata } : {}),
    };
    this.#byId.set(message.id, message);
    return message;
  }

  get(id: string): StoredMessage | undefined {
    return this.#byId.get(id);
  }

  inChannel(channelId: string): readonly StoredMessage[] {
    return this.#byChannel.get(channelId) ?? [];
  }

  /** Applies an edit (PATCH body) after validating the edited result; clears a deferred reply's loading state. */
  edit(message: StoredMessage, patch: Json, files: UploadedFile[]): StoredMessage {
    const next: StoredMessage = { ...message };
    if ('content' in patch) next.content = typeof patch.content === 'string' ? patch.content : '';
    if ('embeds' in patch) next.embeds = asArray(patch.embeds);
    if ('components' in patch) next.components = asArray(patch.components);
    if ('allowed_mentions' in patch) next.allowed_mentions = patch.allowed_mentions;
    const kept = 'attachments' in patch ? new Set(asArray(patch.attachments).map((a) => String((a as Json).id))) : null;
    next.attachments = [
      ...message.attachments.filter((attachment) => !kept || kept.has(String(attachment.id))),
      ...attachmentsFrom(message.channel_id, files),
    ];
    const requested = 'flags' in patch ? numberOr(patch.flags, 0) & EDIT_FLAGS : message.flags & EDIT_FLAGS;
    next.flags = (message.flags & ~(EDIT_FLAGS | MessageFlag.Loading)) | requested;
    validateMessage(next);
    if ((message.flags & MessageFlag.Loading) === 0) next.edited_timestamp = new Date().toISOString();
    return Object.assign(message, next);
  }

  delete(message: StoredMessage): void {
    this.#byId.delete(message.id);
    const log = this.#byChannel.get(message.channel_id);
    const index = log?.indexOf(message) ?? -1;
    if (log && index >= 0) log.splice(index, 1);
  }

  /** Resolves with the channel's posts once it has at least `count` of them. */
  waitForChannel(channelId: string, count: number, timeoutMs: number): Promise<readonly StoredMessage[]> {
    let signal = this.#channelSignals.get(channelId);
    if (!signal) this.#channelSignals.set(channelId, (signal = new Signal()));
    return waitUntil(
      signal,
      () => (this.inChannel(channelId).length >= count ? this.inChannel(channelId) : undefined),
      timeoutMs,
      () => `${count} message(s) in channel ${channelId} (have ${this.inChannel(channelId).length})`,
    );
  }
}
