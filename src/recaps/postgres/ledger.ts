// The delivery ledger in PostgreSQL: the same rules as SQLite's. A claim is a row the primary key lets
// exactly one process insert (INSERT ... ON CONFLICT DO NOTHING); a claim whose lease ran out (its owner
// died or hangs, on any host) is taken over under row locks with FOR UPDATE SKIP LOCKED, so replicas
// sweeping at once each take different rows and none takes a row twice; correction edits are claimed
// like slots.
import { DELIVERY_COLUMNS as COLUMNS, type CorrectionEdit, type Delivery, type DeliveryLedger, type Settlement } from '../ledger.js';
import type { Pool } from './database.js';

export class PgDeliveryLedger implements DeliveryLedger {
  constructor(private readonly pool: Pool) {}

  async claim(subscriptionId: number, slot: string, channelId: string, claimant: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO deliveries (subscription_id, slot, channel_id, status, claimed_by, claimed_at)
       VALUES ($1, $2, $3, 'claimed', $4, $5) ON CONFLICT DO NOTHING`,
      [subscriptionId, slot, channelId, claimant, new Date().toISOString()],
    );
    return rowCount === 1;
  }

  async takeOver(delivery: Delivery, claimant: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE deliveries SET claimed_by = $1, claimed_at = $2
       WHERE subscription_id = $3 AND slot = $4 AND status = 'claimed' AND claimed_by IS NOT DISTINCT FROM $5`,
      [claimant, new Date().toISOString(), delivery.subscriptionId, delivery.slot, delivery.claimedBy],
    );
    return rowCount === 1;
  }

  async takeOverExpired(claimant: string, leaseMs: number): Promise<Delivery[]> {
    const now = new Date();
    const { rows } = await this.pool.query<Delivery>(
      `WITH expired AS (
         SELECT subscription_id AS expired_subscription, slot AS expired_slot, claimed_by AS previous_by, claimed_at AS previous_at FROM deliveries
         WHERE status = 'claimed' AND claimed_by IS DISTINCT FROM $1 AND claimed_at < $3
         ORDER BY claimed_at
         FOR UPDATE SKIP LOCKED
       )
       UPDATE deliveries SET claimed_by = $1, claimed_at = $2
       FROM expired WHERE subscription_id = expired_subscription AND slot = expired_slot
       RETURNING ${COLUMNS.replace('claimed_by AS "claimedBy"', 'previous_by AS "claimedBy"').replace('claimed_at AS "claimedAt"', 'previous_at AS "claimedAt"')}`,
      [claimant, now.toISOString(), new Date(now.getTime() - leaseMs).toISOString()],
    );
    return rows;
  }

  async renewClaims(claimant: string): Promise<number> {
    const { rowCount } = await this.pool.query(`UPDATE deliveries SET claimed_at = $2 WHERE status = 'claimed' AND claimed_by = $1`, [claimant, new Date().toISOString()]);
    return rowCount ?? 0;
  }

  async settle(subscriptionId: number, slot: string, settlement: Settlement): Promise<void> {
    const { status, messageId = null, editionId = null, detail = null, items = null, content = null, threadId = null, releaseId = null } = settlement;
    await this.pool.query(
      `UPDATE deliveries SET status = $3, settled_at = $4, message_id = $5, edition_id = $6, detail = $7, items = $8, content = $9, thread_id = $10,
         release_id = $11
       WHERE subscription_id = $1 AND slot = $2`,
      [subscriptionId, slot, status, new Date().toISOString(), messageId, editionId, detail, items, content, threadId, releaseId],
    );
  }

  async postedWithItems(): Promise<Delivery[]> {
    return (await this.pool.query<Delivery>(`SELECT ${COLUMNS} FROM deliveries WHERE status = 'delivered' AND message_id IS NOT NULL AND items IS NOT NULL ORDER BY settled_at`)).rows;
  }

  async claimCorrectionEdit(edit: CorrectionEdit, claimant: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO correction_edits (message_id, correction_id, channel_id, status, claimed_by, at)
       VALUES ($1, $2, $3, 'claimed', $4, $5) ON CONFLICT DO NOTHING`,
      [edit.messageId, edit.correctionId, edit.channelId, claimant, new Date().toISOString()],
    );
    return rowCount === 1;
  }

  async correctionsOn(messageId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>(`SELECT correction_id AS id FROM correction_edits WHERE message_id = $1 AND status != 'failed' ORDER BY at`, [messageId]);
    return rows.map(({ id }) => id);
  }

  async settleCorrectionEdits(messageId: string, correctionIds: readonly string[], status: 'edited' | 'failed', detail?: string): Promise<void> {
    await this.pool.query(`UPDATE correction_edits SET status = $1, at = $2, detail = $3 WHERE message_id = $4 AND correction_id = ANY($5::text[])`, [
      status,
      new Date().toISOString(),
      detail ?? null,
      messageId,
      [...correctionIds],
    ]);
  }

  async recordMissed(subscriptionId: number, slot: string, channelId: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO deliveries (subscription_id, slot, channel_id, status, settled_at, detail)
       VALUES ($1, $2, $3, 'missed', $4, 'the bot was not running at that time') ON CONFLICT DO NOTHING`,
      [subscriptionId, slot, channelId, new Date().toISOString()],
    );
  }

  async lastDelivered(channelId: string): Promise<Delivery | undefined> {
    return (await this.pool.query<Delivery>(`SELECT ${COLUMNS} FROM deliveries WHERE channel_id = $1 AND status = 'delivered' ORDER BY settled_at DESC LIMIT 1`, [channelId])).rows[0];
  }

  async latest(subscriptionId: number): Promise<Delivery | undefined> {
    return (await this.pool.query<Delivery>(`SELECT ${COLUMNS} FROM deliveries WHERE subscription_id = $1 ORDER BY COALESCE(settled_at, claimed_at) DESC LIMIT 1`, [subscriptionId])).rows[0];
  }

  async unsettled(): Promise<Delivery[]> {
    return (await this.pool.query<Delivery>(`SELECT ${COLUMNS} FROM deliveries WHERE status = 'claimed' ORDER BY slot`)).rows;
  }

  async forSubscription(subscriptionId: number): Promise<Delivery[]> {
    return (await this.pool.query<Delivery>(`SELECT ${COLUMNS} FROM deliveries WHERE subscription_id = $1 ORDER BY slot`, [subscriptionId])).rows;
  }
}
