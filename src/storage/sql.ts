// One SQL interface over both engines, so a store is written once: statements take `?` placeholders (numbered
// for PostgreSQL here), rows come back as plain objects, a write says how many rows it changed, and what the
// engines do differently is named here once: the error for a unique key already taken, a list bound as one
// parameter, transactions and the locks that keep other writers out of them, and telling other processes.
import type pg from 'pg';
import { withRetryOnBusy, type Db, type RetryOptions } from '../recaps/database.js';

export interface Sql {
  readonly engine: 'sqlite' | 'postgres';
  all<Row>(statement: string, params?: readonly unknown[]): Promise<Row[]>;
  get<Row>(statement: string, params?: readonly unknown[]): Promise<Row | undefined>;
  /** A write; resolves with the number of rows it changed. */
  run(statement: string, params?: readonly unknown[], options?: Patience): Promise<number>;
  /**
   * Runs `work` in one transaction that no other writer of the same data interleaves with: committed if it
   * resolves, rolled back if it throws. SQLite takes its one write lock at BEGIN (IMMEDIATE); PostgreSQL takes
   * the advisory `lock` first, so that only writers asking for the same lock wait for each other.
   */
  transaction<T>(work: (sql: Sql) => Promise<T>, options?: Patience & { lock?: AdvisoryLock }): Promise<T>;
  /** The write failed because a unique key it would set is already taken. */
  isUniqueViolation(error: unknown): boolean;
  /** Tells every process listening on `channel` (PostgreSQL's NOTIFY, sent at commit); SQLite has no such signal: its readers poll. */
  notify(channel: string): Promise<void>;
  /** A subquery yielding, as the column `value`, the strings of a JSON array bound at its `?`: a list as one parameter, empty or not. */
  readonly listed: string;
  /** Ends a SELECT in a transaction: the rows it reads are this transaction's until it ends, and rows another one holds are skipped (SQLite: already so). */
  readonly lockRows: string;
}

export interface Patience {
  /** SQLite: how long a write waits for another process's write lock before it fails (default: a minute). */
  maxWaitMs?: number;
}

/** PostgreSQL advisory lock namespaces (the first key of the two-key form), so the bot's locks never collide. */
export const LOCKS = { migrations: 720_001, guild: 720_002, environment: 720_003 } as const;

/** A transaction-scoped advisory lock: a namespace, and a key within it (none: the whole namespace, key 0). */
export interface AdvisoryLock {
  namespace: number;
  key?: string;
}

/**
 * better-sqlite3 has one connection per database, and a statement another caller runs on it while a transaction
 * awaits would join that transaction (and be rolled back with it). So while one is open on a connection, every
 * other statement and transaction on it waits for its end; per connection, however many Sql objects share it.
 */
const openTransactions = new WeakMap<Db, Promise<void>>();

/** Runs `work` once no transaction is open on `db`: found idle and started in one step, nothing between. */
async function whenIdle<T>(db: Db, work: () => T): Promise<Awaited<T>> {
  for (let open = openTransactions.get(db); open; open = openTransactions.get(db)) await open;
  return await work();
}

/** SQLite through better-sqlite3: a write that finds another process's lock waits on a timer, never blocking. */
export function sqliteSql(db: Db, busy: Pick<RetryOptions, 'onRetry'> = {}): Sql {
  // SQLite has no booleans: they are stored as 1 and 0 (and read back as such).
  const bound = (params: readonly unknown[]) => params.map((value) => (typeof value === 'boolean' ? Number(value) : value));
  const statements = (direct: boolean): Sql => {
    // `direct`: inside this connection's transaction, which already holds the write lock.
    const onConnection = async <T>(work: () => T): Promise<T> => (direct ? work() : whenIdle(db, work));
    const writing = <T>(work: () => T, options: Patience = {}) => (direct ? onConnection(work) : withRetryOnBusy(() => onConnection(work), { ...busy, ...options }));
    return {
      engine: 'sqlite',
      all: <Row>(statement: string, params: readonly unknown[] = []) => onConnection(() => db.prepare(statement).all(...bound(params)) as Row[]),
      get: <Row>(statement: string, params: readonly unknown[] = []) => onConnection(() => db.prepare(statement).get(...bound(params)) as Row | undefined),
      run: (statement, params = [], options) => writing(() => db.prepare(statement).run(...bound(params)).changes, options),
      transaction: (work, options = {}) => (direct ? work(inside) : withRetryOnBusy(() => immediate(work), { ...busy, maxWaitMs: options.maxWaitMs })),
      isUniqueViolation: (error) => /^SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)$/.test(String((error as { code?: unknown } | null)?.code)),
      notify: () => Promise.resolve(),
      listed: 'SELECT value FROM json_each(?)',
      lockRows: '',
    };
  };
  const inside = statements(true);
  /** One attempt: BEGIN IMMEDIATE waits briefly for the write lock and fails SQLITE_BUSY after that, to be retried on a timer. */
  const immediate = <T>(work: (sql: Sql) => Promise<T>): Promise<T> =>
    whenIdle(db, async () => {
      let done!: () => void;
      openTransactions.set(db, new Promise((resolve) => (done = resolve)));
      try {
        db.exec('BEGIN IMMEDIATE');
        const result = await work(inside);
        db.exec('COMMIT');
        return result;
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      } finally {
        openTransactions.delete(db);
        done();
      }
    });
  return statements(false);
}

export function postgresSql(pool: pg.Pool): Sql {
  return statementsOn(pool, (work, lock) => pgTransaction(pool, (client) => work(inTransaction(client)), lock));
}

/** Runs `work` in one transaction on one pooled connection, `lock` taken first: committed if it resolves, rolled back if it throws. */
export async function pgTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>, lock?: AdvisoryLock): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    if (lock?.key !== undefined) await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [lock.namespace, lock.key]);
    else if (lock) await client.query('SELECT pg_advisory_xact_lock($1, 0)', [lock.namespace]);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** A transaction's statements, on its one connection: a transaction asked for inside it is part of it. */
function inTransaction(client: pg.PoolClient): Sql {
  const sql: Sql = statementsOn(client, (work) => work(sql));
  return sql;
}

function statementsOn(target: pg.Pool | pg.PoolClient, transaction: <T>(work: (sql: Sql) => Promise<T>, lock?: AdvisoryLock) => Promise<T>): Sql {
  const query = (statement: string, params: readonly unknown[]) => target.query(numbered(statement), [...params]);
  return {
    engine: 'postgres',
    all: async <Row>(statement: string, params: readonly unknown[] = []) => (await query(statement, params)).rows as Row[],
    get: async <Row>(statement: string, params: readonly unknown[] = []) => (await query(statement, params)).rows[0] as Row | undefined,
    run: async (statement, params = []) => (await query(statement, params)).rowCount ?? 0,
    transaction: (work, options = {}) => transaction(work, options.lock),
    isUniqueViolation: (error) => (error as { code?: unknown } | null)?.code === '23505',
    notify: async (channel) => void (await target.query('SELECT pg_notify($1, $2)', [channel, ''])),
    listed: 'SELECT json_array_elements_text(?::json) AS value',
    lockRows: 'FOR UPDATE SKIP LOCKED',
  };
}

/** `?` -> `$1`, `$2`, ...: the statements written here hold no `?` inside a string. */
export function numbered(statement: string): string {
  let index = 0;
  return statement.replace(/\?/g, () => `$${++index}`);
}
