// What every /recap subcommand is given and shares: the context (the subscription store, the delivery ledger,
// the scheduler and what the bot knows of the server, as small interfaces), the options several declare, and
// the recaps of the caller's server.
import type { InGuild } from '../../src/command/checks.js';
import { UserError, type Caller } from '../../src/command/command.js';
import type { BriefingContext, GuildDirectory } from '../../src/command/context.js';
import { boolean, integer, string } from '../../src/command/options.js';
import { messagesFor } from '../../src/i18n/messages.js';
import type { DeliveryLedger } from '../../src/recaps/ledger.js';
import type { Summarize } from '../../src/recaps/recap-content.js';
import type { RecapScheduler } from '../../src/recaps/scheduler.js';
import { nextRuns } from '../../src/recaps/schedule.js';
import { LANGUAGES } from '../../src/recaps/rules.js';
import type { RecapSubscription, SubscriptionStore } from '../../src/recaps/subscriptions.js';

export interface RecapContext extends BriefingContext {
  subscriptions: Pick<SubscriptionStore, 'add' | 'edit' | 'forGuild' | 'remove' | 'pause' | 'resume'>;
  ledger: Pick<DeliveryLedger, 'latest' | 'lastDelivered' | 'correctionsOn'>;
  scheduler: Pick<RecapScheduler, 'sync' | 'postNow'>;
  guilds: GuildDirectory;
  summarize: Summarize;
}

/** Who asks, once /recap's checks have passed: an admin in a server that added the bot. */
export type Admin = Caller & InGuild;

export const subscriptionOption = integer('Which recap (start typing to pick)', { autocomplete: true, min: 1 });
export const requiredSubscriptionOption = { ...subscriptionOption, required: true } as const;

/** Text typed into an option, unless it is blank. */
export const typedText = (value: string | undefined) => (value?.trim() ? value : undefined);

export const quietOption = string('When nothing changed since the last recap (default: post a one-line note)', {
  choices: [
    { name: 'Post a one-line note', value: 'post' },
    { name: 'Skip that recap', value: 'skip' },
  ],
});

/** How a recap is posted, after the other options (Discord lists required options first). */
export const postingOptions = {
  tag: string("Forums: the tag of the story's post (start typing to pick)", { autocomplete: true, maxLength: 100 }),
  thread: boolean('Text and announcement channels: start a thread from each recap'),
  publish: boolean('Announcement channels: publish each recap to the servers following the channel'),
  language: string("The recap's language (default: the server's preferred language, else English)", {
    choices: LANGUAGES.map((value) => ({ name: messagesFor('en').admin.languageNames[value], value })),
  }),
};

/** This server's recaps, including operator-defined ones posting into its channels. */
export async function inGuild(context: RecapContext, guildId: string): Promise<RecapSubscription[]> {
  return context.subscriptions.forGuild(guildId, await context.guilds.channelIds(guildId));
}

/** The recap numbered `id` in the caller's server; a UserError when there is none. */
export async function owned(context: RecapContext, caller: Admin, id: number): Promise<RecapSubscription> {
  const subscription = (await inGuild(context, caller.guildId)).find((candidate) => candidate.id === id);
  if (!subscription) throw new UserError(messagesFor(caller.locale).admin.noRecap(String(id)));
  return subscription;
}

/** The next clock slot; none for a recap that waits for new editions. */
export const nextRun = (subscription: RecapSubscription) => (subscription.trigger === 'clock' ? nextRuns(subscription.cron, subscription.timezone, 1)[0] : undefined);

/** The name of the recap's forum tag, if it has one the forum still lists. */
export async function tagName(context: RecapContext, subscription: RecapSubscription): Promise<string | undefined> {
  if (!subscription.tagId || !subscription.guildId) return undefined;
  return (await context.guilds.channel(subscription.guildId, subscription.channelId))?.tags.find(({ id }) => id === subscription.tagId)?.name;
}

/** The next three runs of a recap on the clock, for the reply that sets it up or changes it. */
export const upcoming = (subscription: RecapSubscription) => (subscription.trigger === 'clock' ? nextRuns(subscription.cron, subscription.timezone, 3) : []);
