// Where recaps and releases are stored, chosen once at start-up: PostgreSQL when DATABASE_URL is set (replicas
// sharing one database), else the embedded SQLite file at DATABASE_PATH. Callers see the same async interfaces.
import { SqlProposalStore, type ProposalStore } from '../releases/proposals.js';
import { SqlReleaseStore, RELEASES_CHANNEL, type ReleaseStore } from '../releases/store.js';
import { SqlReportStore, type ReportStore } from '../reports/store.js';
import { postgresSql, sqliteSql } from '../storage/sql.js';
import { AnsweredInteractionLog, sqliteAnsweredPort, type AnsweredInteractions } from './answered.js';
import { openDatabase, type RetryOptions } from './database.js';
import { SqliteDeliveryLedger, type DeliveryLedger } from './ledger.js';
import { SqliteSubscriptionStore, type SubscriptionStore } from './subscriptions.js';

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
    const [{ openPostgres, NotificationListener, SUBSCRIPTIONS_CHANNEL }, { PgDeliveryLedger }, { PgSubscriptionStore }, { pgAnsweredPort }] = await Promise.all([
      import('./postgres/database.js'),
      import('./postgres/ledger.js'),
      import('./postgres/subscriptions.js'),
      import('./postgres/answered.js'),
    ]);
    const pool = await openPostgres(url);
    const listeners: InstanceType<typeof NotificationListener>[] = [];
    const listen = async (channel: string, listener: () => void) => {
      const listening = new NotificationListener(url, channel, listener, options.onListenProblem ?? (() => undefined));
      listeners.push(listening);
      await listening.start();
    };
    return {
      engine: 'postgres',
      subscriptions: new PgSubscriptionStore(pool),
      ledger: new PgDeliveryLedger(pool),
      releases: new SqlReleaseStore(postgresSql(pool)),
      proposals: new SqlProposalStore(postgresSql(pool)),
      reports: new SqlReportStore(postgresSql(pool)),
      onSubscriptionsChanged: (listener) => listen(SUBSCRIPTIONS_CHANNEL, listener),
      onReleasePublished: (listener) => listen(RELEASES_CHANNEL, listener),
      interactions: new AnsweredInteractionLog(pgAnsweredPort(pool)),
      async close() {
        await Promise.all(listeners.map((listening) => listening.close()));
        await pool.end();
      },
    };
  }
  const db = openDatabase(settings.DATABASE_PATH);
  const busy = options.onBusyRetry ? { onRetry: options.onBusyRetry } : {};
  return {
    engine: 'sqlite',
    subscriptions: new SqliteSubscriptionStore(db, busy),
    ledger: new SqliteDeliveryLedger(db, busy),
    releases: new SqlReleaseStore(sqliteSql(db, busy)),
    proposals: new SqlProposalStore(sqliteSql(db, busy)),
    reports: new SqlReportStore(sqliteSql(db, busy)),
    interactions: new AnsweredInteractionLog(sqliteAnsweredPort(db, busy)),
    onSubscriptionsChanged: () => Promise.resolve(),
    onReleasePublished: () => Promise.resolve(),
    close: async () => void db.close(),
  };
}
