// Readers' reports of mistakes: what a reader says is wrong in a reply, tied to the items and the edition and
// release they saw, kept for the editors' inbox in the studio, where each is turned into a correction draft or
// dismissed with a reason. One implementation over the Sql port, in the database recaps and releases use.
import type { Sql } from '../storage/sql.js';

export type ReportStatus = 'open' | 'dismissed' | 'drafted';

export interface NewReport {
  userId: string;
  userName: string;
  guildId: string | null;
  channelId: string | null;
  /** The reply the reader saw, as a command line: `/position actor:rutte`, `/brief edition:2025-12-03`. */
  reply: string;
  releaseId: number | null;
  editionId: string | null;
  /** The items the reply showed, as `kind:id`. */
  items: readonly string[];
  /** What the reader says is wrong, in their words. */
  what: string;
  sourceUrl: string | null;
  locale: string;
}

export interface ReaderReport extends Omit<NewReport, 'items'> {
  id: number;
  createdAt: string;
  items: string[];
  status: ReportStatus;
  resolvedBy: string | null;
  resolvedAt: string | null;
  /** Why it was dismissed, or the correction draft it became. */
  resolution: string | null;
}

/** `added`, or `limited`: the reader has sent as many reports as the window allows. */
export type AddOutcome = { status: 'added'; id: number } | { status: 'limited' };

export interface ReportStore {
  /** Stores a report unless its reader sent `limit` or more in the last `windowMs`. */
  add(report: NewReport, limit: { count: number; windowMs: number }, now?: Date): Promise<AddOutcome>;
  get(id: number): Promise<ReaderReport | undefined>;
  /** Newest first; open ones only unless `status` says otherwise. */
  list(status?: ReportStatus | 'all'): Promise<ReaderReport[]>;
  /** Closes an open report: dismissed with a reason, or drafted into a correction. False if it was not open. */
  resolve(id: number, status: Exclude<ReportStatus, 'open'>, by: string, resolution: string): Promise<boolean>;
}

const COLUMNS = `id, created_at AS "createdAt", user_id AS "userId", user_name AS "userName", guild_id AS "guildId", channel_id AS "channelId", reply,
  release_id AS "releaseId", edition_id AS "editionId", items, what, source_url AS "sourceUrl", locale, status, resolved_by AS "resolvedBy",
  resolved_at AS "resolvedAt", resolution`;

type ReportRow = Omit<ReaderReport, 'items'> & { items: string };

const fromRow = (row: ReportRow): ReaderReport => ({ ...row, items: JSON.parse(row.items) as string[] });

export class SqlReportStore implements ReportStore {
  constructor(private readonly sql: Sql) {}

  async add(report: NewReport, limit: { count: number; windowMs: number }, now = new Date()): Promise<AddOutcome> {
    // One statement: the count and the insert cannot be split by another report of the same reader.
    const row = await this.sql.get<{ id: number }>(
      `INSERT INTO reader_reports (created_at, user_id, user_name, guild_id, channel_id, reply, release_id, edition_id, items, what, source_url, locale, status)
       SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open'
       WHERE (SELECT COUNT(*) FROM reader_reports WHERE user_id = ? AND created_at > ?) < ?
       RETURNING id`,
      [
        now.toISOString(),
        report.userId,
        report.userName,
        report.guildId,
        report.channelId,
        report.reply,
        report.releaseId,
        report.editionId,
        JSON.stringify(report.items),
        report.what,
        report.sourceUrl,
        report.locale,
        report.userId,
        new Date(now.getTime() - limit.windowMs).toISOString(),
        limit.count,
      ],
    );
    return row ? { status: 'added', id: row.id } : { status: 'limited' };
  }

  async get(id: number): Promise<ReaderReport | undefined> {
    const row = await this.sql.get<ReportRow>(`SELECT ${COLUMNS} FROM reader_reports WHERE id = ?`, [id]);
    return row && fromRow(row);
  }

  async list(status: ReportStatus | 'all' = 'open'): Promise<ReaderReport[]> {
    const rows =
      status === 'all'
        ? await this.sql.all<ReportRow>(`SELECT ${COLUMNS} FROM reader_reports ORDER BY id DESC`)
        : await this.sql.all<ReportRow>(`SELECT ${COLUMNS} FROM reader_reports WHERE status = ? ORDER BY id DESC`, [status]);
    return rows.map(fromRow);
  }

  async resolve(id: number, status: Exclude<ReportStatus, 'open'>, by: string, resolution: string): Promise<boolean> {
    const changed = await this.sql.run(`UPDATE reader_reports SET status = ?, resolved_by = ?, resolved_at = ?, resolution = ? WHERE id = ? AND status = 'open'`, [
      status,
      by,
      new Date().toISOString(),
      resolution,
      id,
    ]);
    return changed === 1;
  }
}
