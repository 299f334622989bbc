// A child process claiming every slot it is sent, as one of two bots sharing a database would.
import { openDatabase, withRetryOnBusy } from '../../src/recaps/database.js';
import { SqlDeliveryLedger } from '../../src/recaps/sql-ledger.js';
import { sqliteSql } from '../../src/storage/sql.js';

interface Job {
  file: string;
  subscriptionId: number;
  channelId: string;
  slots: string[];
  claimant: string;
}

process.once('message', (job: Job) => {
  void (async () => {
    const db = openDatabase(job.file);
    const ledger = new SqlDeliveryLedger(sqliteSql(db));
    const won: string[] = [];
    // As the scheduler claims: a write lock held by the other process is waited out, not an error.
    for (const slot of job.slots) if (await withRetryOnBusy(() => ledger.claim(job.subscriptionId, slot, job.channelId, job.claimant))) won.push(slot);
    db.close();
    process.send!(won, () => process.exit(0));
  })();
});
