// The studio's settings, read once at the door like the bot's (src/config.ts): one message lists every bad
// variable. On loopback without Discord settings the studio is one person's, with no sign-in; anywhere else
// (or whenever the Discord settings are given) everyone signs in with Discord, and every setting that needs is
// required, so a studio reachable from elsewhere never starts open.
import { z } from 'zod';
import { LOG_LEVELS, parseEnvironment, snowflake, ToolFields, Variables } from '../config.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export const isLoopback = (host: string) => LOOPBACK.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);

/** What sign-in with Discord needs, each with what it is for when it is missing. */
const SIGN_IN = {
  DISCORD_CLIENT_ID: 'the application id (Developer Portal, General Information)',
  DISCORD_CLIENT_SECRET: 'the OAuth2 client secret (Developer Portal, OAuth2)',
  STUDIO_PUBLIC_URL: 'the address editors open, e.g. https://studio.example.org (the redirect URI is it plus /auth/callback)',
  STUDIO_GUILD_ID: "the newsroom's Discord server, whose roles say who edits and who reviews",
  STUDIO_EDITOR_ROLE_ID: 'the role of editors in that server',
  STUDIO_REVIEWER_ROLE_ID: 'the role of reviewers in that server',
  STUDIO_SESSION_SECRET: 'at least 32 random characters that sign session cookies (e.g. openssl rand -hex 32)',
} as const;

const StudioFields = ToolFields.extend({
  STUDIO_HOST: z.string().min(1).default('127.0.0.1'),
  STUDIO_PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535).default(4400),
  DISCORD_API_URL: Variables.shape.DISCORD_API_URL,
  DISCORD_CLIENT_ID: snowflake.optional(),
  DISCORD_CLIENT_SECRET: z.string().min(8).optional(),
  STUDIO_PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. https://studio.example.org' }).optional(),
  STUDIO_GUILD_ID: snowflake.optional(),
  STUDIO_EDITOR_ROLE_ID: snowflake.optional(),
  STUDIO_REVIEWER_ROLE_ID: snowflake.optional(),
  STUDIO_SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
});

type Fields = z.infer<typeof StudioFields>;

export interface DiscordSignIn {
  clientId: string;
  clientSecret: string;
  /** The studio's own address, as browsers reach it: the redirect URI and the only origin allowed to change anything. */
  publicUrl: URL;
  guildId: string;
  editorRoleId: string;
  reviewerRoleId: string;
  sessionSecret: string;
  /** Where the authorize page is (Discord, or the emulator named by DISCORD_API_URL). */
  webBase: string;
  /** The REST API with its version, e.g. https://discord.com/api/v10. */
  apiBase: string;
}

export type StudioConfig = Omit<Fields, keyof typeof SIGN_IN> & { signIn: DiscordSignIn | undefined };

const Environment = StudioFields.superRefine((fields, context) => {
  // DISCORD_CLIENT_ID alone is the bot's (npm run deploy-commands reads it): it asks for no sign-in.
  const given = Object.keys(SIGN_IN).filter((name) => name !== 'DISCORD_CLIENT_ID' && fields[name as keyof typeof SIGN_IN] !== undefined);
  if (given.length === 0 && isLoopback(fields.STUDIO_HOST)) return;
  const why = given.length === 0 ? `STUDIO_HOST ${fields.STUDIO_HOST} is not loopback, so editors sign in with Discord` : 'sign-in with Discord needs it';
  for (const [name, what] of Object.entries(SIGN_IN)) {
    if (fields[name as keyof typeof SIGN_IN] === undefined) context.addIssue({ code: 'custom', path: [name], message: `is required: ${why} (${what})` });
  }
});

export function loadStudioConfig(environment?: NodeJS.ProcessEnv): StudioConfig {
  const fields = parseEnvironment(Environment, environment);
  const { DISCORD_CLIENT_ID, DISCORD_CLIENT_SECRET, STUDIO_PUBLIC_URL, STUDIO_GUILD_ID, STUDIO_EDITOR_ROLE_ID, STUDIO_REVIEWER_ROLE_ID, STUDIO_SESSION_SECRET, ...rest } = fields;
  if (!DISCORD_CLIENT_ID || !DISCORD_CLIENT_SECRET || !STUDIO_PUBLIC_URL || !STUDIO_GUILD_ID || !STUDIO_EDITOR_ROLE_ID || !STUDIO_REVIEWER_ROLE_ID || !STUDIO_SESSION_SECRET) return { ...rest, signIn: undefined };
  // The emulator (tests) serves the authorize page and the API on one host; Discord serves the page on discord.com.
  const api = new URL(fields.DISCORD_API_URL ?? 'https://discord.com/api');
  return {
    ...rest,
    signIn: {
      clientId: DISCORD_CLIENT_ID,
      clientSecret: DISCORD_CLIENT_SECRET,
      publicUrl: new URL(STUDIO_PUBLIC_URL),
      guildId: STUDIO_GUILD_ID,
      editorRoleId: STUDIO_EDITOR_ROLE_ID,
      reviewerRoleId: STUDIO_REVIEWER_ROLE_ID,
      sessionSecret: STUDIO_SESSION_SECRET,
      webBase: api.origin,
      apiBase: `${api.href.replace(/\/+$/, '')}/v10`,
    },
  };
}
