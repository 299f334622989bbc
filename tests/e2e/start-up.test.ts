// End to end: what an operator is told when the bot cannot start for a setting of theirs: one line naming
// the variable, exit code 1, no stack; never a misleading "could not connect to Discord".
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulator/index.js';
import { httpModeEnv, startProcess } from './bot-process.js';

const STACK_LINE = /\n\s+at /;

describe('start-up messages', () => {
  let emulator: Emulator | undefined;
  let occupant: Server | undefined;
  afterAll(async () => {
    occupant?.close();
    await emulator?.close();
  });

  it('a DATABASE_URL the PostgreSQL client cannot read: one line naming it, never its password', async () => {
    const bot = startProcess('src/main.ts', { DISCORD_TOKEN: 'not-a-real-token', DATABASE_URL: 'postgres://bot:s3cret-word@127.0.0.1:notaport/x' });
    expect((await bot.waitForExit()).code).toBe(1);
    expect(bot.output).toContain('DATABASE_URL is not a URL the PostgreSQL client can read: the port must be digits');
    expect(bot.output).not.toMatch(/TypeError|Invalid URL/);
    expect(bot.output).not.toMatch(STACK_LINE);
    expect(bot.output).not.toContain('s3cret-word');
  });

  it('a PORT another process listens on: says so, and names PORT', async () => {
    emulator = await startEmulator();
    occupant = createServer();
    await new Promise<void>((resolve) => occupant!.listen(0, '0.0.0.0', resolve));
    const port = (occupant.address() as AddressInfo).port;
    const bot = startProcess('src/main.ts', { DISCORD_TOKEN: emulator.token, DISCORD_API_URL: emulator.restUrl, ...httpModeEnv(emulator), PORT: String(port) });
    expect((await bot.waitForExit()).code).toBe(1);
    const fatal = bot.logs.find((line) => line.level === 60);
    expect(fatal?.msg).toBe(`PORT ${port} on 0.0.0.0 is already in use by another process: stop that process, or set PORT to a free port.`);
    expect(fatal?.err).toBeUndefined();
    expect(bot.output).not.toContain('could not connect to Discord');
  });
});
