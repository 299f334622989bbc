// What the bot writes to its log: no interaction or webhook token from any URL, no content file's text
// beyond the offending line, and one sentence for a database path it cannot use.
import { mkdtemp, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { firstLine, formatContentError } from '../src/briefing/content-error.js';
import { loadBriefing } from '../src/briefing/loader.js';
import { createLogger } from '../src/log.js';
import { describeOpenFailure } from '../src/recaps/database.js';
import { contentCopy } from './support/content.js';

const INTERACTION_TOKEN = 'aW50ZXJhY3Rpb246MTQ0NjYwNzQ1NjY2NjY2NjY2OmFiY2RlZg.x_Y-z9';
const WEBHOOK_TOKEN = 'Zk9vQmFyQmF6UXV4-_Webhook.Token';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, log: createLogger({ LOG_LEVEL: 'info', LOG_FORMAT: 'json' }, ['bot-token-123456'], stream) };
}

describe('tokens in URLs', () => {
  it('redacts interaction and webhook tokens from messages, errors and fields', () => {
    const { lines, log } = capture();
    const callback = `https://discord.com/api/v10/interactions/1446607456666666666/${INTERACTION_TOKEN}/callback?with_response=false`;
    const followUp = `https://discord.com/api/v10/webhooks/1446607456666666667/${WEBHOOK_TOKEN}/messages/@original`;
    const error = Object.assign(new Error(`Unknown interaction: POST ${callback}`), { url: callback, requestBody: { path: `/webhooks/1446607456666666667/${WEBHOOK_TOKEN}` } });
    log.error({ err: error, url: followUp }, `request to ${followUp} failed`);
    log.warn({ route: `/interactions/1446607456666666666/${INTERACTION_TOKEN}/callback` }, 'rate limited');
    const text = lines.join('');
    expect(text).not.toContain(INTERACTION_TOKEN);
    expect(text).not.toContain(WEBHOOK_TOKEN);
    expect(text).toContain('/interactions/1446607456666666666/[redacted]/callback');
    expect(text).toContain('/webhooks/1446607456666666667/[redacted]/messages/@original');
  });
});

describe('token fields', () => {
  it('redacts a token or authorization field at any depth, not only the first two levels', () => {
    const { lines, log } = capture();
    // discord.js keeps a failed request's body on its error: a token in it sits three levels down.
    const error = Object.assign(new Error('request failed'), { requestBody: { json: { token: INTERACTION_TOKEN, type: 4 } } });
    log.error({ err: error, request: { headers: { Authorization: `Bearer ${WEBHOOK_TOKEN}` } }, token: INTERACTION_TOKEN }, 'failed');
    const text = lines.join('');
    expect(text).not.toContain(INTERACTION_TOKEN);
    expect(text).not.toContain(WEBHOOK_TOKEN);
    const line = JSON.parse(text) as { err: { requestBody: { json: { token: string; type: number } } }; token: string; request: { headers: { Authorization: string } } };
    expect(line.err.requestBody.json).toEqual({ token: '[redacted]', type: 4 });
    expect(line.token).toBe('[redacted]');
    expect(line.request.headers.Authorization).toBe('[redacted]');
  });

  it('redacts an interaction token inside a string, where it is no field of the line: a JSON body kept as text', () => {
    const { lines, log } = capture();
    const body = JSON.stringify({ type: 4, token: INTERACTION_TOKEN });
    log.error({ err: new Error(`could not send ${body}`), body }, `rejected ${body}`);
    const text = lines.join('');
    expect(text).not.toContain(INTERACTION_TOKEN);
    expect((JSON.parse(text) as { body: string }).body).toBe(JSON.stringify({ type: 4, token: '[redacted]' }));
  });

  it('leaves other fields and values that merely mention a token alone', () => {
    const { lines, log } = capture();
    log.info({ tokenCount: 3, note: 'the "token": field is redacted' }, 'token talk');
    expect(JSON.parse(lines.join(''))).toMatchObject({ tokenCount: 3, note: 'the "token": field is redacted', msg: 'token talk' });
  });
});

describe('content file text in errors', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it('a content file symlinked to a .env echoes none of its other lines', async () => {
    const content = await contentCopy();
    dirs.push(content.dir);
    const secrets = await mkdtemp(path.join(tmpdir(), 'secrets-'));
    dirs.push(secrets);
    const env = path.join(secrets, '.env');
    await writeFile(env, `LOG_LEVEL=info\nDISCORD_TOKEN=SECRET-ON-LINE-TWO\nOTHER=SECRET-ON-LINE-THREE\n`);
    for (const file of ['story.yaml', 'actors.yaml']) {
      await unlink(path.join(content.dir, file));
      await symlink(env, path.join(content.dir, file));
    }
    const result = await loadBriefing(content.dir);
    expect(result.ok).toBe(false);
    const lines = result.ok ? [] : result.errors.map((error) => firstLine(formatContentError(error)));
    expect(lines.some((line) => line.includes('story.yaml'))).toBe(true);
    for (const line of lines) {
      expect(line).not.toContain('SECRET-ON-LINE');
      expect(line).not.toContain('\n');
    }
  });

  it('a long offending line is trimmed to 200 characters', async () => {
    const content = await contentCopy();
    dirs.push(content.dir);
    await content.write('story.yaml', `id: ${'x'.repeat(500)}: [\n  second: SECRET-ON-LINE-TWO\n`);
    const result = await loadBriefing(content.dir);
    const lines = result.ok ? [] : result.errors.map((error) => firstLine(formatContentError(error)));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).not.toContain('SECRET-ON-LINE');
      expect(line.length - line.indexOf(': ')).toBeLessThanOrEqual(210);
    }
  });
});

describe('a database path the bot cannot use', () => {
  it.each([
    ['SQLITE_NOTADB', 'is not a SQLite database'],
    ['SQLITE_CANTOPEN', 'cannot be opened'],
    ['SQLITE_READONLY', 'is read-only'],
    ['SQLITE_READONLY_DBMOVED', 'is read-only'],
    ['EACCES', 'permission denied'],
    ['ENOENT', 'does not exist'],
  ])('%s is one sentence naming DATABASE_PATH', (code, words) => {
    const sentence = describeOpenFailure(Object.assign(new Error('x'), { code }), '/srv/bot/bot.sqlite');
    expect(sentence).toMatch(/^DATABASE_PATH \(\/srv\/bot\/bot\.sqlite\) /);
    expect(sentence).toContain(words);
    expect(sentence).not.toContain('\n');
  });

  it('leaves other failures alone', () => {
    expect(describeOpenFailure(new Error('boom'), 'x')).toBeUndefined();
    expect(describeOpenFailure(Object.assign(new Error('x'), { code: 'SQLITE_CORRUPT' }), 'x')).toBeUndefined();
  });
});
