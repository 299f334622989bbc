// /recap: scheduled recaps of the story in a channel, for server admins (Manage Server, checked on every
// use as well as hidden by default). The command with state: its context carries the subscription
// store, the delivery ledger, the scheduler and what the bot knows of the server, as small interfaces,
// so every reply here is computed (and tested) without Discord.
import { SlashCommandBuilder, type SlashCommandIntegerOption, type SlashCommandStringOption, type SlashCommandSubcommandBuilder } from '../src/render/discordjs.js';
import { ApplicationIntegrationType, ChannelType, InteractionContextType, PermissionFlagsBits } from 'discord-api-types/v10';
import { changesSince } from '../src/briefing/diff.js';
import { normalize } from '../src/briefing/matching.js';
import { pageTurn } from '../src/command/answer.js';
import { botCanPostIn, guildOf, guildOnly, manageServer, permissionsToPost, recapChannelKind, requirePostingPermissions } from '../src/command/checks.js';
import { UserError, type Caller, type Command, type Request } from '../src/command/command.js';
import type { BriefingContext, GuildDirectory } from '../src/command/context.js';
import type { ButtonRef } from '../src/render/custom-id.js';
import { LIMITS } from '../src/render/limits.js';
import { inlineCode } from '../src/render/text.js';
import { notice, privately, type Choice, type NumberChoice, type Reply } from '../src/render/reply.js';
import type { DeliveryLedger } from '../src/recaps/ledger.js';
import { buildRecap, changesPage, changesSources, currentView, RECAP_COMMAND, type Summarize } from '../src/recaps/recap-content.js';
import { recapFor } from '../src/recaps/delivery.js';
import { pausedBecause, subscribedReply, subscriptionListReply } from '../src/recaps/replies.js';
import type { RecapScheduler } from '../src/recaps/scheduler.js';
import { nextRuns, parseSchedule, sameMinuteRun, shortestGapMinutes } from '../src/recaps/schedule.js';
import { LANGUAGES, type ChannelKind, type PostingOptions, type RecapSubscription, type SubscriptionStore, type WhenQuiet } from '../src/recaps/subscriptions.js';
import { localeOf } from '../src/i18n/locale.js';
import { messagesFor, type Messages } from '../src/i18n/messages.js';
import { formatInZone } from '../src/time/dates.js';
import { canonicalTimeZone, currentOffset, suggestTimeZones } from '../src/time/zones.js';

export interface RecapContext extends BriefingContext {
  subscriptions: Pick<SubscriptionStore, 'add' | 'edit' | 'forGuild' | 'remove' | 'pause' | 'resume'>;
  ledger: Pick<DeliveryLedger, 'latest' | 'lastDelivered' | 'correctionsOn'>;
  scheduler: Pick<RecapScheduler, 'sync' | 'postNow'>;
  guilds: GuildDirectory;
  summarize: Summarize;
}

/** Recaps a server may set up, so /recap list and the subscription picker stay usable. */
const MAX_SUBSCRIPTIONS_PER_GUILD = 10;
/** Server-made recaps run less often than hourly; operators (RECAP_SCHEDULE) may schedule as they like. */
const MIN_MINUTES_BETWEEN_RECAPS = 60;

const subscriptionOption = (option: SlashCommandIntegerOption, required: boolean) =>
  option.setName('subscription').setDescription('Which recap (start typing to pick)').setRequired(required).setAutocomplete(true).setMinValue(1);

const quietOption = (option: SlashCommandStringOption) =>
  option
    .setName('when-quiet')
    .setDescription('When nothing changed since the last recap (default: post a one-line note)')
    .addChoices({ name: 'Post a one-line note', value: 'post' }, { name: 'Skip that recap', value: 'skip' });

/** How a recap is posted, after the other options (Discord lists required options first). */
const withPostingOptions = (command: SlashCommandSubcommandBuilder) =>
  command
    .addStringOption((option) => option.setName('tag').setDescription("Forums: the tag of the story's post (start typing to pick)").setAutocomplete(true).setMaxLength(100))
    .addBooleanOption((option) => option.setName('thread').setDescription('Text and announcement channels: start a thread from each recap'))
    .addBooleanOption((option) => option.setName('publish').setDescription('Announcement channels: publish each recap to the servers following the channel'))
    .addStringOption((option) =>
      option
        .setName('language')
        .setDescription("The recap's language (default: the server's preferred language, else English)")
        .addChoices(...LANGUAGES.map((value) => ({ name: messagesFor('en').admin.languageNames[value], value }))),
    );

const data = new SlashCommandBuilder()
  .setName(RECAP_COMMAND)
  .setDescription('Scheduled recaps of the story, posted in a channel')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  // Recaps post in the server's channels, so only where the server itself has added the bot.
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((command) =>
    withPostingOptions(
      command
        .setName('subscribe')
        .setDescription('Post a recap in a channel on a schedule')
        .addChannelOption((option) =>
          option
            .setName('channel')
            .setDescription('Where to post: a text, announcement or forum channel')
            .setRequired(true)
            .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement, ChannelType.GuildForum),
        )
        .addStringOption((option) =>
          option.setName('schedule').setDescription('daily 8am, weekdays 07:30, twice daily 08:00 20:00, weekly monday 9am, on new edition, or cron').setRequired(true).setMaxLength(100),
        )
        // Not required: a recap on new editions has no time of day.
        .addStringOption((option) =>
          option.setName('timezone').setDescription('Time zone of the schedule, e.g. Europe/Zurich').setAutocomplete(true).setMaxLength(64),
        )
        .addStringOption((option) => quietOption(option)),
    ),
  )
  .addSubcommand((command) => command.setName('list').setDescription("This server's recaps: schedule, next run, last delivery"))
  .addSubcommand((command) => command.setName('remove').setDescription('Stop and delete a recap').addIntegerOption((option) => subscriptionOption(option, true)))
  .addSubcommand((command) =>
    withPostingOptions(
      command
        .setName('edit')
        .setDescription("Change a recap's schedule, time zone, quiet days or how it posts, keeping its number and history")
        .addIntegerOption((option) => subscriptionOption(option, true))
        .addStringOption((option) => option.setName('schedule').setDescription('daily 8am, weekdays 07:30, on new edition, ...').setMaxLength(100))
        .addStringOption((option) => option.setName('timezone').setDescription('Time zone, e.g. Europe/Zurich').setAutocomplete(true).setMaxLength(64))
        .addStringOption((option) => quietOption(option)),
    ),
  )
  .addSubcommand((command) => command.setName('pause').setDescription('Pause a recap').addIntegerOption((option) => subscriptionOption(option, true)))
  .addSubcommand((command) => command.setName('resume').setDescription('Resume a paused recap').addIntegerOption((option) => subscriptionOption(option, true)))
  .addSubcommand((command) =>
    command.setName('preview').setDescription('See, privately, the recap that would be posted now').addIntegerOption((option) => subscriptionOption(option, false)),
  )
  .addSubcommand((command) => command.setName('now').setDescription('Post a recap now').addIntegerOption((option) => subscriptionOption(option, true)));

/** This server's recaps, including operator-defined ones posting into its channels. */
async function inGuild(context: RecapContext, guildId: string): Promise<RecapSubscription[]> {
  return context.subscriptions.forGuild(guildId, await context.guilds.channelIds(guildId));
}

/** The recap numbered `id` in this server; a UserError when there is none. */
async function owned(context: RecapContext, caller: Caller, id: unknown): Promise<RecapSubscription> {
  const subscription = typeof id === 'number' ? (await inGuild(context, guildOf(caller))).find((candidate) => candidate.id === id) : undefined;
  if (!subscription) throw new UserError(messagesFor(caller.locale).admin.noRecap(typeof id === 'number' ? String(id) : '?'));
  return subscription;
}

/** The next clock slot; none for a recap that waits for new editions. */
const nextRun = (subscription: RecapSubscription) => (subscription.trigger === 'clock' ? nextRuns(subscription.cron, subscription.timezone, 1)[0] : undefined);

/** The time zone of a recap that posts on new editions, when none is given: the dates in its posts. */
const EDITION_RECAP_ZONE = 'UTC';

/**
 * A schedule and time zone as an admin typed them, checked: what to store, or a UserError saying what to type.
 * `typedZone` is needed only for a clock schedule.
 */
function readSchedule(context: RecapContext, t: Messages, scheduleText: string, typedZone: string | undefined) {
  const schedule = scheduleText.trim();
  const parsed = parseSchedule(schedule, t, { hourly: false });
  if ('problem' in parsed) throw new UserError(parsed.problem);
  if (parsed.trigger === 'new-edition' && typedZone === undefined) return { schedule, timezone: EDITION_RECAP_ZONE, trigger: parsed.trigger, cron: parsed.cron };
  const suggested = (typed: string) => suggestTimeZones(typed, context.now).slice(0, 3).map((zone) => t.admin.zoneNow(`\`${zone}\``, currentOffset(zone, context.now)));
  if (typedZone === undefined) throw new UserError(t.admin.zoneNeeded(suggested('').join(', ')));
  // `europe/zurich`, `Berlin`, `Europe/Kiev`: stored and shown by the zone's current name.
  const timezone = canonicalTimeZone(typedZone);
  if (!timezone) {
    const close = suggested(typedZone);
    throw new UserError(t.admin.notTimeZone(typedZone.trim().slice(0, 64), close.length > 0 ? close.join(', ') : undefined));
  }
  if (parsed.trigger === 'clock' && shortestGapMinutes(parsed.cron, timezone) <= MIN_MINUTES_BETWEEN_RECAPS) {
    throw new UserError(t.admin.tooOften(schedule.slice(0, 60)));
  }
  return { schedule, timezone, trigger: parsed.trigger, cron: parsed.cron };
}

/**
 * A UserError when another clock recap of the channel (not `except`) posts in the same minute as `read`: the second
 * would post "no new developments" a minute after the first. Checked here rather than by the database, which
 * keeps only exact twins out: two admins making such a pair at the same second is no harm done.
 */
async function refuseSameMinute(context: RecapContext, t: Messages, guildId: string, channelId: string, read: ReturnType<typeof readSchedule>, except?: number): Promise<void> {
  if (read.trigger !== 'clock') return;
  for (const other of await inGuild(context, guildId)) {
    if (other.channelId !== channelId || other.trigger !== 'clock' || other.id === except) continue;
    const both = sameMinuteRun(read, other);
    if (both) throw new UserError(t.admin.sameMinute(`<#${channelId}>`, other.id, formatInZone(both, read.timezone, 'dayAndTime', t.locale), read.timezone));
  }
}

const quietFrom = (value: unknown, otherwise: WhenQuiet): WhenQuiet => (value === 'skip' || value === 'post' ? value : otherwise);

/** A forum's tag as picked (its id, from the suggestions) or typed (its name); a UserError naming the tags there are. */
async function readTag(context: RecapContext, t: Messages, guildId: string, channelId: string, kind: ChannelKind, typed: string): Promise<string> {
  const channel = `<#${channelId}>`;
  if (kind !== 'forum') throw new UserError(t.admin.tagNotForum(channel));
  const tags = (await context.guilds.channel(guildId, channelId))?.tags ?? [];
  const tag = tags.find(({ id }) => id === typed.trim()) ?? tags.find(({ name }) => normalize(name) === normalize(typed));
  if (tag) return tag.id;
  if (tags.length === 0) throw new UserError(t.admin.noTags(channel));
  throw new UserError(t.admin.noSuchTag(channel, typed.trim().slice(0, 100), tags.map(({ name }) => inlineCode(name))));
}

/**
 * How a recap is to be posted: the options given, else `current` (the recap being edited), else the defaults.
 * Options that do not fit the channel's kind are refused, saying why.
 */
async function readPosting(context: RecapContext, t: Messages, guildId: string, channelId: string, options: Record<string, unknown>, current?: PostingOptions): Promise<PostingOptions> {
  // Read afresh: a text channel may have become an announcement channel (and recaps set up before forums were known are stored as text).
  const kind = await recapChannelKind(t, context.guilds, guildId, channelId, current?.channelKind);
  const tagId = typeof options.tag === 'string' ? await readTag(context, t, guildId, channelId, kind, options.tag) : (current?.tagId ?? null);
  const threadPerRecap = typeof options.thread === 'boolean' ? options.thread : (current?.threadPerRecap ?? false);
  const publish = typeof options.publish === 'boolean' ? options.publish : (current?.publish ?? false);
  if (threadPerRecap && kind === 'forum') throw new UserError(t.admin.threadInForum);
  if (publish && kind !== 'announcement') throw new UserError(t.admin.publishNotAnnouncement(`<#${channelId}>`));
  const chosen = LANGUAGES.find((language) => language === options.language);
  const language = chosen ?? current?.language ?? localeOf(await context.guilds.preferredLocale(guildId));
  return { channelKind: kind, tagId, threadPerRecap, publish, language };
}

async function subscribe(context: RecapContext, caller: Caller, options: Record<string, unknown>): Promise<Reply> {
  const t = messagesFor(caller.locale);
  const guildId = guildOf(caller);
  const channelId = String(options.channel);
  const typedZone = typeof options.timezone === 'string' && options.timezone.trim() !== '' ? options.timezone : undefined;
  const read = readSchedule(context, t, String(options.schedule ?? ''), typedZone);
  const whenQuiet = quietFrom(options['when-quiet'], 'post');
  const posting = await readPosting(context, t, guildId, channelId, options);
  await refuseSameMinute(context, t, guildId, channelId, read);
  // The limit and the duplicate check are made by the database, in the same transaction as the insert.
  // A recap on new editions announces editions published after it was set up, not the one it starts with.
  const seenEdition = read.trigger === 'new-edition' ? currentView(context).newest.id : null;
  const added = await context.subscriptions.add({ guildId, channelId, ...read, ...posting, whenQuiet, createdBy: caller.userId, seenEdition }, { maxPerGuild: MAX_SUBSCRIPTIONS_PER_GUILD });
  if (added.status === 'limit') throw new UserError(t.admin.limit(added.count));
  if (added.status === 'duplicate') throw new UserError(t.admin.duplicate(`<#${channelId}>`, added.existing.id));
  const { subscription } = added;
  await context.scheduler.sync();
  return subscribedReply(subscription, subscription.trigger === 'clock' ? nextRuns(subscription.cron, subscription.timezone, 3) : [], caller.locale, await tagName(context, subscription));
}

/** The name of the recap's forum tag, if it has one the forum still lists. */
async function tagName(context: RecapContext, subscription: RecapSubscription): Promise<string | undefined> {
  if (!subscription.tagId || !subscription.guildId) return undefined;
  return (await context.guilds.channel(subscription.guildId, subscription.channelId))?.tags.find(({ id }) => id === subscription.tagId)?.name;
}

/** Changes what was given of schedule, time zone, quiet days and posting; the recap keeps its number and history. */
async function edit(context: RecapContext, caller: Caller, options: Record<string, unknown>): Promise<Reply> {
  const t = messagesFor(caller.locale);
  const guildId = guildOf(caller);
  const subscription = await owned(context, caller, options.subscription);
  if (subscription.origin === 'environment') throw new UserError(t.admin.operatorEdit(subscription.id));
  const typed = <T>(name: string, otherwise: T) => (typeof options[name] === 'string' && String(options[name]).trim() !== '' ? String(options[name]) : otherwise);
  // A recap on new editions given a time of day needs a zone for it: the UTC it was stored with is no one's choice.
  const zone = typed('timezone', subscription.trigger === 'clock' ? subscription.timezone : undefined);
  const read = readSchedule(context, t, typed('schedule', subscription.schedule), zone);
  const whenQuiet = quietFrom(options['when-quiet'], subscription.whenQuiet);
  const posting = await readPosting(context, t, guildId, subscription.channelId, options, subscription);
  await refuseSameMinute(context, t, guildId, subscription.channelId, read, subscription.id);
  if (posting.threadPerRecap && !subscription.threadPerRecap) {
    await requirePostingPermissions(t, context.guilds, guildId, subscription.channelId, permissionsToPost(posting.channelKind, { threadPerRecap: true }));
  }
  const seenEdition = read.trigger !== 'new-edition' ? null : subscription.trigger === 'new-edition' ? subscription.seenEdition : currentView(context).newest.id;
  if ((await context.subscriptions.edit(subscription.id, { ...read, ...posting, whenQuiet, seenEdition })) === 'duplicate') {
    throw new UserError(t.admin.duplicateEdit(`<#${subscription.channelId}>`, inlineCode(read.schedule), read.timezone));
  }
  await context.scheduler.sync();
  const edited = { ...subscription, ...read, ...posting, whenQuiet };
  return subscribedReply(edited, edited.trigger === 'clock' ? nextRuns(edited.cron, edited.timezone, 3) : [], caller.locale, await tagName(context, edited), 'changed');
}

async function list(context: RecapContext, caller: Caller, page = 1): Promise<Reply> {
  const listed = await Promise.all((await inGuild(context, guildOf(caller))).map(async (subscription) => ({
    subscription,
    next: subscription.pausedAt ? undefined : nextRun(subscription),
    latest: await context.ledger.latest(subscription.id),
    tagName: await tagName(context, subscription),
  })));
  return subscriptionListReply(listed, caller.locale, page);
}

async function manage(context: RecapContext, caller: Caller, action: 'remove' | 'pause' | 'resume', id: unknown): Promise<Reply> {
  const t = messagesFor(caller.locale);
  const guildId = guildOf(caller);
  const subscription = await owned(context, caller, id);
  if (action === 'remove') {
    if (subscription.origin === 'environment') throw new UserError(t.admin.operatorRemove(subscription.id));
    await context.subscriptions.remove(subscription.id);
  } else if (action === 'pause') {
    if (subscription.pausedAt) throw new UserError(t.admin.alreadyPaused(subscription.id));
    // Who paused it is shown to every admin, in their language, as a mention; the reason stored is for the logs.
    await context.subscriptions.pause(subscription.id, 'paused by an admin', caller.userId);
  } else {
    if (!subscription.pausedAt) throw new UserError(t.admin.notPaused(subscription.id));
    await requirePostingPermissions(t, context.guilds, guildId, subscription.channelId, permissionsToPost(subscription.channelKind, subscription));
    await context.subscriptions.resume(subscription.id);
  }
  await context.scheduler.sync();
  const upcoming = action === 'resume' ? nextRun(subscription) : undefined;
  const next = upcoming ? t.admin.nextRun(formatInZone(upcoming, subscription.timezone, 'dayAndTime', caller.locale), subscription.timezone) : action === 'resume' ? t.admin.postsOnEdition : '';
  return notice([t.admin.managed(subscription.id, `<#${subscription.channelId}>`, action), next].filter(Boolean).join(' '));
}

async function preview(context: RecapContext, caller: Caller, id: unknown): Promise<Reply> {
  const subscription = id === undefined ? undefined : await owned(context, caller, id);
  // The admin sees what would be posted, in the recap's language; with no recap named, the full summary in their own.
  const recap = subscription ? await recapFor(context, subscription, context.ledger, context.summarize) : buildRecap(context, undefined, 'UTC', context.summarize, caller.locale);
  return privately(recap.reply);
}

async function postNow(context: RecapContext, caller: Caller, id: unknown): Promise<Reply> {
  const t = messagesFor(caller.locale);
  const subscription = await owned(context, caller, id);
  const channel = `<#${subscription.channelId}>`;
  if (subscription.pausedAt) throw new UserError(t.admin.isPaused(subscription.id, pausedBecause(t, subscription)));
  const result = await context.scheduler.postNow(subscription, caller.interactionId);
  if (!result) return notice(t.admin.beingPosted);
  if (result.status === 'delivered') {
    const where = result.threadId ?? subscription.channelId;
    return notice(t.admin.posted(`<#${where}>`, `https://discord.com/channels/${caller.guildId}/${where}/${result.messageId}`));
  }
  if (result.status === 'skipped') return notice(t.admin.skipped);
  return notice([t.admin.couldNotPost(channel, result.failure.reason), result.failure.pauses ? t.admin.pausedUntilFixed : ''].filter(Boolean).join(' '));
}

async function subscriptionChoices(context: RecapContext, caller: Caller, typed: string): Promise<NumberChoice[]> {
  const guildId = guildOf(caller);
  const { pausedTag } = messagesFor(caller.locale).admin;
  const choices = await Promise.all((await inGuild(context, guildId))
    .map(async (subscription) => {
      const channel = (await context.guilds.channelName(guildId, subscription.channelId)) ?? subscription.channelId;
      const label = `#${subscription.id} · #${channel} · ${subscription.schedule} (${subscription.timezone})${subscription.pausedAt ? ` · ${pausedTag}` : ''}`;
      return { name: label.slice(0, LIMITS.choiceName), value: subscription.id };
    }));
  return matching(choices, typed);
}

/** The choices whose name contains what was typed (all when nothing was), as many as Discord shows. */
function matching<T extends Choice | NumberChoice>(choices: readonly T[], typed: string): T[] {
  return choices.filter((choice) => typed.trim() === '' || normalize(choice.name).includes(normalize(typed))).slice(0, LIMITS.autocompleteChoices);
}

/** The tags of the forum picked in `channel` (or of the recap being edited), for an admin. */
async function tagChoices(context: RecapContext, request: Request, typed: string): Promise<Choice[]> {
  await manageServer.run(context, request);
  const { options } = request;
  const guildId = guildOf(request.caller);
  const channelId = typeof options.channel === 'string' ? options.channel : (await inGuild(context, guildId)).find(({ id }) => id === options.subscription)?.channelId;
  const tags = channelId ? ((await context.guilds.channel(guildId, channelId))?.tags ?? []) : [];
  return matching(tags.map(({ id, name }) => ({ name: name.slice(0, LIMITS.choiceName), value: id })), typed);
}

/** What changed since the edition a "what's new" recap's button carries; a UserError once that edition is gone. */
function changesOf(context: RecapContext, ref: ButtonRef, caller: Caller) {
  const changes = ref.args[0] ? changesSince(currentView(context), ref.args[0]) : undefined;
  if (!changes) throw new UserError(messagesFor(caller.locale).recap.outOfDate);
  return changes;
}

export const recap: Command<RecapContext> = {
  data,
  checks: [guildOnly, manageServer, botCanPostIn('channel')],
  // Posting goes over the network and may wait out rate limits: acknowledge within Discord's 3 seconds.
  defers: ({ options }) => options.subcommand === 'now',
  run(context, { caller, options }) {
    switch (options.subcommand) {
      case 'subscribe':
        return subscribe(context, caller, options);
      case 'list':
        return list(context, caller);
      case 'edit':
        return edit(context, caller, options);
      case 'remove':
      case 'pause':
      case 'resume':
        return manage(context, caller, options.subcommand, options.subscription);
      case 'preview':
        return preview(context, caller, options.subscription);
      case 'now':
        return postNow(context, caller, options.subscription);
      default:
        throw new UserError(messagesFor(caller.locale).admin.unknownAction);
    }
  },
  async autocomplete(context, focused, request) {
    if (focused.name === 'tag') return tagChoices(context, request, focused.value);
    if (focused.name === 'timezone') {
      const { zoneNow } = messagesFor(request.caller.locale).admin;
      return suggestTimeZones(focused.value, context.now)
        .slice(0, LIMITS.autocompleteChoices)
        .map((zone) => ({ name: zoneNow(zone, currentOffset(zone, context.now)), value: zone }));
    }
    // The server's recaps are for its admins only.
    await manageServer.run(context, request);
    return subscriptionChoices(context, request.caller, focused.value);
  },
  buttons: {
    'recap-list': {
      checks: [guildOnly, manageServer],
      press: async (context, ref, caller) => ({ reply: await list(context, caller, ref.page), replace: true }),
    },
    // Pressed by anyone reading a "what's new" recap in the channel: no admin check; each reader gets their own language.
    sources: { press: (context, ref, caller) => ({ reply: changesSources(context, changesOf(context, ref, caller), ref.page, caller.locale), replace: false }) },
    'recap-since': {
      press: (context, ref, caller) => pageTurn(changesPage(context, changesOf(context, ref, caller), ref.page, caller.locale), caller),
    },
  },
};
