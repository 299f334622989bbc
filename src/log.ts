// The logger: pino, JSON by default and pretty in a terminal. Secrets are scrubbed from every line
// after serialisation, so a token inside an error message or stack from discord.js is caught too, and a
// token field at any depth of what is logged.
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
  const scrub = (line: string) =>
    redactInteractionTokens(redactTokenFields(redactUrlTokens(usable.reduce((text, secret) => text.replaceAll(secret, REDACTED), line))));
  const format = config.LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json');
  return pino(
    {
      level: config.LOG_LEVEL,
      base: undefined,
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
  // Most lines hold neither path: a plain search costs less than running the pattern over each line.
  if (!line.includes('/interactions/') && !line.includes('/webhooks/')) return line;
  return line.replace(/(\/(?:interactions|webhooks)\/\d+\/)[^/\s"'?#\\]+/g, `$1${REDACTED}`);
}

/** A `"token"` or `"authorization"` key (any case) with a string value, in a line of JSON. */
const TOKEN_FIELD = /("(?:token|authorization)":)"(?:[^"\\]|\\.)*"/gi;

/**
 * The string value of every field named token or authorization (an interaction's token, an Authorization
 * header), at any depth of the JSON line. Done on the line rather than by pino's `redact` paths, which
 * reach only the depths they list (`*.token` missed a token three levels down, in a request body on an
 * error) and cost more than the rest of a line's formatting (about 3 of its 5 µs, measured).
 */
export function redactTokenFields(line: string): string {
  return line.replace(TOKEN_FIELD, `$1"${REDACTED}"`);
}

/** Discord's interaction tokens begin with the base64 of `interaction:`. They never contain a `/`: they sit in URL paths. */
const INTERACTION_TOKEN_START = 'aW50ZXJhY3Rpb246';
const INTERACTION_TOKEN = new RegExp(`${INTERACTION_TOKEN_START}[\\w+=.-]*`, 'g');

/**
 * An interaction token wherever the rules above cannot see it: in a string that holds JSON (its quotes
 * escaped), a message, a stack.
 */
export function redactInteractionTokens(line: string): string {
  if (!line.includes(INTERACTION_TOKEN_START)) return line;
  return line.replace(INTERACTION_TOKEN, REDACTED);
}

/** pino-pretty is for people at a terminal; loaded only then, it costs a server nothing (about 10 MB). */
function prettyStream(): DestinationStream {
  const pretty = createRequire(import.meta.url)('pino-pretty') as typeof import('pino-pretty');
  return pretty({ colorize: process.stdout.isTTY, sync: true });
}
