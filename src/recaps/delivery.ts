// Posting one claimed recap slot: build the recap, post it with an idempotency nonce, retry what can
// succeed later, pause the subscription on what cannot, and settle the ledger row either way.
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import type { Briefing } from '../briefing/briefing.js';
import type { Logger } from '../log.js';
import { withRetryOnBusy } from './database.js';
import { classifyFailure, type Failure } from './delivery-outcome.js';
import type { DeliveryLedger } from './ledger.js';
import { buildRecap } from './recap-content.js';
import type { RecapSubscription, SubscriptionStore } from './subscriptions.js';

export interface MessagePoster {
  post(channelId: string, body: RESTPostAPIChannelMessageJSONBody): Promise<{ id: string }>;
}

export interface DeliveryDependencies {
  subscriptions: SubscriptionStore;
  ledger: DeliveryLedger;
  poster: MessagePoster;
  briefing: () => Briefing;
  log: Logger;
  /** Waits between our own attempts (discord.js has already retried 429s and 5xx by then). */
  backoffMs?: readonly number[];
}

export type DeliveryResult =
  | { status: 'delivered'; messageId: string }
  | { status: 'skipped' }
  | { status: 'failed'; failure: Failure };

const DEFAULT_BACKOFF_MS = [2_000, 10_000];

/**
 * Posts the recap for a slot the caller has claimed in the ledger. The nonce is derived from the slot,
 * so a retry, or a restart that re-sends a slot whose first post may have landed, cannot post twice.
 */
export async function sendClaimedSlot(deps: DeliveryDependencies, subscription: RecapSubscription, slot: string): Promise<DeliveryResult> {
  const { ledger, log } = deps;
  const last = ledger.lastDelivered(subscription.channelId);
  const recap = buildRecap(deps.briefing(), last && { editionId: last.editionId, deliveredAt: last.settledAt ?? last.slot }, subscription.timezone);
  if (recap.kind === 'quiet' && subscription.whenQuiet === 'skip') {
    await withRetryOnBusy(() => ledger.settle(subscription.id, slot, { status: 'skipped', editionId: recap.editionId, detail: 'nothing new' }));
    return { status: 'skipped' };
  }
  const { content, embeds, components } = recap.reply;
  const body: RESTPostAPIChannelMessageJSONBody = { content, embeds, components, allowed_mentions: { parse: [] }, nonce: nonceFor(subscription.id, slot), enforce_nonce: true };

  const backoff = deps.backoffMs ?? DEFAULT_BACKOFF_MS;
  for (let attempt = 0; ; attempt++) {
    let message: { id: string };
    try {
      message = await deps.poster.post(subscription.channelId, body);
    } catch (error) {
      const failure = classifyFailure(error);
      const wait = backoff[attempt];
      if (failure.retryable && wait !== undefined) {
        log.warn({ subscription: subscription.id, slot, failure: failure.kind, attempt: attempt + 1 }, 'recap delivery will be retried');
        await sleep(Math.max(wait, failure.retryAfterMs ?? 0));
        continue;
      }
      if (failure.pauses) await withRetryOnBusy(() => deps.subscriptions.pause(subscription.id, failure.reason));
      await withRetryOnBusy(() => ledger.settle(subscription.id, slot, { status: 'failed', detail: failure.reason }));
      log.warn({ subscription: subscription.id, channel: subscription.channelId, slot, failure: failure.kind, paused: failure.pauses, err: error }, 'recap delivery failed');
      return { status: 'failed', failure };
    }
    // Outside the try: a database that stays locked must not look like a failed post and post again.
    await withRetryOnBusy(() => ledger.settle(subscription.id, slot, { status: 'delivered', messageId: message.id, editionId: recap.editionId, detail: recap.kind }));
    log.info({ subscription: subscription.id, channel: subscription.channelId, slot, kind: recap.kind, messageId: message.id }, 'recap delivered');
    return { status: 'delivered', messageId: message.id };
  }
}

/** Discord nonces are at most 25 characters; this one is stable for a (subscription, slot). */
export function nonceFor(subscriptionId: number, slot: string): string {
  return createHash('sha256').update(`${subscriptionId}|${slot}`).digest('base64url').slice(0, 25);
}
