// Where recaps and releases are stored, chosen once at start-up: PostgreSQL when DATABASE_URL is set (replicas
// sharing one database), else the embedded SQLite file at DATABASE_PATH. Every store is one implementation over
// the Sql port (src/storage/sql.ts), so callers see the same async interfaces on both engines.
import { SqlProposalStore, type ProposalStore } from '../releases/proposals.js';
import { SqlReleaseStore, RELEASES_CHANNEL, type ReleaseStore } from '../releases/store.js';
import { SqlReportStore, type ReportStore } from '../reports/store.js';
import { postgresSql, sqliteSql, type Sql } from '../storage/sql.js';
import { AnsweredInteractionLog, type AnsweredInteractions } from './answered.js';
import { openDatabase, type RetryOptions } from './database.js';
import type { DeliveryLedger } from './ledger.js';
import { SqlDeliveryLedger } from './sql-ledger.js';
import { SqlSubscriptionStore, SUBSCRIPTIONS_CHANNEL } from './sql-subscriptions.js';
import type { SubscriptionStore } from './subscriptions.js';

export interface RecapStorage {
  engine: 'sqlite' | 'postgres';
  subscriptions: SubscriptionStore;
  ledger: DeliveryLedger;
  releases: ReleaseStore;
  /** Releases proposed for review in the studio. */
  proposals: ProposalStore;
  /** Readers' reports of mistakes, for the editors' inbox. */
  reports: ReportStore;
  /** Interactions answered lately, so that a replayed request is refused on every replica. */
  interactions: AnsweredInteractions;
  /**
   * Calls `listener` whenever any process changes a subscription (PostgreSQL: LISTEN/NOTIFY). SQLite
   * has no such signal: other processes' changes are found by the scheduler's periodic re-sync.
   */
  onSubscriptionsChanged(listener: () => void): Promise<void>;
  /** Calls `listener` whenever any process publishes a release (PostgreSQL: LISTEN/NOTIFY; SQLite: never, poll instead). */
  onReleasePublished(listener: () => void): Promise<void>;
  close(): Promise<void>;
}

export interface StorageSettings {
  DATABASE_URL?: string | undefined;
  DATABASE_PATH: string;
}

export interface StorageOptions {
  /** SQLite: a write is waiting for another process's lock. */
  onBusyRetry?: RetryOptions['onRetry'];
  /** PostgreSQL: the LISTEN connection failed (it reconnects by itself). */
  onListenProblem?: (error: unknown) => void;
}

export async function openStorage(settings: StorageSettings, options: StorageOptions = {}): Promise<RecapStorage> {
  if (settings.DATABASE_URL) {
    const url = settings.DATABASE_URL;
    // Imported only here: a bot on SQLite never loads the PostgreSQL client (pg costs a few MB of memory).
    const { openPostgres, NotificationListener } = await import('./postgres/database.js');
    const pool = await openPostgres(url);
    const listeners: InstanceType<typeof NotificationListener>[] = [];
    const listen = async (channel: string, listener: () => void) => {
      const listening = new NotificationListener(url, channel, listener, options.onListenProblem ?? (() => undefined));
      listeners.push(listening);
      await listening.start();
    };
    return {
      ...stores(postgresSql(pool)),
      onSubscriptionsChanged: (listener) => listen(SUBSCRIPTIONS_CHANNEL, listener),
      onReleasePublished: (listener) => listen(RELEASES_CHANNEL, listener),
      async close() {
        await Promise.all(listeners.map((listening) => listening.close()));
        await pool.end();
      },
    };
  }
  const db = openDatabase(settings.DATABASE_PATH);
  return {
    ...stores(sqliteSql(db, options.onBusyRetry ? { onRetry: options.onBusyRetry } : {})),
    onSubscriptionsChanged: () => Promise.resolve(),
    onReleasePublished: () => Promise.resolve(),
    close: async () => void db.close(),
  };
}

/** Every store, over one engine. */
function stores(sql: Sql): Omit<RecapStorage, 'onSubscriptionsChanged' | 'onReleasePublished' | 'close'> {
  return {
    engine: sql.engine,
    subscriptions: new SqlSubscriptionStore(sql),
    ledger: new SqlDeliveryLedger(sql),
    releases: new SqlReleaseStore(sql),
    proposals: new SqlProposalStore(sql),
    reports: new SqlReportStore(sql),
    interactions: new AnsweredInteractionLog(sql),
  };
}
