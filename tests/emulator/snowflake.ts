/**
 * Ids and tokens shaped like Discord's. @discordjs/rest only recognises 17–19
 * digit ids as major parameters, so emulated ids must look real.
 */
import { randomBytes } from 'node:crypto';

/** 2015-01-01T00:00:00Z, the epoch Discord snowflakes count from. */
export const DISCORD_EPOCH_MS = 1_420_070_400_000;

const INCREMENT_BITS = 22n;
const INCREMENT_MASK = (1n << INCREMENT_BITS) - 1n;
let increment = 0n;

/** A unique snowflake: milliseconds since the Discord epoch above a 22-bit counter. */
export function snowflake(atMs: number = Date.now()): string {
  increment = (increment + 1n) & INCREMENT_MASK;
  return ((BigInt(atMs - DISCORD_EPOCH_MS) << INCREMENT_BITS) | increment).toString();
}

/** An opaque random token (interaction tokens, session ids). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
