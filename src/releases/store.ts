// Where releases live: beside the recaps, in the SQLite file or in PostgreSQL, one implementation over the
// Sql port. The current release is the published one with the highest published_seq. Publishing is one
// statement that succeeds only while the release it was built on is still current (the unique published_seq
// decides between two processes publishing at once), so no release silently overwrites another.
import type { BriefingContent } from '../briefing/briefing.js';
import type { Sql } from '../storage/sql.js';

/** The channel a publish is announced on, to replicas listening (PostgreSQL); the others poll. */
export const RELEASES_CHANNEL = 'releases';
import type { ChangeSet } from './change-set.js';
import type { Release, ReleaseKind, ReleaseMeta } from './release.js';
import { contentOf, type Snapshot } from './snapshot.js';

export interface NewRelease {
  kind: ReleaseKind;
  createdBy: string;
  approvedBy?: string | null;
  message: string;
  snapshot: Snapshot;
  baseId: number | null;
  rollbackOf?: number | null;
  scheduledFor?: string | null;
  changes: ChangeSet;
  meta: ReleaseMeta;
}

/** `published`; `base-moved`: another release became current since this one was built; `gone`: already published or cancelled. */
export type PublishOutcome = 'published' | 'base-moved' | 'gone';

export interface ReleaseStore {
  current(): Promise<Release | undefined>;
  /** The current release's place in publishing order: a cheap way to notice that another one was published. */
  currentSeq(): Promise<number>;
  get(id: number): Promise<Release | undefined>;
  content(release: Pick<Release, 'id' | 'contentHash'>): Promise<BriefingContent>;
  /** Newest first. */
  list(limit?: number): Promise<Release[]>;
  /** Scheduled releases neither published nor cancelled, soonest first. */
  pending(): Promise<Release[]>;
  create(release: NewRelease): Promise<number>;
  /** Makes the release current, if `baseId` still is (none yet: null); at most once. */
  publish(id: number, baseId: number | null, at?: Date): Promise<PublishOutcome>;
  cancel(id: number, reason: string): Promise<boolean>;
}

interface ReleaseRow {
  id: number;
  kind: ReleaseKind;
  createdAt: string;
  createdBy: string;
  approvedBy: string | null;
  message: string;
  contentHash: string;
  baseId: number | null;
  rollbackOf: number | null;
  scheduledFor: string | null;
  publishedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  changes: string;
  meta: string;
}

const COLUMNS = `id, kind, created_at AS "createdAt", created_by AS "createdBy", approved_by AS "approvedBy", message, content_hash AS "contentHash", base_id AS "baseId",
  rollback_of AS "rollbackOf", scheduled_for AS "scheduledFor", published_at AS "publishedAt", cancelled_at AS "cancelledAt",
  cancel_reason AS "cancelReason", changes, meta`;
const CURRENT_SEQ = 'SELECT MAX(published_seq) FROM releases';

function fromRow(row: ReleaseRow): Release {
  return { ...row, changes: JSON.parse(row.changes) as ChangeSet, meta: JSON.parse(row.meta) as ReleaseMeta };
}

/** Stores a snapshot once: a rollback, a proposal, or a publish of content an earlier release had reuses it. */
export async function saveSnapshot(sql: Sql, snapshot: Snapshot): Promise<void> {
  await sql.run('INSERT INTO release_snapshots (content_hash, format, content) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [snapshot.hash, snapshot.format, snapshot.json]);
}

export class SqlReleaseStore implements ReleaseStore {
  constructor(private readonly sql: Sql) {}

  async current(): Promise<Release | undefined> {
    const row = await this.sql.get<ReleaseRow>(`SELECT ${COLUMNS} FROM releases WHERE published_seq = (${CURRENT_SEQ})`);
    return row && fromRow(row);
  }

  async currentSeq(): Promise<number> {
    return (await this.sql.get<{ seq: number | null }>(`SELECT MAX(published_seq) AS seq FROM releases`))?.seq ?? 0;
  }

  async get(id: number): Promise<Release | undefined> {
    const row = await this.sql.get<ReleaseRow>(`SELECT ${COLUMNS} FROM releases WHERE id = ?`, [id]);
    return row && fromRow(row);
  }

  async content(release: Pick<Release, 'id' | 'contentHash'>): Promise<BriefingContent> {
    const row = await this.sql.get<{ format: number; json: string }>('SELECT format, content AS json FROM release_snapshots WHERE content_hash = ?', [release.contentHash]);
    if (!row) throw new Error(`release #${release.id}: its snapshot ${release.contentHash} is missing from the database`);
    return contentOf(row, release.id);
  }

  async list(limit = 50): Promise<Release[]> {
    return (await this.sql.all<ReleaseRow>(`SELECT ${COLUMNS} FROM releases ORDER BY id DESC LIMIT ?`, [limit])).map(fromRow);
  }

  async pending(): Promise<Release[]> {
    const rows = await this.sql.all<ReleaseRow>(`SELECT ${COLUMNS} FROM releases WHERE published_at IS NULL AND cancelled_at IS NULL ORDER BY scheduled_for, id`);
    return rows.map(fromRow);
  }

  async create(release: NewRelease): Promise<number> {
    const { snapshot } = release;
    await saveSnapshot(this.sql, snapshot);
    const row = await this.sql.get<{ id: number }>(
      `INSERT INTO releases (kind, created_at, created_by, approved_by, message, content_hash, base_id, rollback_of, scheduled_for, changes, meta)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      [
        release.kind,
        new Date().toISOString(),
        release.createdBy,
        release.approvedBy ?? null,
        release.message,
        snapshot.hash,
        release.baseId,
        release.rollbackOf ?? null,
        release.scheduledFor ?? null,
        JSON.stringify(release.changes),
        JSON.stringify(release.meta),
      ],
    );
    return row!.id;
  }

  async publish(id: number, baseId: number | null, at = new Date()): Promise<PublishOutcome> {
    try {
      const changed = await this.sql.run(
        `UPDATE releases SET published_at = ?, published_seq = COALESCE((${CURRENT_SEQ}), 0) + 1
         WHERE id = ? AND published_at IS NULL AND cancelled_at IS NULL
           AND COALESCE((SELECT id FROM releases WHERE published_seq = (${CURRENT_SEQ})), 0) = ?`,
        [at.toISOString(), id, baseId ?? 0],
      );
      if (changed === 1) {
        await this.sql.notify(RELEASES_CHANNEL);
        return 'published';
      }
    } catch (error) {
      // Two publishing at once took the same next place: the other one is current now.
      if (!this.sql.isUniqueViolation(error)) throw error;
      return 'base-moved';
    }
    const release = await this.get(id);
    return release && !release.publishedAt && !release.cancelledAt ? 'base-moved' : 'gone';
  }

  async cancel(id: number, reason: string): Promise<boolean> {
    const changed = await this.sql.run('UPDATE releases SET cancelled_at = ?, cancel_reason = ? WHERE id = ? AND published_at IS NULL AND cancelled_at IS NULL', [
      new Date().toISOString(),
      reason,
      id,
    ]);
    return changed === 1;
  }
}
