// The delivery ledger: one row per (subscription, scheduled slot), claimed before anything is sent and
// settled after. The primary key makes a claim succeed for exactly one process, so a slot is never
// posted twice, across restarts and across processes sharing the database. The interface and its types; its
// one implementation, over both engines, is sql-ledger.ts.

export type DeliveryStatus = 'claimed' | 'delivered' | 'skipped' | 'failed' | 'missed';

export interface Delivery {
  subscriptionId: number;
  slot: string;
  channelId: string;
  status: DeliveryStatus;
  claimedBy: string | null;
  claimedAt: string | null;
  settledAt: string | null;
  messageId: string | null;
  editionId: string | null;
  detail: string | null;
  items: string | null;
  content: string | null;
  /** The thread the message was posted in (a forum's post), when not the channel itself. */
  threadId: string | null;
  /** The release the recap was made from (none before releases existed). */
  releaseId: number | null;
}

export interface Settlement {
  status: Exclude<DeliveryStatus, 'claimed'>;
  messageId?: string;
  editionId?: string;
  detail?: string;
  /** What a posted recap showed (`position:id`, `summary:edition`, ...), as JSON: corrections find it by these. */
  items?: string;
  /** The message content as posted: a correction is added to it. */
  content?: string;
  threadId?: string;
  releaseId?: number;
}

/** A correction that is to be added to a recap posted before it. */
export interface CorrectionEdit {
  messageId: string;
  channelId: string;
  correctionId: string;
}

export interface DeliveryLedger {
  /** True when this claimant now owns the slot; false when someone already claimed or settled it. */
  claim(subscriptionId: number, slot: string, channelId: string, claimant: string): Promise<boolean>;
  /** Takes over a claim whose owner died before settling it (still held by `delivery.claimedBy`); true for exactly one taker. */
  takeOver(delivery: Delivery, claimant: string): Promise<boolean>;
  /**
   * Takes over every unsettled claim of another claimant older than `leaseMs` (its owner died or hangs,
   * on whatever host): each such claim goes to exactly one of the processes asking at once. Returns them as
   * they were (`claimedBy` and `claimedAt` of the previous owner); they are now held by `claimant`.
   */
  takeOverExpired(claimant: string, leaseMs: number): Promise<Delivery[]>;
  /** Renews the lease of every claim `claimant` still holds: a live process posting slowly keeps its slots. */
  renewClaims(claimant: string): Promise<number>;
  settle(subscriptionId: number, slot: string, settlement: Settlement): Promise<void>;
  /** Every posted recap that recorded what it showed. */
  postedWithItems(): Promise<Delivery[]>;
  /** True for exactly one claimant, once ever: the correction is added to that message by whoever claims it. */
  claimCorrectionEdit(edit: CorrectionEdit, claimant: string): Promise<boolean>;
  /** The corrections already added to (or claimed for) a message. */
  correctionsOn(messageId: string): Promise<string[]>;
  settleCorrectionEdits(messageId: string, correctionIds: readonly string[], status: 'edited' | 'failed', detail?: string): Promise<void>;
  /** Records a slot that passed while no process was running, too long ago to post. */
  recordMissed(subscriptionId: number, slot: string, channelId: string): Promise<void>;
  /** The last recap actually posted in a channel: what "changed since" is measured from. */
  lastDelivered(channelId: string): Promise<Delivery | undefined>;
  latest(subscriptionId: number): Promise<Delivery | undefined>;
  unsettled(): Promise<Delivery[]>;
  forSubscription(subscriptionId: number): Promise<Delivery[]>;
}

// The SQLite ledger by the name and import path it shipped with (the implementation is sql-ledger.ts).
export { SqliteDeliveryLedger } from './sql-ledger.js';
