// A child process claiming every slot it is sent, as one of two bots sharing a database would.
import { openDatabase } from '../../src/recaps/database.js';
import { DeliveryLedger } from '../../src/recaps/ledger.js';

interface Job {
  file: string;
  subscriptionId: number;
  channelId: string;
  slots: string[];
  claimant: string;
}

process.once('message', (job: Job) => {
  const db = openDatabase(job.file);
  const ledger = new DeliveryLedger(db);
  const won = job.slots.filter((slot) => ledger.claim(job.subscriptionId, slot, job.channelId, job.claimant));
  db.close();
  process.send!(won, () => process.exit(0));
});
