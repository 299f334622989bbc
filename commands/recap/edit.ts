// /recap edit: change what was given of a recap's schedule, time zone, quiet days and posting; the recap keeps
// its number and history.
import type { InGuild } from '../../src/command/checks.js';
import { UserError } from '../../src/command/command.js';
import { subcommand } from '../../src/command/define.js';
import { string } from '../../src/command/options.js';
import { messagesFor } from '../../src/i18n/messages.js';
import { botCanPostInRecap } from '../../src/recaps/posting-permissions.js';
import { currentView } from '../../src/recaps/recap-content.js';
import { subscribedReply } from '../../src/recaps/replies.js';
import { readPosting, readSchedule, refuseSameMinute } from '../../src/recaps/rules.js';
import { inlineCode } from '../../src/render/text.js';
import { subscriptionChoices, tagChoices, zoneChoices } from './choices.js';
import { inGuild, owned, postingOptions, quietOption, requiredSubscriptionOption, tagName, typedText, upcoming, type RecapContext } from './context.js';

export const edit = subcommand<RecapContext, InGuild>()({
  description: "Change a recap's schedule, time zone, quiet days or how it posts, keeping its number and history",
  options: {
    subscription: requiredSubscriptionOption,
    schedule: string('daily 8am, weekdays 07:30, on new edition, ...', { maxLength: 100 }),
    timezone: string('Time zone, e.g. Europe/Zurich', { autocomplete: true, maxLength: 64 }),
    'when-quiet': quietOption,
    ...postingOptions,
  },
  checks: [botCanPostInRecap],
  async run(context, { caller, options }) {
    const t = messagesFor(caller.locale);
    const { guildId } = caller;
    const subscription = await owned(context, caller, options.subscription);
    if (subscription.origin === 'environment') throw new UserError(t.admin.operatorEdit(subscription.id));
    // A recap on new editions given a time of day needs a zone for it: the UTC it was stored with is no one's choice.
    const zone = typedText(options.timezone) ?? (subscription.trigger === 'clock' ? subscription.timezone : undefined);
    const read = readSchedule(t, context.now, typedText(options.schedule) ?? subscription.schedule, zone);
    const whenQuiet = options['when-quiet'] ?? subscription.whenQuiet;
    const [channel, others] = await Promise.all([context.guilds.channel(guildId, subscription.channelId), inGuild(context, guildId)]);
    // The recap keeps its language unless one is given: the server's preferred one is not asked for.
    const posting = readPosting(t, { channelId: subscription.channelId, channel, preferredLocale: undefined }, options, subscription);
    refuseSameMinute(t, others, subscription.channelId, read, subscription.id);
    const seenEdition = read.trigger !== 'new-edition' ? null : subscription.trigger === 'new-edition' ? subscription.seenEdition : currentView(context).newest.id;
    if ((await context.subscriptions.edit(subscription.id, { ...read, ...posting, whenQuiet, seenEdition })) === 'duplicate') {
      throw new UserError(t.admin.duplicateEdit(`<#${subscription.channelId}>`, inlineCode(read.schedule), read.timezone));
    }
    await context.scheduler.sync();
    const edited = { ...subscription, ...read, ...posting, whenQuiet };
    return subscribedReply(edited, upcoming(edited), caller.locale, await tagName(context, edited), 'changed');
  },
  autocomplete(context, focused, { caller, options }) {
    if (focused.name === 'tag') return tagChoices(context, caller, options, focused.value);
    if (focused.name === 'timezone') return zoneChoices(context, caller, focused.value);
    return subscriptionChoices(context, caller, focused.value);
  },
});
