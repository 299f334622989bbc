// A child process subscribing as /recap subscribe does, as one of several bots sharing a database would:
// opens its own connection, waits for the agreed moment, then makes every attempt at once.
import { openDatabase } from '../../src/recaps/database.js';
import type { NewSubscription } from '../../src/recaps/subscriptions.js';
import { SqlSubscriptionStore } from '../../src/recaps/sql-subscriptions.js';
import { sqliteSql } from '../../src/storage/sql.js';

interface Job {
  file: string;
  startAt: number;
  attempts: NewSubscription[];
  maxPerGuild: number;
}

process.once('message', (job: Job) => {
  const db = openDatabase(job.file);
  const store = new SqlSubscriptionStore(sqliteSql(db));
  setTimeout(
    () =>
      void (async () => {
        const results = await Promise.all(job.attempts.map(async (attempt) => (await store.add(attempt, { maxPerGuild: job.maxPerGuild })).status));
        db.close();
        process.send!(results, () => process.exit(0));
      })(),
    Math.max(0, job.startAt - Date.now()),
  );
});
