// The delivery ledger in the database, one implementation for SQLite and PostgreSQL over the Sql port. A claim
// is a row the primary key lets exactly one process insert (INSERT ... ON CONFLICT DO NOTHING); correction
// edits are claimed the same way. A claim whose lease ran out (its owner died or hangs, on any host) is taken
// over in a transaction that reads and takes the rows: SQLite's holds the one write lock, PostgreSQL's locks
// the rows it reads and skips those another sweep holds, so replicas sweeping at once each take different rows.
import { sqliteSql, type Sql } from '../storage/sql.js';
import type { Db } from './database.js';
import type { CorrectionEdit, Delivery, DeliveryLedger, Settlement } from './ledger.js';

const COLUMNS = `subscription_id AS "subscriptionId", slot, channel_id AS "channelId", status, claimed_by AS "claimedBy",
  claimed_at AS "claimedAt", settled_at AS "settledAt", message_id AS "messageId", edition_id AS "editionId", detail, items, content, thread_id AS "threadId",
  release_id AS "releaseId"`;

export class SqlDeliveryLedger implements DeliveryLedger {
  constructor(private readonly sql: Sql) {}

  async claim(subscriptionId: number, slot: string, channelId: string, claimant: string): Promise<boolean> {
    const claimed = await this.sql.run(
      `INSERT INTO deliveries (subscription_id, slot, channel_id, status, claimed_by, claimed_at)
       VALUES (?, ?, ?, 'claimed', ?, ?) ON CONFLICT DO NOTHING`,
      [subscriptionId, slot, channelId, claimant, new Date().toISOString()],
    );
    return claimed === 1;
  }

  async takeOver(delivery: Delivery, claimant: string): Promise<boolean> {
    const taken = await this.sql.run(
      `UPDATE deliveries SET claimed_by = ?, claimed_at = ?
       WHERE subscription_id = ? AND slot = ? AND status = 'claimed' AND claimed_by IS NOT DISTINCT FROM ?`,
      [claimant, new Date().toISOString(), delivery.subscriptionId, delivery.slot, delivery.claimedBy],
    );
    return taken === 1;
  }

  takeOverExpired(claimant: string, leaseMs: number): Promise<Delivery[]> {
    return this.sql.transaction(async (sql) => {
      const now = new Date();
      const expired = await sql.all<Delivery>(
        `SELECT ${COLUMNS} FROM deliveries WHERE status = 'claimed' AND claimed_by IS DISTINCT FROM ? AND claimed_at < ? ORDER BY claimed_at ${sql.lockRows}`,
        [claimant, new Date(now.getTime() - leaseMs).toISOString()],
      );
      for (const delivery of expired) {
        await sql.run('UPDATE deliveries SET claimed_by = ?, claimed_at = ? WHERE subscription_id = ? AND slot = ?', [claimant, now.toISOString(), delivery.subscriptionId, delivery.slot]);
      }
      return expired;
    });
  }

  renewClaims(claimant: string): Promise<number> {
    return this.sql.run(`UPDATE deliveries SET claimed_at = ? WHERE status = 'claimed' AND claimed_by = ?`, [new Date().toISOString(), claimant]);
  }

  async settle(subscriptionId: number, slot: string, settlement: Settlement): Promise<void> {
    const { status, messageId = null, editionId = null, detail = null, items = null, content = null, threadId = null, releaseId = null } = settlement;
    await this.sql.run(
      `UPDATE deliveries SET status = ?, settled_at = ?, message_id = ?, edition_id = ?, detail = ?, items = ?, content = ?, thread_id = ?, release_id = ?
       WHERE subscription_id = ? AND slot = ?`,
      [status, new Date().toISOString(), messageId, editionId, detail, items, content, threadId, releaseId, subscriptionId, slot],
    );
  }

  postedWithItems(): Promise<Delivery[]> {
    return this.sql.all<Delivery>(`SELECT ${COLUMNS} FROM deliveries WHERE status = 'delivered' AND message_id IS NOT NULL AND items IS NOT NULL ORDER BY settled_at`);
  }

  async claimCorrectionEdit(edit: CorrectionEdit, claimant: string): Promise<boolean> {
    const claimed = await this.sql.run(
      `INSERT INTO correction_edits (message_id, correction_id, channel_id, status, claimed_by, at)
       VALUES (?, ?, ?, 'claimed', ?, ?) ON CONFLICT DO NOTHING`,
      [edit.messageId, edit.correctionId, edit.channelId, claimant, new Date().toISOString()],
    );
    return claimed === 1;
  }

  async correctionsOn(messageId: string): Promise<string[]> {
    const rows = await this.sql.all<{ id: string }>(`SELECT correction_id AS id FROM correction_edits WHERE message_id = ? AND status != 'failed' ORDER BY at`, [messageId]);
    return rows.map(({ id }) => id);
  }

  async settleCorrectionEdits(messageId: string, correctionIds: readonly string[], status: 'edited' | 'failed', detail?: string): Promise<void> {
    await this.sql.run(`UPDATE correction_edits SET status = ?, at = ?, detail = ? WHERE message_id = ? AND correction_id IN (${this.sql.listed})`, [
      status,
      new Date().toISOString(),
      detail ?? null,
      messageId,
      JSON.stringify(correctionIds),
    ]);
  }

  async recordMissed(subscriptionId: number, slot: string, channelId: string): Promise<void> {
    await this.sql.run(
      `INSERT INTO deliveries (subscription_id, slot, channel_id, status, settled_at, detail)
       VALUES (?, ?, ?, 'missed', ?, 'the bot was not running at that time') ON CONFLICT DO NOTHING`,
      [subscriptionId, slot, channelId, new Date().toISOString()],
    );
  }

  lastDelivered(channelId: string): Promise<Delivery | undefined> {
    return this.sql.get<Delivery>(`SELECT ${COLUMNS} FROM deliveries WHERE channel_id = ? AND status = 'delivered' ORDER BY settled_at DESC LIMIT 1`, [channelId]);
  }

  latest(subscriptionId: number): Promise<Delivery | undefined> {
    return this.sql.get<Delivery>(`SELECT ${COLUMNS} FROM deliveries WHERE subscription_id = ? ORDER BY COALESCE(settled_at, claimed_at) DESC LIMIT 1`, [subscriptionId]);
  }

  unsettled(): Promise<Delivery[]> {
    return this.sql.all<Delivery>(`SELECT ${COLUMNS} FROM deliveries WHERE status = 'claimed' ORDER BY slot`);
  }

  forSubscription(subscriptionId: number): Promise<Delivery[]> {
    return this.sql.all<Delivery>(`SELECT ${COLUMNS} FROM deliveries WHERE subscription_id = ? ORDER BY slot`, [subscriptionId]);
  }
}

/** The ledger on one SQLite database (the bot opens its stores through openStorage instead). */
export class SqliteDeliveryLedger extends SqlDeliveryLedger {
  constructor(db: Db) {
    super(sqliteSql(db));
  }
}
