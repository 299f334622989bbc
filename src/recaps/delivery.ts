// Posting one claimed recap slot: build the recap, post it with an idempotency nonce where the subscription
// says (the channel, or the story's post in a forum), retry what can succeed later, pause the subscription on
// what cannot, and settle the ledger row either way; then start its thread or publish it, once each.
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RESTPostAPIChannelMessageJSONBody, RESTPostAPIChannelMessagesThreadsJSONBody, RESTPostAPIGuildForumThreadsJSONBody } from 'discord-api-types/v10';
import type { Briefing } from '../briefing/briefing.js';
import type { Logger } from '../log.js';
import { ALREADY_CROSSPOSTED, classifyFailure, THREAD_ALREADY_CREATED, type Failure } from './delivery-outcome.js';
import type { DeliveryLedger } from './ledger.js';
import type { MessageEditor, ServedRelease } from './editions.js';
import { buildRecap, lastRecap, threadName, type RecapContent, type RecapMoment, type Summarize } from './recap-content.js';
import { messageBody } from '../render/reply.js';
import type { RecapSubscription, SubscriptionStore } from './subscriptions.js';

/** What a channel's recent messages need to show for a recap to be recognised: its marker. */
export interface PostedMessage {
  id: string;
  content?: string;
  embeds?: readonly { footer?: { text?: string } }[];
}

export interface MessagePoster extends MessageEditor {
  /** POST /channels/{id}/messages, into a channel or a thread. */
  post(channelId: string, body: RESTPostAPIChannelMessageJSONBody): Promise<{ id: string }>;
  /** POST /channels/{forum}/threads: a forum post, its first message included. */
  openPost(forumId: string, body: RESTPostAPIGuildForumThreadsJSONBody): Promise<{ id: string; message?: { id: string } }>;
  /** POST /channels/{id}/messages/{message}/threads: a thread started from a message. */
  startThread(channelId: string, messageId: string, body: RESTPostAPIChannelMessagesThreadsJSONBody): Promise<{ id: string }>;
  /** POST /channels/{id}/messages/{message}/crosspost: publishes a message of an announcement channel. */
  crosspost(channelId: string, messageId: string): Promise<unknown>;
  /** The channel's (or thread's) latest messages (GET /channels/{id}/messages?limit=50), newest first. */
  recent(channelId: string): Promise<readonly PostedMessage[]>;
  /** The server's active threads and forum posts (GET /guilds/{id}/threads/active). */
  activeThreads(guildId: string): Promise<readonly { id: string; parent_id?: string | null }[]>;
}

export interface DeliveryDependencies {
  subscriptions: SubscriptionStore;
  ledger: DeliveryLedger;
  poster: MessagePoster;
  briefing: () => Briefing;
  /** The release `briefing()` comes from; none in tests and the preview, which serve the drafts. */
  release?: () => ServedRelease;
  summarize: Summarize;
  /** A briefing whose newest edition is older than this says so instead of posting old news as new. */
  staleAfterDays: number;
  /** The clock; tests set it. */
  now?: () => Date;
  log: Logger;
  /** Waits between our own attempts (discord.js has already retried 429s and 5xx by then). */
  backoffMs?: readonly number[];
}

export type DeliveryResult =
  /** `threadId`: the forum post the message went into. */
  | { status: 'delivered'; messageId: string; threadId?: string }
  | { status: 'skipped' }
  | { status: 'failed'; failure: Failure };

const DEFAULT_BACKOFF_MS = [2_000, 10_000];
/** A week of quiet before Discord archives the story's post or a recap's thread (posting reopens it). */
const AUTO_ARCHIVE_MINUTES = 10_080;

/**
 * Posts the recap for a slot the caller has claimed in the ledger. The nonce is derived from the slot,
 * so a retry, or a restart that re-sends a slot whose first post may have landed, cannot post twice.
 */
export async function sendClaimedSlot(deps: DeliveryDependencies, subscription: RecapSubscription, slot: string): Promise<DeliveryResult> {
  const { ledger, log } = deps;
  const moment = { briefing: deps.briefing(), now: deps.now?.() ?? new Date(), staleAfterDays: deps.staleAfterDays };
  const releaseId = deps.release?.().id;
  const recap = await recapFor(moment, subscription, ledger, deps.summarize);
  if (recap.kind === 'quiet' && subscription.whenQuiet === 'skip') {
    await ledger.settle(subscription.id, slot, { status: 'skipped', editionId: recap.editionId, detail: 'nothing new' });
    return { status: 'skipped' };
  }
  const { content, embeds, components } = recap.reply;
  const nonce = nonceFor(subscription.id, slot);
  const body: RESTPostAPIChannelMessageJSONBody = { ...messageBody({ ...withMarker({ content, embeds }, nonce), components }), nonce, enforce_nonce: true };

  const title = threadName(moment.briefing, moment.now, subscription.timezone, subscription.language);

  const backoff = deps.backoffMs ?? DEFAULT_BACKOFF_MS;
  for (let attempt = 0; ; attempt++) {
    let placed: Placed;
    try {
      placed = await place(deps, subscription, body, title);
      // A success with no message in it (a proxy in between that failed) is not a delivery: try again.
      if (typeof placed.messageId !== 'string') throw Object.assign(new Error('the answer to the post carried no message'), { status: 502 });
    } catch (error) {
      const failure = classifyFailure(error);
      const wait = backoff[attempt];
      if (failure.retryable && wait !== undefined) {
        log.warn({ subscription: subscription.id, slot, failure: failure.kind, attempt: attempt + 1 }, 'recap delivery will be retried');
        await sleep(Math.max(wait, failure.retryAfterMs ?? 0));
        continue;
      }
      if (failure.pauses) await deps.subscriptions.pause(subscription.id, failure.reason);
      await ledger.settle(subscription.id, slot, { status: 'failed', detail: failure.reason });
      log.warn({ subscription: subscription.id, channel: subscription.channelId, slot, failure: failure.kind, paused: failure.pauses, err: error }, 'recap delivery failed');
      return { status: 'failed', failure };
    }
    // Outside the try: a database that stays locked must not look like a failed post and post again.
    const { messageId, threadId } = placed;
    if (placed.opened) await deps.subscriptions.setThread(subscription.id, threadId ?? null);
    const shown = { items: JSON.stringify(recap.items), content: body.content ?? '', ...(threadId ? { threadId } : {}), ...(releaseId === undefined ? {} : { releaseId }) };
    await ledger.settle(subscription.id, slot, { status: 'delivered', messageId, editionId: recap.editionId, detail: recap.kind, ...shown });
    log.info({ subscription: subscription.id, channel: subscription.channelId, thread: threadId, slot, ref: nonce, kind: recap.kind, messageId }, 'recap delivered');
    // A "no new developments" line starts no discussion: no thread under it.
    await followUp(deps, subscription, messageId, title, recap.kind !== 'quiet');
    return { status: 'delivered', messageId, ...(threadId ? { threadId } : {}) };
  }
}

/**
 * The recap a subscription's channel gets at `moment`: what changed since the channel's last recap (since the
 * edition before, if the editors withdrew the one that recap announced). `/recap preview` shows the same.
 */
export async function recapFor(
  moment: RecapMoment,
  subscription: RecapSubscription,
  ledger: Pick<DeliveryLedger, 'lastDelivered' | 'correctionsOn'>,
  summarize: Summarize,
): Promise<RecapContent> {
  const delivered = await ledger.lastDelivered(subscription.channelId);
  const annotations = delivered?.messageId ? await ledger.correctionsOn(delivered.messageId) : [];
  // A channel that only ever hears of new editions is told what changed since the edition it was set up with.
  const since = subscription.trigger === 'new-edition' && subscription.seenEdition ? { editionId: subscription.seenEdition, deliveredAt: subscription.createdAt } : undefined;
  return buildRecap(moment, lastRecap(delivered, annotations) ?? since, subscription.timezone, summarize, subscription.language);
}

interface Placed {
  messageId: string;
  /** The forum post the message is in. */
  threadId?: string;
  /** The post was opened by this recap: the subscription is to remember it. */
  opened?: boolean;
}

/**
 * Posts the recap where the subscription says: in its channel, or in a forum, into the story's post (posting
 * reopens an archived one), opening it with the first recap, and again when it was deleted.
 */
async function place(deps: DeliveryDependencies, subscription: RecapSubscription, body: RESTPostAPIChannelMessageJSONBody, title: string): Promise<Placed> {
  if (subscription.channelKind !== 'forum') return { messageId: (await deps.poster.post(subscription.channelId, body))?.id };
  if (subscription.threadId) {
    try {
      return { messageId: (await deps.poster.post(subscription.threadId, body))?.id, threadId: subscription.threadId };
    } catch (error) {
      if (classifyFailure(error).kind !== 'unknown-channel') throw error;
      deps.log.info({ subscription: subscription.id, thread: subscription.threadId }, "the story's forum post is gone; opening a new one");
    }
  }
  // A forum post's first message takes no nonce.
  const { nonce: _nonce, enforce_nonce: _enforce, ...message } = body;
  const tags = subscription.tagId ? { applied_tags: [subscription.tagId] } : {};
  const post = await deps.poster.openPost(subscription.channelId, { name: title, auto_archive_duration: AUTO_ARCHIVE_MINUTES, message, ...tags });
  // The post's first message has the post's id.
  return { messageId: post?.message?.id ?? post?.id, threadId: post?.id, opened: true };
}

/**
 * After a recap is posted and recorded: its own thread, and its publishing, one attempt each (discord.js waits
 * out a 429 itself). A failure never fails the recap; a failed publish is kept for /recap list, never retried.
 */
async function followUp(deps: DeliveryDependencies, subscription: RecapSubscription, messageId: string, title: string, thread: boolean): Promise<void> {
  const { log, poster } = deps;
  if (subscription.threadPerRecap && thread) {
    try {
      await poster.startThread(subscription.channelId, messageId, { name: title, auto_archive_duration: AUTO_ARCHIVE_MINUTES });
    } catch (error) {
      // A restart finishing the slot finds the thread already started.
      if (codeOf(error) !== THREAD_ALREADY_CREATED) log.warn({ subscription: subscription.id, messageId, err: error }, "could not start the recap's thread");
    }
  }
  if (subscription.publish) {
    let failure: string | null = null;
    try {
      await poster.crosspost(subscription.channelId, messageId);
    } catch (error) {
      if (codeOf(error) !== ALREADY_CROSSPOSTED) failure = classifyFailure(error).reason;
    }
    if (failure) log.warn({ subscription: subscription.id, messageId, failure }, 'could not publish the recap');
    if (failure !== subscription.publishFailure) await deps.subscriptions.recordPublish(subscription.id, failure);
  }
}

const codeOf = (error: unknown) => (error as { code?: unknown } | null)?.code;

/**
 * Discord honours a nonce for a few minutes only, and does not always return it in message objects, so
 * each recap also says which slot it is, for a restart finishing an old claim to look for before posting
 * again: the nonce, written in four zero-width characters (three to each of its base64url characters) at
 * the end of its footer, or of its text when it has no embed. Readers see nothing (a visible `ref ...` was
 * an opaque code at the end of every post); the nonce itself is in the log line of the delivery, and the
 * ledger's (subscription, slot) gives it again (nonceFor).
 */
export function markerFor(nonce: string): string {
  let marker = '';
  for (const character of nonce) {
    const value = BASE64URL.indexOf(character);
    for (const shift of [4, 2, 0]) marker += INVISIBLE[(value >> shift) & 3];
  }
  return marker;
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Zero width space, non-joiner, joiner and word joiner: shown as nothing, kept by Discord as written. */
const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060'];

const FOOTER_LIMIT = 2048;
const EMBEDS_TOTAL_LIMIT = 6000;
const CONTENT_LIMIT = 2000;

function withMarker(message: Pick<RESTPostAPIChannelMessageJSONBody, 'content' | 'embeds'>, nonce: string): Pick<RESTPostAPIChannelMessageJSONBody, 'content' | 'embeds'> {
  const marker = markerFor(nonce);
  const embeds = message.embeds ?? [];
  const last = embeds.at(-1);
  if (last) {
    const footer = `${last.footer?.text ?? ''}${marker}`;
    const total = JSON.stringify(embeds).length; // An upper bound on the characters Discord counts.
    if (footer.length <= FOOTER_LIMIT && total + marker.length + 3 <= EMBEDS_TOTAL_LIMIT) {
      return { ...message, embeds: [...embeds.slice(0, -1), { ...last, footer: { ...last.footer, text: footer } }] };
    }
  }
  const content = `${message.content ?? ''}${marker}`;
  return content.length <= CONTENT_LIMIT ? { ...message, content } : message;
}

/** The message among `messages` that carries the slot's marker, if any. */
export function findMarked(messages: readonly PostedMessage[], subscriptionId: number, slot: string): PostedMessage | undefined {
  const marker = markerFor(nonceFor(subscriptionId, slot));
  return messages.find((message) => message.content?.includes(marker) || message.embeds?.some((embed) => embed.footer?.text?.includes(marker)));
}

/** Discord nonces are at most 25 characters; this one is stable for a (subscription, slot). */
export function nonceFor(subscriptionId: number, slot: string): string {
  return createHash('sha256').update(`${subscriptionId}|${slot}`).digest('base64url').slice(0, 25);
}
