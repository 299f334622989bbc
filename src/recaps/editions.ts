// What a new edition sets off: one post in each channel whose recap waits for new editions, and a
// correction line added to every recap already posted that showed an item a later edition corrected.
// Each happens exactly once, across restarts and processes: the ledger's primary keys decide who does it.
import type { RESTPatchAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import type { Briefing } from '../briefing/briefing.js';
import type { Correction } from '../briefing/schema.js';
import type { InEdition } from '../briefing/briefing.js';
import { LIMITS } from '../render/limits.js';
import { messageBody } from '../render/reply.js';
import { truncate } from '../render/text.js';
import type { Locale } from '../i18n/locale.js';
import { messagesFor, type Messages } from '../i18n/messages.js';
import { formatDate } from '../time/dates.js';
import { classifyFailure } from './delivery-outcome.js';
import type { DeliveryLedger } from './ledger.js';
import type { RecapSubscription } from './subscriptions.js';

/** The slot an edition's announcement is claimed under, once per recap and edition. */
export const editionSlot = (editionId: string) => `edition:${editionId}`;

/** The recaps that are to announce the view's newest edition: waiting for new editions, and set up before it. */
export function recapsToAnnounce(briefing: Briefing, subscriptions: readonly RecapSubscription[]): RecapSubscription[] {
  const order = new Map(briefing.editions.map((edition, index) => [edition.id, index]));
  const newest = order.get(briefing.newest.id)!;
  return subscriptions.filter(
    (subscription) => subscription.trigger === 'new-edition' && !subscription.pausedAt && (order.get(subscription.seenEdition ?? '') ?? -1) < newest,
  );
}

export interface DueCorrection {
  /** Where the message is: its channel, or the thread it was posted in. */
  channelId: string;
  messageId: string;
  /** The message content as posted. */
  content: string;
  corrections: InEdition<Correction>[];
  /** The language the recap was posted in, which its correction lines are written in. */
  locale: Locale;
}

/**
 * Posted recaps that showed an item a correction published after them names, with those corrections, in the
 * language of the recap (of `subscriptions`) that posted them.
 */
export async function correctionsDue(
  briefing: Briefing,
  ledger: Pick<DeliveryLedger, 'postedWithItems'>,
  subscriptions: readonly Pick<RecapSubscription, 'id' | 'language'>[],
): Promise<DueCorrection[]> {
  if (briefing.corrections.length === 0) return [];
  const languages = new Map(subscriptions.map(({ id, language }) => [id, language]));
  const order = new Map(briefing.editions.map((edition, index) => [edition.id, index]));
  const due: DueCorrection[] = [];
  for (const delivery of await ledger.postedWithItems()) {
    const shown = new Set(JSON.parse(delivery.items ?? '[]') as string[]);
    const postedAt = order.get(delivery.editionId ?? '') ?? -1;
    // A recap made from the correcting edition (or a later one) already showed the right version.
    const corrections = briefing.corrections.filter(
      (correction) => order.get(correction.edition)! > postedAt && correction.items.some((item) => shown.has(`${item.kind}:${item.id}`)),
    );
    if (corrections.length === 0) continue;
    // A recap in a forum's post is edited there, not in the forum; a removed recap's posts stay in English.
    const locale = languages.get(delivery.subscriptionId) ?? 'en';
    due.push({ channelId: delivery.threadId ?? delivery.channelId, messageId: delivery.messageId!, content: delivery.content ?? '', corrections, locale });
  }
  return due;
}

/** `✏️ Correction (3 Dec 2025): what was wrong. What is right.` */
function correctionLine(t: Messages, correction: Correction): string {
  return `✏️ ${t.labelled(t.recap.correction(formatDate(correction.date, t.locale)), `${correction.wrong} ${correction.right}`)}`;
}

export interface MessageEditor {
  edit(channelId: string, messageId: string, body: RESTPatchAPIChannelMessageJSONBody): Promise<unknown>;
}

/**
 * Adds the corrections to each message once: a correction is claimed per message in the ledger first, so
 * of several processes only one edits; a failed edit is recorded with its reason and not tried again.
 */
export async function addCorrections(
  due: readonly DueCorrection[],
  ledger: Pick<DeliveryLedger, 'claimCorrectionEdit' | 'correctionsOn' | 'settleCorrectionEdits'>,
  editor: MessageEditor,
  claimant: string,
): Promise<{ edited: number; failed: { messageId: string; reason: string }[] }> {
  const result = { edited: 0, failed: [] as { messageId: string; reason: string }[] };
  for (const message of due) {
    const claimed: InEdition<Correction>[] = [];
    for (const correction of message.corrections) if (await ledger.claimCorrectionEdit({ messageId: message.messageId, channelId: message.channelId, correctionId: correction.id }, claimant)) claimed.push(correction);
    if (claimed.length === 0) continue;
    const applied = new Set(await ledger.correctionsOn(message.messageId));
    const t = messagesFor(message.locale);
    const lines = message.corrections.filter((correction) => applied.has(correction.id)).map((correction) => correctionLine(t, correction));
    const content = truncate([message.content, ...lines].filter(Boolean).join('\n'), LIMITS.content);
    const ids = claimed.map((correction) => correction.id);
    try {
      await editor.edit(message.channelId, message.messageId, messageBody({ content }));
      await ledger.settleCorrectionEdits(message.messageId, ids, 'edited');
      result.edited += 1;
    } catch (error) {
      const { reason } = classifyFailure(error);
      await ledger.settleCorrectionEdits(message.messageId, ids, 'failed', reason);
      result.failed.push({ messageId: message.messageId, reason });
    }
  }
  return result;
}
