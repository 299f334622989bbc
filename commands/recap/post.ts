// /recap preview and now: the recap that would be posted, seen privately, or posted at once.
import type { InGuild } from '../../src/command/checks.js';
import { UserError } from '../../src/command/command.js';
import { subcommand } from '../../src/command/define.js';
import { messagesFor } from '../../src/i18n/messages.js';
import { recapFor } from '../../src/recaps/delivery.js';
import { buildRecap } from '../../src/recaps/recap-content.js';
import { pausedBecause } from '../../src/recaps/replies.js';
import { notice, privately } from '../../src/render/reply.js';
import { completeSubscription } from './choices.js';
import { owned, requiredSubscriptionOption, subscriptionOption, type RecapContext } from './context.js';

export const preview = subcommand<RecapContext, InGuild>()({
  description: 'See, privately, the recap that would be posted now',
  options: { subscription: subscriptionOption },
  async run(context, { caller, options }) {
    const subscription = options.subscription === undefined ? undefined : await owned(context, caller, options.subscription);
    // The admin sees what would be posted, in the recap's language; with no recap named, the full summary in their own.
    const recap = subscription ? await recapFor(context, subscription, context.ledger, context.summarize) : buildRecap(context, undefined, 'UTC', context.summarize, caller.locale);
    return privately(recap.reply);
  },
  autocomplete: completeSubscription,
});

export const now = subcommand<RecapContext, InGuild>()({
  description: 'Post a recap now',
  options: { subscription: requiredSubscriptionOption },
  // Posting goes over the network and may wait out rate limits: acknowledge within Discord's 3 seconds.
  defers: true,
  async run(context, { caller, options }) {
    const t = messagesFor(caller.locale);
    const subscription = await owned(context, caller, options.subscription);
    if (subscription.pausedAt) throw new UserError(t.admin.isPaused(subscription.id, pausedBecause(t, subscription)));
    const result = await context.scheduler.postNow(subscription, caller.interactionId);
    if (!result) return notice(t.admin.beingPosted);
    if (result.status === 'delivered') {
      const where = result.threadId ?? subscription.channelId;
      return notice(t.admin.posted(`<#${where}>`, `https://discord.com/channels/${caller.guildId}/${where}/${result.messageId}`));
    }
    if (result.status === 'skipped') return notice(t.admin.skipped);
    return notice([t.admin.couldNotPost(`<#${subscription.channelId}>`, result.failure.reason), result.failure.pauses ? t.admin.pausedUntilFixed : ''].filter(Boolean).join(' '));
  },
  autocomplete: completeSubscription,
});
