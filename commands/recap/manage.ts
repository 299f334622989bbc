// /recap remove, pause and resume: one recap of the server, named by its number.
import type { InGuild } from '../../src/command/checks.js';
import { UserError } from '../../src/command/command.js';
import { subcommand } from '../../src/command/define.js';
import { messagesFor, type Messages } from '../../src/i18n/messages.js';
import { botCanPostInRecap } from '../../src/recaps/posting-permissions.js';
import type { RecapSubscription } from '../../src/recaps/subscriptions.js';
import { notice, type Reply } from '../../src/render/reply.js';
import { formatInZone } from '../../src/time/dates.js';
import { completeSubscription } from './choices.js';
import { nextRun, owned, requiredSubscriptionOption, type Admin, type RecapContext } from './context.js';

type Action = 'remove' | 'pause' | 'resume';

/** Does `action` to the recap named and says so, with its next run once resumed. */
function managing(action: Action, change: (context: RecapContext, subscription: RecapSubscription, caller: Admin, t: Messages) => Promise<void>) {
  return async (context: RecapContext, { caller, options }: { caller: Admin; options: { subscription: number } }): Promise<Reply> => {
    const t = messagesFor(caller.locale);
    const subscription = await owned(context, caller, options.subscription);
    await change(context, subscription, caller, t);
    await context.scheduler.sync();
    const upcoming = action === 'resume' ? nextRun(subscription) : undefined;
    const next = upcoming ? t.admin.nextRun(formatInZone(upcoming, subscription.timezone, 'dayAndTime', caller.locale), subscription.timezone) : action === 'resume' ? t.admin.postsOnEdition : '';
    return notice([t.admin.managed(subscription.id, `<#${subscription.channelId}>`, action), next].filter(Boolean).join(' '));
  };
}

export const remove = subcommand<RecapContext, InGuild>()({
  description: 'Stop and delete a recap',
  options: { subscription: requiredSubscriptionOption },
  run: managing('remove', async (context, subscription, _caller, t) => {
    if (subscription.origin === 'environment') throw new UserError(t.admin.operatorRemove(subscription.id));
    await context.subscriptions.remove(subscription.id);
  }),
  autocomplete: completeSubscription,
});

export const pause = subcommand<RecapContext, InGuild>()({
  description: 'Pause a recap',
  options: { subscription: requiredSubscriptionOption },
  run: managing('pause', async (context, subscription, caller, t) => {
    if (subscription.pausedAt) throw new UserError(t.admin.alreadyPaused(subscription.id));
    // Who paused it is shown to every admin, in their language, as a mention; the reason stored is for the logs.
    await context.subscriptions.pause(subscription.id, 'paused by an admin', caller.userId);
  }),
  autocomplete: completeSubscription,
});

export const resume = subcommand<RecapContext, InGuild>()({
  description: 'Resume a paused recap',
  options: { subscription: requiredSubscriptionOption },
  checks: [botCanPostInRecap],
  run: managing('resume', async (context, subscription, _caller, t) => {
    if (!subscription.pausedAt) throw new UserError(t.admin.notPaused(subscription.id));
    await context.subscriptions.resume(subscription.id);
  }),
  autocomplete: completeSubscription,
});
