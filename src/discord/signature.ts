// Discord signs every request to an interactions endpoint with the application's Ed25519 key: the
// signature (X-Signature-Ed25519, hex) is over the timestamp (X-Signature-Timestamp) followed by the raw
// body. Checked with Node's own crypto: the 32-byte public key from the Developer Portal, wrapped as SPKI DER.
// A signature proves who sent a request, not when: one captured on its way (a logging proxy, a load
// balancer's access log) stays valid, so its timestamp must also be recent.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** The DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 key bytes follow it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function importPublicKey(hex: string): KeyObject {
  const raw = Buffer.from(hex, 'hex');
  if (raw.length !== 32 || raw.toString('hex') !== hex.toLowerCase()) throw new Error('DISCORD_PUBLIC_KEY must be 64 hexadecimal characters');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

/** True only for a well-formed signature by `key` over timestamp + body. */
export function isSignedByDiscord(key: KeyObject, signature: string | undefined, timestamp: string | undefined, body: Buffer): boolean {
  if (!signature || !timestamp || !/^[0-9a-f]{128}$/i.test(signature)) return false;
  try {
    return verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signature, 'hex'));
  } catch {
    return false;
  }
}

/** How far a request's timestamp may be from our clock: Discord's requests arrive within seconds, so this is clock skew. */
export const SIGNATURE_MAX_AGE_MS = 5 * 60_000;

/** True when `timestamp` (Unix seconds, as Discord sends it) is within SIGNATURE_MAX_AGE_MS of `nowMs`, either way. */
export function isFresh(timestamp: string | undefined, nowMs: number): boolean {
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return false;
  return Math.abs(nowMs - Number(timestamp) * 1000) <= SIGNATURE_MAX_AGE_MS;
}
