import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789';

describe('config', () => {
  it('applies defaults and treats empty values as unset', () => {
    const config = loadConfig([], { DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: '' });
    expect(config).toMatchObject({ CONTENT_DIR: 'content', LOG_LEVEL: 'info' });
    expect(config.DISCORD_GUILD_ID).toBeUndefined();
  });

  it('lists every problem at once, echoing each value it refused, never a secret', () => {
    let error: unknown;
    try {
      loadConfig([], { DISCORD_API_URL: 'nope', LOG_LEVEL: 'loud', DISCORD_CLIENT_ID: 'abc' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/DISCORD_TOKEN is required/);
    expect((error as Error).message).toContain('DISCORD_API_URL must be an http(s) URL, e.g. http://127.0.0.1:8080/api (got "nope")');
    expect((error as Error).message).toContain('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")');
    let withToken: unknown;
    try {
      loadConfig([], { DISCORD_TOKEN: '', RECAP_TIMEZONE: 'Europe/Zurch' });
    } catch (caught) {
      withToken = caught;
    }
    expect((withToken as Error).message).toContain('RECAP_TIMEZONE must be an IANA time zone; did you mean Europe/Zurich? (got "Europe/Zurch")');
    expect((withToken as Error).message).toMatch(/DISCORD_TOKEN is required[^(]*$/m);
  });

  it('reads time zones and schedules as people write them', () => {
    expect(loadConfig([], { DISCORD_TOKEN: TOKEN, RECAP_TIMEZONE: 'europe/zurich' }).RECAP_TIMEZONE).toBe('Europe/Zurich');
    expect(loadConfig([], { DISCORD_TOKEN: TOKEN, RECAP_CHANNEL_IDS: '123456789012345678', RECAP_SCHEDULE: 'daily 8am' }).RECAP_SCHEDULE).toBe('daily 8am');
  });

  it('requires what an entry point needs', () => {
    expect(() => loadConfig(['DISCORD_CLIENT_ID'], { DISCORD_TOKEN: TOKEN })).toThrow(/DISCORD_CLIENT_ID is required for this command/);
  });
});

describe('logger', () => {
  it('scrubs the token from every line, including error messages and stacks', () => {
    const lines: string[] = [];
    const log = createLogger({ LOG_LEVEL: 'info', LOG_FORMAT: 'json' }, [TOKEN], { write: (line: string) => lines.push(line) });
    log.error({ err: new Error(`login failed for ${TOKEN}`), headers: { authorization: `Bot ${TOKEN}` } }, `token ${TOKEN}`);
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(TOKEN);
    expect(lines[0]).toContain('[redacted]');
    expect(JSON.parse(lines[0]!).err.message).toBe('login failed for [redacted]');
  });
});
