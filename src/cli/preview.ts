// npm run preview -- "/position actor:Rutte" [--page N] [--json] [--content DIR | --release] [--now YYYY-MM-DD] [--locale de]
// Shows exactly the reply the bot would give, computed by the same commands, checks and builders,
// without Discord: to the drafts in the content folder (the editor's view), or with --release to the
// current release (what readers get now). /recap runs against a throw-away in-memory database, or
// DATABASE_URL (PostgreSQL) or DATABASE_PATH when set (then from the current release, as the bot sharing that
// database answers), as a server admin of the server --guild.
import { summarize } from '../../commands/brief.js';
import { commands, type AppContext } from '../../commands/index.js';
import { buildBriefing, type Briefing } from '../briefing/briefing.js';
import { formatContentError } from '../briefing/content-error.js';
import { loadBriefing } from '../briefing/loader.js';
import { LOCALES } from '../i18n/locale.js';
import { answerCommand } from '../command/answer.js';
import { UserError, type Caller } from '../command/command.js';
import { openStorage, type RecapStorage } from '../recaps/storage.js';
import { decodeButton } from '../render/custom-id.js';
import { replyAsText } from '../render/plain-text.js';
import { messageBody, type Reply } from '../render/reply.js';
import { defaultContentDir, readArguments, toolConfig, usageError } from './arguments.js';
import { parseCommandLine, UsageError } from './command-line.js';
import { pressButton, previewCaller } from './replies.js';

const USAGE = `usage: npm run preview -- "/<command> [subcommand] [option:value ...]" [--page N] [--json] [--content DIR | --release] [--now YYYY-MM-DD] [--locale en|de|fr] [--guild ID]

commands:
${commands.map((command) => `  /${command.data.name}  ${command.data.toJSON().description}`).join('\n')}

By default it answers from the drafts (the content folder, not yet published); --release answers from the
current release, what readers get now (DATABASE_URL, or DATABASE_PATH, default data/bot.sqlite).
--now answers as at the end of that day (UTC), as if later editions were not yet published.
--locale answers as to a Discord client in that language (${LOCALES.join(', ')}; default en); commands are typed by their English names.
/recap uses an in-memory database, or the bot's (DATABASE_URL or DATABASE_PATH) when set, and then answers from the
current release as the bot does; as an admin of server --guild.

examples:
  npm run preview -- /brief
  npm run preview -- /brief --release
  npm run preview -- "/position actor:Rutte"
  npm run preview -- "/brief edition:2025-11-26" --now 2025-11-26
  npm run preview -- /brief --locale de
  npm run preview -- "/recap preview"
  npm run -s preview -- "/quotes topic:territory" --page 2 --json`;

async function main(): Promise<void> {
  const { values, positionals } = readArguments(
    USAGE,
    {
      json: { type: 'boolean', default: false },
      page: { type: 'string', default: '1' },
      content: { type: 'string', default: defaultContentDir() },
      release: { type: 'boolean', default: false },
      guild: { type: 'string', default: '100000000000000001' },
      now: { type: 'string' },
      locale: { type: 'string', default: 'en' },
    },
    true,
  );
  const page = Number(values.page);
  if (!Number.isInteger(page) || page < 1) usageError(USAGE, '--page takes a page number, 1 or more');
  const now = values.now === undefined ? new Date() : new Date(`${values.now}T23:59:59Z`);
  if (values.now !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(values.now) || Number.isNaN(now.getTime()))) usageError(USAGE, '--now takes a date, YYYY-MM-DD');

  const locale = LOCALES.find((candidate) => candidate === values.locale);
  if (!locale) usageError(USAGE, `--locale takes one of: ${LOCALES.join(', ')}`);

  let request;
  try {
    request = parseCommandLine(positionals.join(' '), commands);
  } catch (error) {
    if (error instanceof UsageError) usageError(USAGE, error.message);
    throw error;
  }

  const caller = previewCaller(locale, values.guild);
  // The drafts need no database: /recap gets a throw-away one unless told of the real one. /recap on the bot's
  // own database answers from the current release, as that bot does: a recap set up here must not record an
  // unpublished draft edition as seen, or the bot would never announce that edition to its channel.
  const botDatabase = Boolean(process.env.DATABASE_URL || process.env.DATABASE_PATH);
  const fromRelease = values.release || (request.command.data.name === 'recap' && botDatabase);
  const storage = fromRelease ? await openStorage(toolConfig()) : await openStorage({ DATABASE_URL: process.env.DATABASE_URL || undefined, DATABASE_PATH: process.env.DATABASE_PATH || ':memory:' });
  try {
    const briefing = fromRelease ? await released(storage) : await drafts(values.content);
    const context = previewContext(briefing, now, storage);
    const first = await answerCommand(request.command, context, { caller, subcommand: request.subcommand, options: request.options });
    const reply = page === 1 ? first : await turnTo(first, page, context, caller);
    process.stdout.write(values.json ? `${JSON.stringify(messageBody(reply), null, 2)}\n` : `${replyAsText(reply)}\n`);
  } finally {
    await storage.close();
  }
}

/** The briefing in the drafts; exits 1 listing every problem when they do not load. */
async function drafts(contentDir: string): Promise<Briefing> {
  const loaded = await loadBriefing(contentDir);
  if (loaded.ok) return loaded.briefing;
  for (const error of loaded.errors) process.stderr.write(`${formatContentError(error)}\n`);
  process.stderr.write(`${loaded.errors.length} problem(s) in ${contentDir}; nothing to preview.\n`);
  process.exit(1);
}

/** The briefing of the current release, as readers get it now. */
async function released(storage: RecapStorage): Promise<Briefing> {
  const release = await storage.releases.current();
  if (!release) {
    process.stderr.write('No release yet, so readers get nothing: npm run publish makes the first (npm start does it once on a fresh database).\n');
    process.exit(1);
  }
  return buildBriefing(await storage.releases.content(release));
}

/** Page `page` of a reply, as its page buttons would show it. */
async function turnTo(reply: Reply, page: number, context: AppContext, caller: Caller): Promise<Reply> {
  const buttons = (reply.components ?? []).flatMap((row) => row.components).flatMap((component) => ('custom_id' in component ? [component.custom_id] : []));
  const pageButton = buttons.map(decodeButton).find((ref) => ref && ref.view !== 'sources');
  if (!pageButton) return reply;
  return (await pressButton<AppContext>(commands, context, { ...pageButton, page }, caller))?.reply ?? reply;
}

function previewContext(briefing: Briefing, now: Date, { subscriptions, ledger }: RecapStorage): AppContext {
  return {
    briefing,
    now,
    staleAfterDays: Number(process.env.STALE_AFTER_DAYS || 7),
    subscriptions,
    ledger,
    scheduler: {
      sync: () => Promise.resolve(),
      postNow: () => Promise.reject(new UserError('The preview posts nothing; `/recap preview` shows what would be posted.')),
    },
    guilds: {
      // The preview knows no server's channels: every channel a recap posts in counts as the server's.
      channelIds: async () => new Set((await subscriptions.all()).map((subscription) => subscription.channelId)),
      channelName: async () => undefined,
      channel: async () => undefined,
      preferredLocale: async () => undefined,
      missingPostingPermissions: () => Promise.resolve([]),
    },
    summarize,
  };
}

// `npm run preview -- /sources | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

await main();
