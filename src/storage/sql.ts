// One SQL interface over both engines, so a store is written once: statements take `?` placeholders (numbered
// for PostgreSQL here), rows come back as plain objects, a write says how many rows it changed, and the one
// error the two engines name differently (a unique key already taken) is recognised for both.
import type pg from 'pg';
import { withRetryOnBusy, type Db, type RetryOptions } from '../recaps/database.js';

export interface Sql {
  readonly engine: 'sqlite' | 'postgres';
  all<Row>(statement: string, params?: readonly unknown[]): Promise<Row[]>;
  get<Row>(statement: string, params?: readonly unknown[]): Promise<Row | undefined>;
  /** A write; resolves with the number of rows it changed. */
  run(statement: string, params?: readonly unknown[]): Promise<number>;
  /** The write failed because a unique key it would set is already taken. */
  isUniqueViolation(error: unknown): boolean;
  /** Tells every process listening on `channel` (PostgreSQL's NOTIFY); SQLite has no such signal: its readers poll. */
  notify(channel: string): Promise<void>;
}

/** SQLite through better-sqlite3: a write that finds another process's lock waits on a timer, never blocking. */
export function sqliteSql(db: Db, busy: Pick<RetryOptions, 'onRetry'> = {}): Sql {
  return {
    engine: 'sqlite',
    all: async <Row>(statement: string, params: readonly unknown[] = []) => db.prepare(statement).all(...params) as Row[],
    get: async <Row>(statement: string, params: readonly unknown[] = []) => db.prepare(statement).get(...params) as Row | undefined,
    run: (statement, params = []) => withRetryOnBusy(() => db.prepare(statement).run(...params).changes, busy),
    isUniqueViolation: (error) => /^SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)$/.test(String((error as { code?: unknown } | null)?.code)),
    notify: () => Promise.resolve(),
  };
}

export function postgresSql(pool: pg.Pool): Sql {
  const query = (statement: string, params: readonly unknown[]) => pool.query(numbered(statement), [...params]);
  return {
    engine: 'postgres',
    all: async <Row>(statement: string, params: readonly unknown[] = []) => (await query(statement, params)).rows as Row[],
    get: async <Row>(statement: string, params: readonly unknown[] = []) => (await query(statement, params)).rows[0] as Row | undefined,
    run: async (statement, params = []) => (await query(statement, params)).rowCount ?? 0,
    isUniqueViolation: (error) => (error as { code?: unknown } | null)?.code === '23505',
    notify: async (channel) => void (await pool.query('SELECT pg_notify($1, $2)', [channel, ''])),
  };
}

/** `?` -> `$1`, `$2`, ...: the statements written here hold no `?` inside a string. */
export function numbered(statement: string): string {
  let index = 0;
  return statement.replace(/\?/g, () => `$${++index}`);
}
