// What publishing a release would do in the channels, computed by the same functions the scheduler runs once
// it is published: the post each `on new edition` recap would get (in its language), and the new lines each
// posted recap would carry (corrections, a withdrawn edition), with the message as it would then read.
import { buildBriefing, type BriefingContent } from '../briefing/briefing.js';
import type { DeliveryLedger } from '../recaps/ledger.js';
import { annotatedContent, editsDue, recapsToAnnounce, seenAfterWithdrawal } from '../recaps/editions.js';
import { recapFor } from '../recaps/delivery.js';
import { currentView, type RecapMoment, type Summarize } from '../recaps/recap-content.js';
import type { RecapSubscription, SubscriptionStore } from '../recaps/subscriptions.js';
import type { Reply } from '../render/reply.js';
import type { ReleaseStore } from './store.js';

export interface PlannedPost {
  subscription: RecapSubscription;
  reply: Reply;
}

export interface PlannedEdit {
  channelId: string;
  messageId: string;
  /** The lines the edit adds. */
  adds: string[];
  /** The message as it would read after the edit. */
  content: string;
}

export interface DryRun {
  posts: PlannedPost[];
  edits: PlannedEdit[];
}

export interface DryRunStorage {
  subscriptions: Pick<SubscriptionStore, 'all'>;
  ledger: Pick<DeliveryLedger, 'postedWithItems' | 'correctionsOn' | 'lastDelivered'>;
  releases: Pick<ReleaseStore, 'get'>;
}

export async function dryRun(content: BriefingContent, storage: DryRunStorage, summarize: Summarize, at: Date, staleAfterDays: number): Promise<DryRun> {
  const moment: RecapMoment = { briefing: buildBriefing(content), now: at, staleAfterDays };
  const view = currentView(moment);
  const subscriptions = (await storage.subscriptions.all()).map((subscription) => {
    const seen = seenAfterWithdrawal(view, subscription);
    return seen ? { ...subscription, seenEdition: seen } : subscription;
  });
  const correctionsOf = async (id: number) => new Set((await storage.releases.get(id))?.meta.corrections);
  const posts: PlannedPost[] = [];
  for (const subscription of recapsToAnnounce(view, subscriptions)) posts.push({ subscription, reply: (await recapFor(moment, subscription, storage.ledger, summarize)).reply });
  const edits: PlannedEdit[] = [];
  for (const message of await editsDue(view, storage.ledger, subscriptions, { correctionsOf })) {
    const applied = new Set(await storage.ledger.correctionsOn(message.messageId));
    const adds = message.annotations.filter((annotation) => !applied.has(annotation.id));
    if (adds.length === 0) continue;
    for (const { id } of adds) applied.add(id);
    edits.push({ channelId: message.channelId, messageId: message.messageId, adds: adds.map((annotation) => annotation.line), content: annotatedContent(message, applied) });
  }
  return { posts, edits };
}
