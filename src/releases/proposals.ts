// Releases proposed for review in the studio: an editor freezes the drafts as a snapshot (so the reviewer
// approves exactly what will be published), a reviewer other than the author approves it (it is then published
// through commit(), or scheduled) or sends it back with a comment, and the author may withdraw it. Kept beside
// the releases, one implementation over the Sql port; a proposal is reviewed once.
import type { Sql } from '../storage/sql.js';
import type { Snapshot } from './snapshot.js';
import { saveSnapshot } from './store.js';

export type ProposalStatus = 'proposed' | 'approved' | 'sent-back' | 'withdrawn';

export interface NewProposal {
  authorId: string;
  authorName: string;
  message: string;
  snapshot: Snapshot;
  /** The release current when it was proposed: approving publishes it only if that one still is. */
  baseId: number | null;
  /** Publish at this time (ISO, UTC) once approved, instead of at once. */
  scheduledFor: string | null;
}

export interface Proposal extends Omit<NewProposal, 'snapshot'> {
  id: number;
  createdAt: string;
  contentHash: string;
  status: ProposalStatus;
  reviewerId: string | null;
  reviewerName: string | null;
  reviewedAt: string | null;
  /** The reviewer's comment (why it was sent back, or a note with the approval). */
  comment: string | null;
  /** The release its approval made. */
  releaseId: number | null;
}

export interface Review {
  status: Exclude<ProposalStatus, 'proposed'>;
  reviewerId: string;
  reviewerName: string;
  comment: string | null;
  releaseId?: number | null;
}

export interface ProposalStore {
  create(proposal: NewProposal): Promise<number>;
  get(id: number): Promise<Proposal | undefined>;
  /** Newest first. */
  list(limit?: number): Promise<Proposal[]>;
  /** Closes a proposal still open; false if it was reviewed or withdrawn meanwhile. */
  review(id: number, review: Review): Promise<boolean>;
}

const COLUMNS = `id, created_at AS "createdAt", author_id AS "authorId", author_name AS "authorName", message, content_hash AS "contentHash",
  base_id AS "baseId", scheduled_for AS "scheduledFor", status, reviewer_id AS "reviewerId", reviewer_name AS "reviewerName",
  reviewed_at AS "reviewedAt", comment, release_id AS "releaseId"`;

export class SqlProposalStore implements ProposalStore {
  constructor(private readonly sql: Sql) {}

  async create(proposal: NewProposal): Promise<number> {
    await saveSnapshot(this.sql, proposal.snapshot);
    const row = await this.sql.get<{ id: number }>(
      `INSERT INTO release_proposals (created_at, author_id, author_name, message, content_hash, base_id, scheduled_for, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'proposed') RETURNING id`,
      [new Date().toISOString(), proposal.authorId, proposal.authorName, proposal.message, proposal.snapshot.hash, proposal.baseId, proposal.scheduledFor],
    );
    return row!.id;
  }

  get(id: number): Promise<Proposal | undefined> {
    return this.sql.get<Proposal>(`SELECT ${COLUMNS} FROM release_proposals WHERE id = ?`, [id]);
  }

  list(limit = 50): Promise<Proposal[]> {
    return this.sql.all<Proposal>(`SELECT ${COLUMNS} FROM release_proposals ORDER BY id DESC LIMIT ?`, [limit]);
  }

  async review(id: number, review: Review): Promise<boolean> {
    const changed = await this.sql.run(
      `UPDATE release_proposals SET status = ?, reviewer_id = ?, reviewer_name = ?, reviewed_at = ?, comment = ?, release_id = ? WHERE id = ? AND status = 'proposed'`,
      [review.status, review.reviewerId, review.reviewerName, new Date().toISOString(), review.comment, review.releaseId ?? null, id],
    );
    return changed === 1;
  }
}
