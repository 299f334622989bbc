// Answered interactions in PostgreSQL: the primary key lets exactly one replica insert an id.
import type { AnsweredPort } from '../answered.js';
import type { Pool } from './database.js';

export function pgAnsweredPort(pool: Pool): AnsweredPort {
  return {
    async insert(interactionId, at) {
      const { rowCount } = await pool.query('INSERT INTO answered_interactions (id, answered_at) VALUES ($1, $2) ON CONFLICT DO NOTHING', [interactionId, at]);
      return rowCount === 1;
    },
    async forgetBefore(at) {
      await pool.query('DELETE FROM answered_interactions WHERE answered_at < $1', [at]);
    },
  };
}
