// npm start: the bot. Reads config, opens the database, serves the current release (on a fresh database it
// first publishes the content folder, refusing to start if that is invalid), connects to Discord, answers
// interactions, posts scheduled recaps, switches to each newly published release, and shuts down cleanly on
// SIGINT/SIGTERM. It never reads the drafts in the content folder otherwise: editors publish them.
// Only the configured transport's code is loaded (src/discord/transport.ts): in HTTP mode, none of discord.js.
import {
  Routes,
  type APIMessage,
  type APIThreadChannel,
  type RESTGetAPIChannelMessagesResult,
  type RESTGetAPIGuildThreadsResult,
  type RESTPostAPIChannelMessageResult,
} from 'discord-api-types/v10';
import { summarize } from '../commands/brief.js';
import { commands, type AppContext } from '../commands/index.js';
import type { Briefing } from './briefing/briefing.js';
import { firstLine } from './briefing/content-error.js';
import { ReplyMemo } from './command/reply-memo.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { ListenError } from './discord/listen.js';
import { isRejectedToken, REJECTED_TOKEN } from './discord/rejected-token.js';
import { createLogger } from './log.js';
import { DatabaseOpenError, watchDatabaseFile } from './recaps/database.js';
import { currentView } from './recaps/recap-content.js';
import { parseSchedule } from './recaps/schedule.js';
import { RecapScheduler } from './recaps/scheduler.js';
import { openStorage, type RecapStorage } from './recaps/storage.js';
import { publishFirstRelease } from './releases/first-release.js';
import { ReleaseFeed, type FeedEvents } from './releases/served.js';

/** SIGTERM must end the process within 5 seconds, even if something hangs. */
const SHUTDOWN_DEADLINE_MS = 4000;

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}

const log = createLogger(config, [config.DISCORD_TOKEN, databasePassword(config.DATABASE_URL)]);
process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled promise rejection'));

let storage: RecapStorage;
try {
  storage = await openStorage(config, {
    onBusyRetry: (_error, attempt) => void (attempt === 1 && log.info('recap database is locked by another process; retrying')),
    onListenProblem: (error) => log.warn({ err: error }, 'lost the connection that hears of subscription changes; reconnecting'),
  });
} catch (error) {
  // A path the operator can fix: one sentence, no stack, as for configuration problems.
  if (!(error instanceof DatabaseOpenError)) throw error;
  log.fatal({ code: error.code }, error.message);
  log.flush();
  process.exit(1);
}
const stopWatchingDatabase =
  storage.engine !== 'sqlite'
    ? () => undefined
    : watchDatabaseFile(config.DATABASE_PATH, (reason) =>
        log.error(
          { databasePath: config.DATABASE_PATH, reason },
          `the recap database file DATABASE_PATH (${config.DATABASE_PATH}) was ${reason} while the bot is running: the bot keeps using the old file, and every subscription and delivery record will be lost at restart; restore the file from a backup before restarting`,
        ),
      );
const { subscriptions, ledger } = storage;
const feed = await servedRelease();
await subscriptions.syncEnvironment(
  config.RECAP_CHANNEL_IDS ?? [],
  operatorSchedule(config, feed.briefing),
);

const transport =
  config.INTERACTIONS === 'gateway' ? (await import('./discord/gateway-mode.js')).gatewayMode(config) : (await import('./discord/http-mode.js')).httpMode(config);
const { rest, guilds } = transport;
const scheduler = new RecapScheduler(
  {
    subscriptions,
    ledger,
    briefing: () => feed.briefing,
    release: () => feed.served(),
    summarize,
    staleAfterDays: config.STALE_AFTER_DAYS,
    log,
    poster: {
      post: (channelId, body) => rest.post(Routes.channelMessages(channelId), { body }) as Promise<RESTPostAPIChannelMessageResult>,
      edit: (channelId, messageId, body) => rest.patch(Routes.channelMessage(channelId, messageId), { body }),
      recent: (channelId) => rest.get(Routes.channelMessages(channelId), { query: new URLSearchParams({ limit: '50' }) }) as Promise<RESTGetAPIChannelMessagesResult>,
      openPost: (forumId, body) => rest.post(Routes.threads(forumId), { body }) as Promise<APIThreadChannel & { message?: APIMessage }>,
      startThread: (channelId, messageId, body) => rest.post(Routes.threads(channelId, messageId), { body }) as Promise<APIThreadChannel>,
      crosspost: (channelId, messageId) => rest.post(Routes.channelMessageCrosspost(channelId, messageId)),
      activeThreads: async (guildId) => ((await rest.get(Routes.guildActiveThreads(guildId))) as RESTGetAPIGuildThreadsResult).threads,
    },
  },
  { catchupMinutes: config.RECAP_CATCHUP_MINUTES, claimLeaseMs: config.RECAP_CLAIM_LEASE_SECONDS * 1000 },
  log,
);

/** Pages and choices are a few kB at most: at most about 1 MB kept. */
const kept = new ReplyMemo(256);
const contextNow = (): AppContext => ({ briefing: feed.briefing, releaseId: feed.release.id, reports: storage.reports, now: new Date(), staleAfterDays: config.STALE_AFTER_DAYS, kept, subscriptions, ledger, scheduler, guilds, summarize });
rest.on('rateLimited', (info) => log.info({ route: info.route, retryAfterMs: info.retryAfter, global: info.global }, 'rate limited'));

feed.start();
storage.onReleasePublished(() => void feed.refresh()).catch((error: unknown) => log.warn({ err: error }, 'cannot hear of published releases at once; noticing them within a second instead'));

let stopping = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down');
  setTimeout(() => {
    log.warn('shutdown took too long; exiting anyway');
    process.exit(0);
  }, SHUTDOWN_DEADLINE_MS).unref();
  feed.close();
  stopWatchingDatabase();
  await transport.stop();
  await scheduler.stop();
  await storage.close();
  log.info('stopped');
  log.flush();
  process.exit(0);
}
process.on('SIGINT', (signal) => void shutdown(signal));
process.on('SIGTERM', (signal) => void shutdown(signal));

try {
  await transport.start<AppContext>({
    commands,
    contextNow,
    log,
    firstAnswer: (interactionId) => storage.interactions.first(interactionId),
    ready(fields) {
      log.info({ ...fields, release: feed.release.id, edition: feed.briefing.latest.id, rssMb: Math.round(process.memoryUsage().rss / 1024 / 1024) }, 'ready');
      startScheduler();
    },
  });
} catch (error) {
  if (isRejectedToken(error)) log.fatal(REJECTED_TOKEN);
  else if (error instanceof ListenError) log.fatal({ code: error.code }, error.message);
  else log.fatal({ err: error }, 'could not connect to Discord');
  log.flush();
  process.exit(1);
}

/**
 * The current release, switched to whenever another is published. With none yet (a fresh database), the
 * content folder is published once first; if it is invalid, the bot says why and does not start.
 */
async function servedRelease(): Promise<ReleaseFeed> {
  const events: FeedEvents = {
    switched: (release, briefing, previous) => {
      log.info({ release: release.id, previous: previous.id, edition: briefing.latest.id, quotes: briefing.quotes.length }, 'switched to a new release');
      // A new edition is announced, and corrections reach the recaps already posted.
      void scheduler.briefingChanged();
    },
    scheduled: (published, cancelled) => {
      for (const release of published) log.info({ release: release.id, scheduledFor: release.scheduledFor }, 'published a scheduled release');
      for (const release of cancelled) log.warn({ release: release.id, scheduledFor: release.scheduledFor }, 'cancelled a scheduled release: another release became current before its time');
    },
    problem: (error, message) => log.warn({ err: error }, message),
  };
  const opened = await ReleaseFeed.open(storage.releases, events);
  if (opened) return opened;
  const first = await publishFirstRelease(config.CONTENT_DIR);
  const published = first.ok ? await ReleaseFeed.open(storage.releases, events) : undefined;
  if (!published) {
    // Each problem on one line, trimmed: a content file may be a link to anything.
    if (!first.ok) for (const line of first.lines) log.error({ content: firstLine(line) }, 'content error');
    log.fatal(
      { contentDir: config.CONTENT_DIR },
      first.ok
        ? 'the content folder was published as the first release, but this process sees no release in its database (DATABASE_PATH=:memory: is private to each process): use a database file'
        : 'no release to serve, and the content folder is invalid; not starting',
    );
    log.flush();
    process.exit(1);
  }
  log.info({ release: published.release.id, contentDir: config.CONTENT_DIR }, 'published the content folder as the first release');
  return published;
}

/** Starts the recap scheduler; a subscription changed by any replica reaches it at once (PostgreSQL) or within a minute. */
function startScheduler(): void {
  scheduler
    .start()
    .then(() => storage.onSubscriptionsChanged(() => void scheduler.sync()))
    .then(
      async () => log.info({ recaps: (await subscriptions.all()).length, database: storage.engine }, 'recap scheduler started'),
      (error: unknown) => log.error({ err: error }, 'recap scheduler failed to start'),
    );
}

/** The password in DATABASE_URL, scrubbed from logs like the token. */
function databasePassword(url: string | undefined): string {
  try {
    return url ? decodeURIComponent(new URL(url).password) : '';
  } catch {
    return '';
  }
}

/** The operator's recap (RECAP_SCHEDULE, already validated): a clock schedule, or one post per new edition after this start's. */
function operatorSchedule(settings: Config, briefing: Briefing) {
  const parsed = settings.RECAP_SCHEDULE === undefined ? undefined : parseSchedule(settings.RECAP_SCHEDULE);
  if (!parsed || 'problem' in parsed) return undefined;
  const newest = currentView({ briefing, now: new Date(), staleAfterDays: settings.STALE_AFTER_DAYS }).newest.id;
  return { text: settings.RECAP_SCHEDULE!, trigger: parsed.trigger, cron: parsed.cron, timezone: settings.RECAP_TIMEZONE, seenEdition: newest };
}
