// The environment, read once at the door: dotenv, then one zod schema. A bad or missing variable stops
// start-up with one message listing every problem. Values are never echoed: one of them is the token.
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { parseSchedule } from './recaps/schedule.js';
import { canonicalTimeZone, suggestTimeZones } from './time/zones.js';

export const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17 to 20 digits)');

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const channelIds = z
  .string()
  .transform((text) => text.split(',').map((id) => id.trim()).filter(Boolean))
  .refine((ids) => ids.every((id) => /^\d{17,20}$/.test(id)), 'must be Discord channel ids separated by commas');

/** What the PostgreSQL client (pg-connection-string) reads a DATABASE_URL as: a URL, with or without a host. */
function readsAsUrl(text: string): boolean {
  return URL.canParse(text) || URL.canParse(text.replace('@/', '@host/'));
}

/** Every variable, each with its own rule; the bot's Environment adds the rules between them. */
export const Variables = z.object({
  DISCORD_TOKEN: z.string({ error: 'is required: the bot token from the Discord Developer Portal' }).min(1),
  DISCORD_CLIENT_ID: snowflake.optional(),
  DISCORD_GUILD_ID: snowflake.optional(),
  DISCORD_API_URL: z.url({ error: 'must be an http(s) URL, e.g. http://127.0.0.1:8080/api' }).optional(),
  CONTENT_DIR: z.string().default('content'),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty'], { error: 'must be json or pretty' }).optional(),
  DATABASE_PATH: z.string().default('data/bot.sqlite'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, { error: 'must be a PostgreSQL URL, e.g. postgres://bot:secret@db.internal:5432/bot', abort: true })
    .refine(readsAsUrl, 'is not a URL the PostgreSQL client can read: the port must be digits, and @ : / # ? in the user name or password percent-encoded (%40 %3A %2F %23 %3F)')
    .optional(),
  RECAP_CHANNEL_IDS: channelIds.optional(),
  RECAP_SCHEDULE: z
    .string()
    .refine((text) => !('problem' in parseSchedule(text)), 'must be a schedule like "daily 08:00" or "on-new-edition", or a cron expression, e.g. "0 8 * * *" (seconds allowed)')
    .optional(),
  RECAP_TIMEZONE: z
    .string()
    .transform((name, context) => {
      const zone = canonicalTimeZone(name);
      if (zone) return zone;
      const close = suggestTimeZones(name).slice(0, 3);
      context.addIssue({ code: 'custom', message: `must be an IANA time zone${close.length > 0 ? `; did you mean ${close.join(', ')}?` : ', e.g. Europe/Zurich'}` });
      return z.NEVER;
    })
    .default('UTC'),
  STALE_AFTER_DAYS: z.coerce.number({ error: 'must be a number of days' }).int().min(0).max(3650).default(7),
  RECAP_CATCHUP_MINUTES: z.coerce.number({ error: 'must be a number of minutes' }).int().min(0).max(7 * 24 * 60).default(60),
  INTERACTIONS: z.enum(['gateway', 'http'], { error: 'must be gateway or http' }).default('gateway'),
  PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535).default(8080),
  DISCORD_PUBLIC_KEY: z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be the 64 hexadecimal characters of the Public Key (Developer Portal, General Information)').optional(),
  RECAP_CLAIM_LEASE_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).int().min(1).max(24 * 60 * 60).default(900),
});

const Environment = Variables.refine((config) => (config.RECAP_CHANNEL_IDS === undefined) === (config.RECAP_SCHEDULE === undefined), {
  message: 'RECAP_CHANNEL_IDS and RECAP_SCHEDULE go together: set both for a default recap, or neither',
  path: ['RECAP_SCHEDULE'],
}).refine((config) => config.INTERACTIONS !== 'http' || config.DISCORD_PUBLIC_KEY !== undefined, {
  message: 'is required with INTERACTIONS=http: every request is checked against it',
  path: ['DISCORD_PUBLIC_KEY'],
});

export type Config = z.infer<typeof Environment>;

/** What the editors' tools (publish, releases, preview) need: where the releases are, and the content. */
export const ToolFields = Variables.pick({ DATABASE_URL: true, DATABASE_PATH: true, CONTENT_DIR: true, STALE_AFTER_DAYS: true });
export type ToolConfig = z.infer<typeof ToolFields>;

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Configuration problems (see .env.example):\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/**
 * Reads `.env` (without overriding real environment variables) and validates everything.
 * `require` names variables that are optional in general but needed by this entry point.
 */
export function loadConfig(require: readonly (keyof Config)[] = [], environment: NodeJS.ProcessEnv = readEnvironment()): Config {
  const config = parseEnvironment(Environment, environment);
  const problems = require.filter((name) => config[name] === undefined).map((name) => `${name} is required for this command`);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/**
 * The settings of another entry point (the REST proxy), read by the same rules as the bot's: `pick` the
 * variables it shares with the bot, `extend` with its own. A ConfigError lists every problem.
 */
export function loadSettings<Shape extends z.ZodRawShape>(
  schema: (variables: typeof Variables) => z.ZodObject<Shape>,
  environment: NodeJS.ProcessEnv = readEnvironment(),
): z.infer<z.ZodObject<Shape>> {
  return parseEnvironment(schema(Variables), environment);
}

/** The environment (and `.env`) read by `schema`: every problem in one ConfigError, no secret echoed. */
export function parseEnvironment<Schema extends z.ZodType>(schema: Schema, environment: NodeJS.ProcessEnv = readEnvironment()): z.infer<Schema> {
  // An empty value in .env (`DISCORD_GUILD_ID=`) means "not set".
  const present = Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== undefined && value !== ''));
  const result = schema.safeParse(present);
  if (!result.success) throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}${refused(present, issue.path)}`));
  return result.data;
}

/** The same, for the editors' tools: no token needed. */
export function loadToolConfig(environment: NodeJS.ProcessEnv = readEnvironment()): ToolConfig {
  return parseEnvironment(ToolFields, environment);
}

/** Variables whose value must never be echoed. */
const SECRETS = new Set(['DISCORD_TOKEN', 'DISCORD_PUBLIC_KEY', 'DATABASE_URL', 'DISCORD_CLIENT_SECRET', 'STUDIO_SESSION_SECRET']);

/** ` (got "Europe/Zurch")`: the value a problem is about, so the operator sees what was read; never a secret. */
function refused(environment: Record<string, string | undefined>, path: readonly PropertyKey[]): string {
  const name = String(path[0] ?? '');
  const value = environment[name];
  if (value === undefined || SECRETS.has(name)) return '';
  return ` (got ${JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)})`;
}

function readEnvironment(): NodeJS.ProcessEnv {
  loadDotenv({ quiet: true });
  return process.env;
}
