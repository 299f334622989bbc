// What a release sets off: one post in each channel whose recap waits for new editions, and a line added to
// every recap already posted that showed an item a later release corrected, or that announced an edition a
// release withdrew. Each happens exactly once, across restarts and processes: the ledger's primary keys
// decide who does it.
import type { RESTPatchAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import type { Briefing, InEdition } from '../briefing/briefing.js';
import type { Correction } from '../briefing/schema.js';
import { LIMITS } from '../render/limits.js';
import { messageBody } from '../render/reply.js';
import { truncate } from '../render/text.js';
import { messagesFor, type Messages } from '../i18n/messages.js';
import { formatDate } from '../time/dates.js';
import { classifyFailure } from './delivery-outcome.js';
import type { Delivery, DeliveryLedger } from './ledger.js';
import type { RecapSubscription } from './subscriptions.js';

/**
 * The release being served, as recaps need to know it: its id (recorded with each delivery), which release
 * brought each edition (an edition withdrawn and published again is announced again), and, for any earlier
 * release, the corrections it held (a recap made from it already showed those).
 */
export interface ServedRelease {
  id: number;
  introducerOf(editionId: string): number;
  correctionsOf(releaseId: number): Promise<ReadonlySet<string> | undefined>;
}

const EDITION_SLOT = /^edition:(\d{4}-\d{2}-\d{2})(?:@\d+)?$/;

/**
 * The slot an edition's announcement is claimed under: once per recap, edition and the release that brought
 * it (without releases, as in tests and the preview, once per recap and edition).
 */
export const editionSlot = (editionId: string, introducer?: number) => (introducer === undefined ? `edition:${editionId}` : `edition:${editionId}@${introducer}`);

/** The edition an announcement's slot announced, if it is one. */
export const announcedEdition = (slot: string): string | undefined => EDITION_SLOT.exec(slot)?.[1];

/**
 * The recaps that are to announce the view's newest edition: waiting for new editions, and set up before it.
 * Edition ids are dates, so an edition the recap saw and a release then withdrew still counts as seen.
 */
export function recapsToAnnounce(briefing: Briefing, subscriptions: readonly RecapSubscription[]): RecapSubscription[] {
  return subscriptions.filter((subscription) => subscription.trigger === 'new-edition' && !subscription.pausedAt && (subscription.seenEdition ?? '') < briefing.newest.id);
}

/**
 * The edition a recap that waits for new editions has seen once a release withdrew the one it saw: the newest
 * before it, so the next edition published (that one again included) is announced. Undefined: nothing to forget.
 */
export function seenAfterWithdrawal(briefing: Briefing, subscription: Pick<RecapSubscription, 'trigger' | 'seenEdition'>): string | undefined {
  const seen = subscription.seenEdition;
  if (subscription.trigger !== 'new-edition' || !seen || briefing.content.editions.some((edition) => edition.id === seen)) return undefined;
  return briefing.editions.filter((edition) => edition.id < seen).at(-1)?.id;
}

/** A line added to a posted recap: a correction, or the withdrawal of the edition it announced. */
export interface Annotation {
  /** Claimed once per message in the ledger: the correction's id, or `withdrawn:<edition>`. */
  id: string;
  line: string;
}

export interface DueEdit {
  /** Where the message is: its channel, or the thread it was posted in. */
  channelId: string;
  messageId: string;
  /** The message content as posted. */
  content: string;
  /** Every line the message is to carry now, in order; those not yet added are claimed and added. */
  annotations: Annotation[];
}

/**
 * Posted recaps that showed an item a correction published after them names, or announced an edition the
 * briefing no longer holds, with the lines they are to carry, in the language of the recap (of
 * `subscriptions`) that posted them.
 */
export async function editsDue(
  briefing: Briefing,
  ledger: Pick<DeliveryLedger, 'postedWithItems'>,
  subscriptions: readonly Pick<RecapSubscription, 'id' | 'language'>[],
  release?: Pick<ServedRelease, 'correctionsOf'>,
): Promise<DueEdit[]> {
  const languages = new Map(subscriptions.map(({ id, language }) => [id, language]));
  const order = new Map(briefing.editions.map((edition, index) => [edition.id, index]));
  const held = new Set(briefing.content.editions.map((edition) => edition.id));
  const due: DueEdit[] = [];
  for (const delivery of await ledger.postedWithItems()) {
    // A recap in a forum's post is edited there, not in the forum; a removed recap's posts stay in English.
    const t = messagesFor(languages.get(delivery.subscriptionId) ?? 'en');
    const corrections = await correctionsFor(delivery, briefing, order, release);
    const annotations = corrections.map((correction) => ({ id: correction.id, line: correctionLine(t, correction) }));
    const announced = announcedEdition(delivery.slot);
    if (announced && !held.has(announced)) annotations.push({ id: `withdrawn:${announced}`, line: `🗑️ ${t.recap.withdrawn(formatDate(announced, t.locale))}` });
    if (annotations.length > 0) due.push({ channelId: delivery.threadId ?? delivery.channelId, messageId: delivery.messageId!, content: delivery.content ?? '', annotations });
  }
  return due;
}

/**
 * The corrections a posted recap is to carry: those that name an item it showed and that it could not have
 * shown, being published after it: in a later edition than the one it was made from, or in that edition but
 * not yet in the release it was made from (a correction published on its own).
 */
async function correctionsFor(
  delivery: Delivery,
  briefing: Briefing,
  order: ReadonlyMap<string, number>,
  release: Pick<ServedRelease, 'correctionsOf'> | undefined,
): Promise<InEdition<Correction>[]> {
  const shown = new Set(JSON.parse(delivery.items ?? '[]') as string[]);
  const showing = briefing.corrections.filter((correction) => correction.items.some((item) => shown.has(`${item.kind}:${item.id}`)));
  if (showing.length === 0) return [];
  const postedAt = order.get(delivery.editionId ?? '') ?? -1;
  const alreadyIn = delivery.releaseId === null || !release ? undefined : await release.correctionsOf(delivery.releaseId);
  return showing.filter((correction) => order.get(correction.edition)! > postedAt || (alreadyIn !== undefined && !alreadyIn.has(correction.id)));
}

/** `✏️ Correction (3 Dec 2025): what was wrong. What is right.` */
function correctionLine(t: Messages, correction: Correction): string {
  return `✏️ ${t.labelled(t.recap.correction(formatDate(correction.date, t.locale)), `${correction.wrong} ${correction.right}`)}`;
}

/** The message as it reads once it carries the `applied` annotations (and no others), within Discord's limit. */
export function annotatedContent(message: DueEdit, applied: ReadonlySet<string>): string {
  const lines = message.annotations.filter((annotation) => applied.has(annotation.id)).map((annotation) => annotation.line);
  return truncate([message.content, ...lines].filter(Boolean).join('\n'), LIMITS.content);
}

export interface MessageEditor {
  edit(channelId: string, messageId: string, body: RESTPatchAPIChannelMessageJSONBody): Promise<unknown>;
}

/**
 * Adds each message's new lines once: a line is claimed per message in the ledger first, so of several
 * processes only one edits; a failed edit is recorded with its reason and not tried again.
 */
export async function addAnnotations(
  due: readonly DueEdit[],
  ledger: Pick<DeliveryLedger, 'claimCorrectionEdit' | 'correctionsOn' | 'settleCorrectionEdits'>,
  editor: MessageEditor,
  claimant: string,
): Promise<{ edited: number; failed: { messageId: string; reason: string }[] }> {
  const result = { edited: 0, failed: [] as { messageId: string; reason: string }[] };
  for (const message of due) {
    const claimed: string[] = [];
    for (const { id } of message.annotations) if (await ledger.claimCorrectionEdit({ messageId: message.messageId, channelId: message.channelId, correctionId: id }, claimant)) claimed.push(id);
    if (claimed.length === 0) continue;
    const content = annotatedContent(message, new Set(await ledger.correctionsOn(message.messageId)));
    try {
      await editor.edit(message.channelId, message.messageId, messageBody({ content }));
      await ledger.settleCorrectionEdits(message.messageId, claimed, 'edited');
      result.edited += 1;
    } catch (error) {
      const { reason } = classifyFailure(error);
      await ledger.settleCorrectionEdits(message.messageId, claimed, 'failed', reason);
      result.failed.push({ messageId: message.messageId, reason });
    }
  }
  return result;
}
