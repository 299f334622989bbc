// The studio for tests: its settings for sign-in with Discord against the emulator (a newsroom server with an
// editor and a reviewer role), and a log that keeps every line so a test can check what was (not) logged.
import { snowflake } from '../emulator/snowflake.js';
import type { Emulator } from '../emulator/index.js';
import { createLogger, type Logger } from '../../src/log.js';

export const EDITOR_ROLE = snowflake();
export const REVIEWER_ROLE = snowflake();
export const SESSION_SECRET = 'a-session-secret-of-at-least-32-characters';

/** The environment of a studio whose editors sign in with Discord at `emulator`, reached at `publicUrl`. */
export function signInEnvironment(emulator: Emulator, publicUrl: string): Record<string, string> {
  return {
    DISCORD_API_URL: emulator.restUrl,
    DISCORD_CLIENT_ID: emulator.applicationId,
    DISCORD_CLIENT_SECRET: emulator.oauth.clientSecret,
    STUDIO_PUBLIC_URL: publicUrl,
    STUDIO_GUILD_ID: emulator.guilds[0]!.id,
    STUDIO_EDITOR_ROLE_ID: EDITOR_ROLE,
    STUDIO_REVIEWER_ROLE_ID: REVIEWER_ROLE,
    STUDIO_SESSION_SECRET: SESSION_SECRET,
  };
}

/** A pino logger at info whose JSON lines are kept in `lines`. */
export function capturedLog(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  return { log: createLogger({ LOG_LEVEL: 'info', LOG_FORMAT: 'json' }, [], { write: (line: string) => void lines.push(line) }), lines };
}
