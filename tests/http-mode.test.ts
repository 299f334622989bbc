// The pieces of INTERACTIONS=http that need no process: Discord's signature check, the bot's permissions
// computed from REST data as Discord computes them, and the configuration it requires.
import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { channelPermissions, missingFrom } from '../src/discord/rest-guilds.js';
import { importPublicKey, isFresh, isSignedByDiscord } from '../src/discord/signature.js';

describe('Discord request signatures', () => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const hex = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
  const key = importPublicKey(hex);
  const body = Buffer.from('{"type":1}');
  const timestamp = '1767225600';
  const signature = sign(null, Buffer.concat([Buffer.from(timestamp), body]), privateKey).toString('hex');

  it('accepts exactly what the key signed: timestamp followed by the raw body', () => {
    expect(isSignedByDiscord(key, signature, timestamp, body)).toBe(true);
    expect(isSignedByDiscord(importPublicKey(hex.toUpperCase()), signature, timestamp, body)).toBe(true);
  });

  it('refuses a missing, malformed or wrong signature, another timestamp or another body', () => {
    expect(isSignedByDiscord(key, undefined, timestamp, body)).toBe(false);
    expect(isSignedByDiscord(key, signature, undefined, body)).toBe(false);
    expect(isSignedByDiscord(key, 'zz', timestamp, body)).toBe(false);
    expect(isSignedByDiscord(key, signature.replace(/^./, (c) => (c === '0' ? '1' : '0')), timestamp, body)).toBe(false);
    expect(isSignedByDiscord(key, signature, '1767225601', body)).toBe(false);
    expect(isSignedByDiscord(key, signature, timestamp, Buffer.from('{"type":1} '))).toBe(false);
    const other = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
    expect(isSignedByDiscord(importPublicKey(other), signature, timestamp, body)).toBe(false);
  });

  it('accepts a timestamp within 5 minutes of the clock, either way, and nothing older, newer or malformed', () => {
    const now = 1_767_225_600_000;
    expect(isFresh('1767225600', now)).toBe(true);
    expect(isFresh(String(1_767_225_600 - 300), now)).toBe(true);
    expect(isFresh(String(1_767_225_600 + 300), now)).toBe(true);
    expect(isFresh(String(1_767_225_600 - 301), now)).toBe(false);
    expect(isFresh(String(1_767_225_600 + 301), now)).toBe(false);
    for (const malformed of [undefined, '', '1767225600.5', '-1', ' 1767225600', '1e9']) expect(isFresh(malformed, now), String(malformed)).toBe(false);
  });

  it('takes only a 32-byte hex public key', () => {
    expect(() => importPublicKey('abc')).toThrow(/64 hexadecimal/);
    expect(() => importPublicKey('g'.repeat(64))).toThrow(/64 hexadecimal/);
  });
});

describe("the bot's permissions from REST data", () => {
  const guild = { id: '1'.repeat(18), owner_id: '9'.repeat(18), roles: [{ id: '1'.repeat(18), permissions: String(1024 | 2048 | 16384) }, { id: '5'.repeat(18), permissions: '8' }, { id: '6'.repeat(18), permissions: '0' }] } as never;
  const bot = { id: '2'.repeat(18), roles: ['6'.repeat(18)] };
  const channel = (overwrites: { id: string; type: 0 | 1; allow: string; deny: string }[]) => ({ permission_overwrites: overwrites }) as never;

  it('applies @everyone, role and member overwrites in that order', () => {
    expect(missingFrom(channelPermissions(guild, bot, channel([])))).toEqual([]);
    expect(missingFrom(channelPermissions(guild, bot, channel([{ id: '1'.repeat(18), type: 0, allow: '0', deny: '2048' }])))).toEqual(['Send Messages']);
    expect(missingFrom(channelPermissions(guild, bot, channel([{ id: '1'.repeat(18), type: 0, allow: '0', deny: '2048' }, { id: '6'.repeat(18), type: 0, allow: '2048', deny: '0' }])))).toEqual([]);
    expect(missingFrom(channelPermissions(guild, bot, channel([{ id: '6'.repeat(18), type: 0, allow: '2048', deny: '0' }, { id: bot.id, type: 1, allow: '0', deny: '16384' }])))).toEqual(['Embed Links']);
  });

  it('gives administrators and the owner everything, whatever the overwrites', () => {
    const denyAll = channel([{ id: '1'.repeat(18), type: 0, allow: '0', deny: String(1024 | 2048 | 16384) }]);
    expect(missingFrom(channelPermissions(guild, { ...bot, roles: ['5'.repeat(18)] }, denyAll))).toEqual([]);
    expect(missingFrom(channelPermissions(guild, { ...bot, id: '9'.repeat(18) }, denyAll))).toEqual([]);
    expect(missingFrom(undefined)).toEqual(['View Channel', 'Send Messages', 'Embed Links']);
  });
});

describe('configuration of the HTTP mode', () => {
  it('requires DISCORD_PUBLIC_KEY with INTERACTIONS=http, and says why', () => {
    expect(() => loadConfig([], { DISCORD_TOKEN: 'x', INTERACTIONS: 'http' })).toThrow(/DISCORD_PUBLIC_KEY is required with INTERACTIONS=http/);
    expect(loadConfig([], { DISCORD_TOKEN: 'x', INTERACTIONS: 'http', DISCORD_PUBLIC_KEY: 'a'.repeat(64), PORT: '3000' })).toMatchObject({ INTERACTIONS: 'http', PORT: 3000 });
    expect(loadConfig([], { DISCORD_TOKEN: 'x' })).toMatchObject({ INTERACTIONS: 'gateway' });
    expect(() => loadConfig([], { DISCORD_TOKEN: 'x', DATABASE_URL: 'mysql://nope' })).toThrow(/DATABASE_URL must be a PostgreSQL URL/);
  });
});
