// The logger: pino, JSON by default and pretty in a terminal. Secrets are scrubbed from every line
// after serialisation, so a token inside an error message or stack from discord.js is caught too.
import { createRequire } from 'node:module';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.js';

export type { Logger };

const REDACTED = '[redacted]';

export function createLogger(
  config: Pick<Config, 'LOG_LEVEL' | 'LOG_FORMAT'>,
  secrets: readonly string[],
  destination?: DestinationStream,
): Logger {
  const usable = secrets.filter((secret) => secret.length >= 8);
  const scrub = (line: string) => redactUrlTokens(usable.reduce((text, secret) => text.replaceAll(secret, REDACTED), line));
  const format = config.LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json');
  return pino(
    {
      level: config.LOG_LEVEL,
      base: undefined,
      redact: { paths: ['token', '*.token', 'headers.authorization', '*.headers.authorization'], censor: REDACTED },
      hooks: { streamWrite: scrub },
    },
    destination ?? (format === 'pretty' ? prettyStream() : pino.destination({ sync: true })),
  );
}

/**
 * Interaction and webhook tokens travel in URL paths (`/interactions/<id>/<token>/callback`,
 * `/webhooks/<id>/<token>`), and discord.js puts those URLs in its errors: each is a credential to
 * answer as the bot for 15 minutes. Whatever field or message they sit in, they are replaced.
 */
export function redactUrlTokens(line: string): string {
  return line
    .replace(/(\/interactions\/\d+\/)[^/\s"'?#\\]+/g, `$1${REDACTED}`)
    .replace(/(\/webhooks\/\d+\/)[^/\s"'?#\\]+/g, `$1${REDACTED}`);
}

/** pino-pretty is for people at a terminal; loaded only then, it costs a server nothing (about 10 MB). */
function prettyStream(): DestinationStream {
  const pretty = createRequire(import.meta.url)('pino-pretty') as typeof import('pino-pretty');
  return pretty({ colorize: process.stdout.isTTY, sync: true });
}
