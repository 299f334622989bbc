// The delivery ledger: one row per (subscription, scheduled slot), claimed before anything is sent and
// settled after. The primary key makes a claim succeed for exactly one process, so a slot is never
// posted twice, across restarts and across processes sharing the database. The interface, and its SQLite
// implementation (PostgreSQL: postgres/ledger.ts).
import { withRetryOnBusy, type Db, type RetryOptions } from './database.js';

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

export const DELIVERY_COLUMNS = `subscription_id AS "subscriptionId", slot, channel_id AS "channelId", status, claimed_by AS "claimedBy",
  claimed_at AS "claimedAt", settled_at AS "settledAt", message_id AS "messageId", edition_id AS "editionId", detail, items, content, thread_id AS "threadId",
  release_id AS "releaseId"`;

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

const COLUMNS = DELIVERY_COLUMNS;

export class SqliteDeliveryLedger implements DeliveryLedger {
  /** `busy`: told when a write waits for another process's lock. */
  constructor(
    private readonly db: Db,
    private readonly busy: Pick<RetryOptions, 'onRetry'> = {},
  ) {}

  /** A write that waits out another process's write lock on a timer, never by blocking the event loop. */
  private write<T>(work: () => T): Promise<T> {
    return withRetryOnBusy(work, this.busy);
  }

  claim(subscriptionId: number, slot: string, channelId: string, claimant: string): Promise<boolean> {
    return this.write(() => {
      const { changes } = this.db
        .prepare(
          `INSERT INTO deliveries (subscription_id, slot, channel_id, status, claimed_by, claimed_at)
           VALUES (?, ?, ?, 'claimed', ?, ?) ON CONFLICT DO NOTHING`,
        )
        .run(subscriptionId, slot, channelId, claimant, new Date().toISOString());
      return changes === 1;
    });
  }

  takeOver(delivery: Delivery, claimant: string): Promise<boolean> {
    return this.write(() => {
      const { changes } = this.db
        .prepare(
          `UPDATE deliveries SET claimed_by = ?, claimed_at = ?
           WHERE subscription_id = ? AND slot = ? AND status = 'claimed' AND claimed_by IS ?`,
        )
        .run(claimant, new Date().toISOString(), delivery.subscriptionId, delivery.slot, delivery.claimedBy);
      return changes === 1;
    });
  }

  /** Read and taken in one IMMEDIATE transaction, under SQLite's single write lock: no two processes get the same row. */
  takeOverExpired(claimant: string, leaseMs: number): Promise<Delivery[]> {
    const take = this.db.transaction(() => {
      const now = new Date();
      const expired = this.db
        .prepare(`SELECT ${COLUMNS} FROM deliveries WHERE status = 'claimed' AND claimed_by IS NOT ? AND claimed_at < ? ORDER BY claimed_at`)
        .all(claimant, new Date(now.getTime() - leaseMs).toISOString()) as Delivery[];
      const update = this.db.prepare(`UPDATE deliveries SET claimed_by = ?, claimed_at = ? WHERE subscription_id = ? AND slot = ?`);
      for (const delivery of expired) update.run(claimant, now.toISOString(), delivery.subscriptionId, delivery.slot);
      return expired;
    });
    return this.write(() => take.immediate());
  }

  renewClaims(claimant: string): Promise<number> {
    return this.write(() => this.db.prepare(`UPDATE deliveries SET claimed_at = ? WHERE status = 'claimed' AND claimed_by = ?`).run(new Date().toISOString(), claimant).changes);
  }

  async settle(subscriptionId: number, slot: string, settlement: Settlement): Promise<void> {
    await this.write(() =>
      this.db
        .prepare(
          `UPDATE deliveries SET status = @status, settled_at = @settledAt, message_id = @messageId, edition_id = @editionId, detail = @detail,
             items = @items, content = @content, thread_id = @threadId, release_id = @releaseId
           WHERE subscription_id = @subscriptionId AND slot = @slot`,
        )
        .run({ messageId: null, editionId: null, detail: null, items: null, content: null, threadId: null, releaseId: null, ...settlement, subscriptionId, slot, settledAt: new Date().toISOString() }),
    );
  }

  async postedWithItems(): Promise<Delivery[]> {
    return this.db
      .prepare(`SELECT ${COLUMNS} FROM deliveries WHERE status = 'delivered' AND message_id IS NOT NULL AND items IS NOT NULL ORDER BY settled_at`)
      .all() as Delivery[];
  }

  claimCorrectionEdit(edit: CorrectionEdit, claimant: string): Promise<boolean> {
    return this.write(() => {
      const { changes } = this.db
        .prepare(
          `INSERT INTO correction_edits (message_id, correction_id, channel_id, status, claimed_by, at)
           VALUES (?, ?, ?, 'claimed', ?, ?) ON CONFLICT DO NOTHING`,
        )
        .run(edit.messageId, edit.correctionId, edit.channelId, claimant, new Date().toISOString());
      return changes === 1;
    });
  }

  async correctionsOn(messageId: string): Promise<string[]> {
    return (this.db.prepare(`SELECT correction_id AS id FROM correction_edits WHERE message_id = ? AND status != 'failed' ORDER BY at`).all(messageId) as { id: string }[]).map(({ id }) => id);
  }

  async settleCorrectionEdits(messageId: string, correctionIds: readonly string[], status: 'edited' | 'failed', detail?: string): Promise<void> {
    const update = this.db.prepare(`UPDATE correction_edits SET status = ?, at = ?, detail = ? WHERE message_id = ? AND correction_id = ?`);
    const all = this.db.transaction(() => {
      for (const id of correctionIds) update.run(status, new Date().toISOString(), detail ?? null, messageId, id);
    });
    await this.write(() => all());
  }

  async recordMissed(subscriptionId: number, slot: string, channelId: string): Promise<void> {
    await this.write(() =>
      this.db
        .prepare(
          `INSERT INTO deliveries (subscription_id, slot, channel_id, status, settled_at, detail)
           VALUES (?, ?, ?, 'missed', ?, 'the bot was not running at that time') ON CONFLICT DO NOTHING`,
        )
        .run(subscriptionId, slot, channelId, new Date().toISOString()),
    );
  }

  async lastDelivered(channelId: string): Promise<Delivery | undefined> {
    return this.db
      .prepare(`SELECT ${COLUMNS} FROM deliveries WHERE channel_id = ? AND status = 'delivered' ORDER BY settled_at DESC LIMIT 1`)
      .get(channelId) as Delivery | undefined;
  }

  async latest(subscriptionId: number): Promise<Delivery | undefined> {
    return this.db
      .prepare(`SELECT ${COLUMNS} FROM deliveries WHERE subscription_id = ? ORDER BY COALESCE(settled_at, claimed_at) DESC LIMIT 1`)
      .get(subscriptionId) as Delivery | undefined;
  }

  async unsettled(): Promise<Delivery[]> {
    return this.db.prepare(`SELECT ${COLUMNS} FROM deliveries WHERE status = 'claimed' ORDER BY slot`).all() as Delivery[];
  }

  async forSubscription(subscriptionId: number): Promise<Delivery[]> {
    return this.db.prepare(`SELECT ${COLUMNS} FROM deliveries WHERE subscription_id = ? ORDER BY slot`).all(subscriptionId) as Delivery[];
  }
}
