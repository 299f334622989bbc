// Interactions already answered, remembered in the recap database so that a replayed request is refused
// by every replica sharing it. A request whose signature is older than the endpoint accepts (5 minutes,
// either way of our clock) is refused before it gets here, so an id needs remembering only that long; it
// is kept a little longer and then forgotten, a minute's worth at a time. One implementation for both
// engines over the Sql port: the primary key lets exactly one process insert an id.
import type { Sql } from '../storage/sql.js';

/** Longer than a signature's accepted age on either side of the clock. */
export const REMEMBERED_FOR_MS = 15 * 60_000;
const PRUNE_EVERY_MS = 60_000;
/** SQLite: a write waits out another process's lock only briefly (an interaction has 3 seconds). */
const SOON = { maxWaitMs: 1000 };

export interface AnsweredInteractions {
  /** True for exactly one caller per interaction id, across every process sharing the database. */
  first(interactionId: string): Promise<boolean>;
}

export class AnsweredInteractionLog implements AnsweredInteractions {
  private prunedAt = 0;

  constructor(
    private readonly sql: Sql,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async first(interactionId: string): Promise<boolean> {
    const now = this.now();
    if (now.getTime() - this.prunedAt >= PRUNE_EVERY_MS) {
      this.prunedAt = now.getTime();
      await this.sql.run('DELETE FROM answered_interactions WHERE answered_at < ?', [new Date(now.getTime() - REMEMBERED_FOR_MS).toISOString()], SOON);
    }
    return (await this.sql.run('INSERT INTO answered_interactions (id, answered_at) VALUES (?, ?) ON CONFLICT DO NOTHING', [interactionId, now.toISOString()], SOON)) === 1;
  }
}
