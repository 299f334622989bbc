// The delivery ledger: one row per (subscription, scheduled slot), claimed before anything is sent and
// settled after. The primary key makes a claim succeed for exactly one process, so a slot is never
// posted twice, across restarts and across processes sharing the database file.
import type { Db } from './database.js';

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
}

const COLUMNS = `subscription_id AS subscriptionId, slot, channel_id AS channelId, status, claimed_by AS claimedBy,
  claimed_at AS claimedAt, settled_at AS settledAt, message_id AS messageId, edition_id AS editionId, detail, items, content`;

export interface Settlement {
  status: Exclude<DeliveryStatus, 'claimed'>;
  messageId?: string;
  editionId?: string;
  detail?: string;
  /** What a posted recap showed (`position:id`, `summary:edition`, ...), as JSON: corrections find it by these. */
  items?: string;
  /** The message content as posted: a correction is added to it. */
  content?: string;
}

/** A correction that is to be added to a recap posted before it. */
export interface CorrectionEdit {
  messageId: string;
  channelId: string;
  correctionId: string;
}

export class DeliveryLedger {
  constructor(private readonly db: Db) {}

  /** True when this claimant now owns the slot; false when someone already claimed or settled it. */
  claim(subscriptionId: number, slot: string, channelId: string, claimant: string): boolean {
    const { changes } = this.db
      .prepare(
        `INSERT INTO deliveries (subscription_id, slot, channel_id, status, claimed_by, claimed_at)
         VALUES (?, ?, ?, 'claimed', ?, ?) ON CONFLICT DO NOTHING`,
      )
      .run(subscriptionId, slot, channelId, claimant, new Date().toISOString());
    return changes === 1;
  }

  /** Takes over a claim whose owner died before settling it; true for exactly one taker. */
  takeOver(delivery: Delivery, claimant: string): boolean {
    const { changes } = this.db
      .prepare(
        `UPDATE deliveries SET claimed_by = ?, claimed_at = ?
         WHERE subscription_id = ? AND slot = ? AND status = 'claimed' AND claimed_by IS ?`,
      )
      .run(claimant, new Date().toISOString(), delivery.subscriptionId, delivery.slot, delivery.claimedBy);
    return changes === 1;
  }

  settle(subscriptionId: number, slot: string, settlement: Settlement): void {
    this.db
      .prepare(
        `UPDATE deliveries SET status = @status, settled_at = @settledAt, message_id = @messageId, edition_id = @editionId, detail = @detail,
           items = @items, content = @content
         WHERE subscription_id = @subscriptionId AND slot = @slot`,
      )
      .run({ messageId: null, editionId: null, detail: null, items: null, content: null, ...settlement, subscriptionId, slot, settledAt: new Date().toISOString() });
  }

  /** Every posted recap that recorded what it showed. */
  postedWithItems(): Delivery[] {
    return this.db
      .prepare(`SELECT ${COLUMNS} FROM deliveries WHERE status = 'delivered' AND message_id IS NOT NULL AND items IS NOT NULL ORDER BY settled_at`)
      .all() as Delivery[];
  }

  /** True for exactly one claimant, once ever: the correction is added to that message by whoever claims it. */
  claimCorrectionEdit(edit: CorrectionEdit, claimant: string): boolean {
    const { changes } = this.db
      .prepare(
        `INSERT INTO correction_edits (message_id, correction_id, channel_id, status, claimed_by, at)
         VALUES (?, ?, ?, 'claimed', ?, ?) ON CONFLICT DO NOTHING`,
      )
      .run(edit.messageId, edit.correctionId, edit.channelId, claimant, new Date().toISOString());
    return changes === 1;
  }

  /** The corrections already added to (or claimed for) a message. */
  correctionsOn(messageId: string): string[] {
    return (this.db.prepare(`SELECT correction_id AS id FROM correction_edits WHERE message_id = ? AND status != 'failed' ORDER BY at`).all(messageId) as { id: string }[]).map(({ id }) => id);
  }

  settleCorrectionEdits(messageId: string, correctionIds: readonly string[], status: 'edited' | 'failed', detail?: string): void {
    const update = this.db.prepare(`UPDATE correction_edits SET status = ?, at = ?, detail = ? WHERE message_id = ? AND correction_id = ?`);
    for (const id of correctionIds) update.run(status, new Date().toISOString(), detail ?? null, messageId, id);
  }

  /** Records a slot that passed while no process was running, too long ago to post. */
  recordMissed(subscriptionId: number, slot: string, channelId: string): void {
    this.db
      .prepare(
        `INSERT INTO deliveries (subscription_id, slot, channel_id, status, settled_at, detail)
         VALUES (?, ?, ?, 'missed', ?, 'the bot was not running at that time') ON CONFLICT DO NOTHING`,
      )
      .run(subscriptionId, slot, channelId, new Date().toISOString());
  }

  /** The last recap actually posted in a channel: what "changed since" is measured from. */
  lastDelivered(channelId: string): Delivery | undefined {
    return this.db
      .prepare(`SELECT ${COLUMNS} FROM deliveries WHERE channel_id = ? AND status = 'delivered' ORDER BY settled_at DESC LIMIT 1`)
      .get(channelId) as Delivery | undefined;
  }

  latest(subscriptionId: number): Delivery | undefined {
    return this.db
      .prepare(`SELECT ${COLUMNS} FROM deliveries WHERE subscription_id = ? ORDER BY COALESCE(settled_at, claimed_at) DESC LIMIT 1`)
      .get(subscriptionId) as Delivery | undefined;
  }

  unsettled(): Delivery[] {
    return this.db.prepare(`SELECT ${COLUMNS} FROM deliveries WHERE status = 'claimed' ORDER BY slot`).all() as Delivery[];
  }

  forSubscription(subscriptionId: number): Delivery[] {
    return this.db.prepare(`SELECT ${COLUMNS} FROM deliveries WHERE subscription_id = ? ORDER BY slot`).all(subscriptionId) as Delivery[];
  }
}
