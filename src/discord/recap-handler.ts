// /recap on Discord: subscribe, list, remove, pause, resume, preview and post now. Checks the member's
// Manage Server permission on every use and the bot's own permissions in the target channel.
import {
  MessageFlags,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Guild,
} from 'discord.js';
import type { LiveBriefing } from '../briefing/live.js';
import { changesSince } from '../briefing/diff.js';
import { matchScore, normalize } from '../briefing/matching.js';
import { decodePageRef } from '../render/custom-id.js';
import { LIMITS } from '../render/limits.js';
import { notice, type Reply } from '../render/reply.js';
import type { DeliveryLedger } from '../recaps/ledger.js';
import { buildRecap, changesPage, RECAP_COMMAND, SINCE_VIEW } from '../recaps/recap-content.js';
import { LIST_VIEW, missingPermissionsReply, subscribedReply, subscriptionListReply } from '../recaps/replies.js';
import type { RecapScheduler } from '../recaps/scheduler.js';
import { allTimeZones, COMMON_TIME_ZONES, formatRunTime, isTimeZone, nextRuns, parseSchedule, shortestGapMinutes } from '../recaps/schedule.js';
import type { RecapSubscription, SubscriptionStore, WhenQuiet } from '../recaps/subscriptions.js';
import { replyOptions, updateOptions } from './briefing-handlers.js';
import type { InteractionHandler, Outcome } from './router.js';

export interface RecapHandlerDependencies {
  live: LiveBriefing;
  subscriptions: SubscriptionStore;
  ledger: DeliveryLedger;
  scheduler: RecapScheduler;
}

/** Recaps a server may set up, so /recap list and the subscription picker stay usable. */
const MAX_SUBSCRIPTIONS_PER_GUILD = 10;
/** Server-made recaps run at most hourly; operators (RECAP_SCHEDULE) may schedule as they like. */
const MIN_MINUTES_BETWEEN_RECAPS = 60;

/** What the bot needs in a channel to post a recap, by the names Discord shows in channel settings. */
const POSTING_PERMISSIONS = [
  { flag: PermissionFlagsBits.ViewChannel, name: 'View Channel' },
  { flag: PermissionFlagsBits.SendMessages, name: 'Send Messages' },
  { flag: PermissionFlagsBits.EmbedLinks, name: 'Embed Links' },
] as const;

const NEEDS_MANAGE_SERVER = notice('Managing recaps needs the **Manage Server** permission.');
const SERVER_ONLY = notice('Recaps are set up per server: use `/recap` in a server channel.');

export function recapHandler(deps: RecapHandlerDependencies): InteractionHandler {
  const { subscriptions, ledger, scheduler, live } = deps;

  /** A subscription of this server (including operator-defined ones in its channels), by id. */
  const ownedBy = (guild: Guild, id: number | null): RecapSubscription | undefined =>
    id === null ? undefined : inGuild(guild).find((subscription) => subscription.id === id);
  const inGuild = (guild: Guild) => subscriptions.forGuild(guild.id, new Set(guild.channels.cache.keys()));
  const unknownSubscription = (id: number | null) => notice(`There is no recap #${id ?? '?'} in this server. \`/recap list\` shows them.`);

  async function missingPermissions(guild: Guild, channelId: string): Promise<string[]> {
    const channel = guild.channels.cache.get(channelId);
    const me = guild.members.me ?? (await guild.members.fetchMe());
    const granted = channel?.permissionsFor(me);
    return POSTING_PERMISSIONS.filter(({ flag }) => !granted?.has(flag)).map(({ name }) => name);
  }

  async function subscribe(interaction: ChatInputCommandInteraction<'cached'>): Promise<Reply> {
    const channel = interaction.options.getChannel('channel', true);
    const schedule = interaction.options.getString('schedule', true).trim();
    const timezone = interaction.options.getString('timezone', true).trim();
    const whenQuiet = (interaction.options.getString('when-quiet') ?? 'post') as WhenQuiet;
    const parsed = parseSchedule(schedule);
    if ('problem' in parsed) return notice(parsed.problem);
    if (!isTimeZone(timezone)) {
      const close = timeZoneChoices(timezone).slice(0, 3).map((choice) => `\`${choice.value}\``);
      return notice(`"${timezone.slice(0, 64)}" is not a time zone I know. Use an IANA name${close.length > 0 ? `, e.g. ${close.join(', ')}` : ' like Europe/Zurich'}; the option suggests them as you type.`);
    }
    if (shortestGapMinutes(parsed.cron, timezone) < MIN_MINUTES_BETWEEN_RECAPS) {
      return notice('That schedule runs more than once an hour. Recaps set up here run at most hourly; try `daily 08:00`.');
    }
    const missing = await missingPermissions(interaction.guild, channel.id);
    if (missing.length > 0) return missingPermissionsReply(channel.id, missing);

    // The limit and the duplicate check are made by the database, in the same transaction as the insert.
    const added = await subscriptions.add({ guildId: interaction.guildId, channelId: channel.id, schedule, cron: parsed.cron, timezone, whenQuiet, createdBy: interaction.user.id }, { maxPerGuild: MAX_SUBSCRIPTIONS_PER_GUILD });
    if (added.status === 'limit') return notice(`This server already has ${added.count} recaps, the most allowed. Remove one with \`/recap remove\` first.`);
    if (added.status === 'duplicate') return notice(`<#${channel.id}> already gets this recap (#${added.existing.id}).`);
    const { subscription } = added;
    scheduler.sync();
    return subscribedReply(subscription, nextRuns(subscription.cron, subscription.timezone, 3));
  }

  function list(guild: Guild, page = 1): Reply {
    const listed = inGuild(guild).map((subscription) => ({
      subscription,
      next: subscription.pausedAt ? undefined : nextRuns(subscription.cron, subscription.timezone, 1)[0],
      latest: ledger.latest(subscription.id),
    }));
    return subscriptionListReply(listed, page);
  }

  async function manage(interaction: ChatInputCommandInteraction<'cached'>, action: 'remove' | 'pause' | 'resume'): Promise<Reply> {
    const id = interaction.options.getInteger('subscription', true);
    const subscription = ownedBy(interaction.guild, id);
    if (!subscription) return unknownSubscription(id);
    if (action === 'remove') {
      if (subscription.origin === 'environment') return notice(`Recap #${id} is set by the bot's operator (RECAP_CHANNEL_IDS); you can pause it, and the operator can remove it.`);
      subscriptions.remove(subscription.id);
    } else if (action === 'pause') {
      if (subscription.pausedAt) return notice(`Recap #${id} is already paused.`);
      subscriptions.pause(subscription.id, `paused by an admin (${interaction.user.username})`);
    } else {
      if (!subscription.pausedAt) return notice(`Recap #${id} is not paused.`);
      const missing = await missingPermissions(interaction.guild, subscription.channelId);
      if (missing.length > 0) return missingPermissionsReply(subscription.channelId, missing);
      subscriptions.resume(subscription.id);
    }
    scheduler.sync();
    const done = { remove: 'removed', pause: 'paused', resume: 'resumed' }[action];
    const next = action === 'resume' ? ` Next run: ${formatRunTime(nextRuns(subscription.cron, subscription.timezone, 1)[0]!, subscription.timezone)} (${subscription.timezone}).` : '';
    return notice(`Recap #${id} in <#${subscription.channelId}> ${done}.${next}`);
  }

  function preview(interaction: ChatInputCommandInteraction<'cached'>): Reply {
    const id = interaction.options.getInteger('subscription');
    const subscription = ownedBy(interaction.guild, id);
    if (id !== null && !subscription) return unknownSubscription(id);
    const last = subscription && ledger.lastDelivered(subscription.channelId);
    const recap = buildRecap(live.current, last && { editionId: last.editionId, deliveredAt: last.settledAt ?? last.slot }, subscription?.timezone ?? 'UTC');
    return { ...recap.reply, flags: MessageFlags.Ephemeral };
  }

  async function postNow(interaction: ChatInputCommandInteraction<'cached'>): Promise<Reply> {
    const id = interaction.options.getInteger('subscription', true);
    const subscription = ownedBy(interaction.guild, id);
    if (!subscription) return unknownSubscription(id);
    if (subscription.pausedAt) return notice(`Recap #${id} is paused (${subscription.pausedReason}). Resume it first.`);
    const result = await scheduler.postNow(subscription, interaction.id);
    if (!result) return notice('That recap is already being posted.');
    if (result.status === 'delivered') return notice(`Posted in <#${subscription.channelId}>: https://discord.com/channels/${interaction.guildId}/${subscription.channelId}/${result.messageId}`);
    if (result.status === 'skipped') return notice('Nothing new since the last recap, and this recap skips quiet days, so nothing was posted.');
    return notice(`Could not post in <#${subscription.channelId}>: ${result.failure.reason}${result.failure.pauses ? ' The recap is paused until this is fixed; then use `/recap resume`.' : ''}`);
  }

  return {
    name: RECAP_COMMAND,
    async chatInput(interaction) {
      if (!interaction.inCachedGuild()) return send(interaction, SERVER_ONLY);
      if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) return send(interaction, NEEDS_MANAGE_SERVER);
      const subcommand = interaction.options.getSubcommand();
      if (subcommand === 'now') {
        // Posting goes over the network and may wait out rate limits: acknowledge within Discord's 3 seconds.
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
        const reply = await postNow(interaction);
        await interaction.editReply({ content: reply.content, allowedMentions: { parse: [] } });
        return 'answered';
      }
      const reply =
        subcommand === 'subscribe' ? await subscribe(interaction)
        : subcommand === 'list' ? list(interaction.guild)
        : subcommand === 'preview' ? preview(interaction)
        : subcommand === 'remove' || subcommand === 'pause' || subcommand === 'resume' ? await manage(interaction, subcommand)
        : notice('Unknown /recap action.');
      return send(interaction, reply);
    },
    async autocomplete(interaction: AutocompleteInteraction) {
      const focused = interaction.options.getFocused(true);
      if (focused.name === 'timezone') {
        await interaction.respond(timeZoneChoices(String(focused.value)));
      } else if (interaction.inCachedGuild() && interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) {
        await interaction.respond(subscriptionChoices(interaction.guild, inGuild(interaction.guild), String(focused.value)));
      } else {
        await interaction.respond([]);
      }
      return 'answered';
    },
    async button(interaction: ButtonInteraction) {
      const ref = decodePageRef(interaction.customId);
      const [view, editionId] = ref?.args ?? [];
      if (ref && view === LIST_VIEW && interaction.inCachedGuild()) {
        if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) return send(interaction, NEEDS_MANAGE_SERVER);
        await interaction.update(updateOptions(list(interaction.guild, ref.page)));
        return 'answered';
      }
      const changes = ref && view === SINCE_VIEW && editionId ? changesSince(live.current, editionId) : undefined;
      if (!ref || !changes) return send(interaction, notice('This recap is out of date; `/brief` shows the current briefing.'));
      await interaction.update(updateOptions(changesPage(live.current, changes, ref.page)));
      return 'answered';
    },
  };
}

async function send(interaction: ChatInputCommandInteraction | ButtonInteraction, reply: Reply): Promise<Outcome> {
  await interaction.reply(replyOptions(reply));
  return reply.content && !reply.embeds ? 'notice' : 'answered';
}

/** IANA zones matching what was typed, common ones first; at most 25. */
function timeZoneChoices(typed: string) {
  const query = normalize(typed);
  const zones = query === '' ? COMMON_TIME_ZONES : rankZones(query);
  return zones.slice(0, LIMITS.autocompleteChoices).map((zone) => ({ name: zone, value: zone }));
}

function rankZones(query: string): string[] {
  const common = new Set(COMMON_TIME_ZONES);
  return allTimeZones()
    .map((zone) => ({ zone, score: matchScore(query, normalize(zone)) }))
    .filter((entry): entry is { zone: string; score: number } => entry.score !== undefined)
    .sort((a, b) => a.score - b.score || Number(common.has(b.zone)) - Number(common.has(a.zone)) || a.zone.localeCompare(b.zone))
    .map(({ zone }) => zone);
}

function subscriptionChoices(guild: Guild, owned: readonly RecapSubscription[], typed: string) {
  return owned
    .map((subscription) => {
      const channel = guild.channels.cache.get(subscription.channelId)?.name ?? subscription.channelId;
      const label = `#${subscription.id} · #${channel} · ${subscription.schedule} (${subscription.timezone})${subscription.pausedAt ? ' · paused' : ''}`;
      return { name: label.slice(0, LIMITS.choiceName), value: subscription.id };
    })
    .filter((choice) => typed.trim() === '' || normalize(choice.name).includes(normalize(typed)))
    .slice(0, LIMITS.autocompleteChoices);
}
