// Interactions already answered, remembered in the recap database so that a replayed request is refused
// by every replica sharing it. A request whose signature is older than the endpoint accepts (5 minutes,
// either way of our clock) is refused before it gets here, so an id needs remembering only that long; it
// is kept a little longer and then forgotten, a minute's worth at a time. The same rules for both engines,
// over a port for their two statements.
import { withRetryOnBusy, type Db, type RetryOptions } from './database.js';

/** Longer than a signature's accepted age on either side of the clock. */
export const REMEMBERED_FOR_MS = 15 * 60_000;
const PRUNE_EVERY_MS = 60_000;

export interface AnsweredInteractions {
  /** True for exactly one caller per interaction id, across every process sharing the database. */
  first(interactionId: string): Promise<boolean>;
}

/** What differs between the engines: the insert that only one caller wins, and the delete of old ids. */
export interface AnsweredPort {
  insert(interactionId: string, at: string): Promise<boolean>;
  forgetBefore(at: string): Promise<void>;
}

export class AnsweredInteractionLog implements AnsweredInteractions {
  private prunedAt = 0;

  constructor(
    private readonly port: AnsweredPort,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async first(interactionId: string): Promise<boolean> {
    const now = this.now();
    if (now.getTime() - this.prunedAt >= PRUNE_EVERY_MS) {
      this.prunedAt = now.getTime();
      await this.port.forgetBefore(new Date(now.getTime() - REMEMBERED_FOR_MS).toISOString());
    }
    return this.port.insert(interactionId, now.toISOString());
  }
}

/** SQLite: a write waits out another process's lock on a timer, briefly (an interaction has 3 seconds). */
export function sqliteAnsweredPort(db: Db, busy: Pick<RetryOptions, 'onRetry'> = {}): AnsweredPort {
  const write = <T>(work: () => T) => withRetryOnBusy(work, { ...busy, maxWaitMs: 1000 });
  return {
    insert: (interactionId, at) =>
      write(() => db.prepare('INSERT INTO answered_interactions (id, answered_at) VALUES (?, ?) ON CONFLICT DO NOTHING').run(interactionId, at).changes === 1),
    forgetBefore: async (at) => void (await write(() => db.prepare('DELETE FROM answered_interactions WHERE answered_at < ?').run(at))),
  };
}
