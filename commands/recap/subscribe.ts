// /recap subscribe: a recap of the story in a channel, on a schedule or on each new edition.
import { ChannelType } from 'discord-api-types/v10';
import type { InGuild } from '../../src/command/checks.js';
import { UserError } from '../../src/command/command.js';
import { subcommand } from '../../src/command/define.js';
import { channel, string } from '../../src/command/options.js';
import { messagesFor } from '../../src/i18n/messages.js';
import { botCanPostInChannel } from '../../src/recaps/posting-permissions.js';
import { currentView } from '../../src/recaps/recap-content.js';
import { subscribedReply } from '../../src/recaps/replies.js';
import { MAX_SUBSCRIPTIONS_PER_GUILD, readPosting, readSchedule, refuseSameMinute } from '../../src/recaps/rules.js';
import { tagChoices, zoneChoices } from './choices.js';
import { inGuild, postingOptions, quietOption, tagName, typedText, upcoming, type RecapContext } from './context.js';

export const subscribe = subcommand<RecapContext, InGuild>()({
  description: 'Post a recap in a channel on a schedule',
  options: {
    channel: channel('Where to post: a text, announcement or forum channel', {
      required: true,
      channelTypes: [ChannelType.GuildText, ChannelType.GuildAnnouncement, ChannelType.GuildForum],
    }),
    schedule: string('daily 8am, weekdays 07:30, twice daily 08:00 20:00, weekly monday 9am, on new edition, or cron', { required: true, maxLength: 100 }),
    // Not required: a recap on new editions has no time of day.
    timezone: string('Time zone of the schedule, e.g. Europe/Zurich', { autocomplete: true, maxLength: 64 }),
    'when-quiet': quietOption,
    ...postingOptions,
  },
  checks: [botCanPostInChannel],
  async run(context, { caller, options }) {
    const t = messagesFor(caller.locale);
    const { guildId } = caller;
    const channelId = options.channel;
    const read = readSchedule(t, context.now, options.schedule, typedText(options.timezone));
    const [channelFacts, preferredLocale, others] = await Promise.all([
      context.guilds.channel(guildId, channelId),
      options.language ? undefined : context.guilds.preferredLocale(guildId),
      inGuild(context, guildId),
    ]);
    const posting = readPosting(t, { channelId, channel: channelFacts, preferredLocale }, options);
    refuseSameMinute(t, others, channelId, read);
    // The limit and the duplicate check are made by the database, in the same transaction as the insert.
    // A recap on new editions announces editions published after it was set up, not the one it starts with.
    const seenEdition = read.trigger === 'new-edition' ? currentView(context).newest.id : null;
    const whenQuiet = options['when-quiet'] ?? 'post';
    const added = await context.subscriptions.add({ guildId, channelId, ...read, ...posting, whenQuiet, createdBy: caller.userId, seenEdition }, { maxPerGuild: MAX_SUBSCRIPTIONS_PER_GUILD });
    if (added.status === 'limit') throw new UserError(t.admin.limit(added.count));
    if (added.status === 'duplicate') throw new UserError(t.admin.duplicate(`<#${channelId}>`, added.existing.id));
    const { subscription } = added;
    await context.scheduler.sync();
    return subscribedReply(subscription, upcoming(subscription), caller.locale, await tagName(context, subscription));
  },
  autocomplete(context, focused, { caller, options }) {
    return focused.name === 'tag' ? tagChoices(context, caller, options, focused.value) : zoneChoices(context, caller, focused.value);
  },
});
