// npm run releases [-- --limit N]
// The release history, newest first: id, state (current, published, scheduled, cancelled), when, who, why,
// and what each changed against the one before it.
import { openStorage } from '../recaps/storage.js';
import { formatRelease } from '../releases/listing.js';
import { readArguments, toolConfig, usageError } from './arguments.js';

const USAGE = `usage: npm run releases [-- --limit N]

The release history, newest first (default: the last 50). Releases are read where the bot reads them:
DATABASE_URL (PostgreSQL) when set, else DATABASE_PATH (default data/bot.sqlite).`;

const { values } = readArguments(USAGE, { limit: { type: 'string', default: '50' } });
const limit = Number(values.limit);
if (!Number.isInteger(limit) || limit < 1) usageError(USAGE, '--limit takes a number of releases, 1 or more');
const storage = await openStorage(toolConfig());
try {
  const releases = await storage.releases.list(limit);
  const current = await storage.releases.current();
  if (releases.length === 0) process.stdout.write('No release yet: npm run publish makes the first (npm start does it once on a fresh database).\n');
  for (const release of releases) process.stdout.write(`${formatRelease(release, current?.id)}\n`);
} finally {
  await storage.close();
}
