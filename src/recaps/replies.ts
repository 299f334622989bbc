// What /recap says back to the server admin: pure functions from subscriptions and ledger rows to
// private (ephemeral) messages.
import { MessageFlags } from 'discord-api-types/v10';
import { renderPage } from '../render/document.js';
import { notice, type Reply } from '../render/reply.js';
import { literal } from '../render/text.js';
import type { Delivery } from './ledger.js';
import { RECAP_COMMAND } from './recap-content.js';
import { formatRunTime } from './schedule.js';
import type { RecapSubscription } from './subscriptions.js';

/** `<t:...:R>` renders as "in 3 hours" in each reader's own clock. */
const relative = (date: Date) => `<t:${Math.floor(date.getTime() / 1000)}:R>`;

export function subscribedReply(subscription: RecapSubscription, runs: readonly Date[]): Reply {
  const when = runs.map((run) => `• ${formatRunTime(run, subscription.timezone)} (${relative(run)})`).join('\n');
  return notice(
    `Recap **#${subscription.id}** set up: <#${subscription.channelId}>, \`${literal(subscription.schedule)}\` in ${subscription.timezone}.\n` +
      `Next runs (${subscription.timezone}):\n${when}\n` +
      'The first recap is the full summary; after that, only what changed since the last one.',
  );
}

export function missingPermissionsReply(channelId: string, missing: readonly string[]): Reply {
  return notice(`I can't post recaps in <#${channelId}> yet: I'm missing **${missing.join('**, **')}** there. Grant ${missing.length === 1 ? 'it' : 'them'} to the bot (channel settings → Permissions) and run the command again.`);
}

export interface ListedSubscription {
  subscription: RecapSubscription;
  next: Date | undefined;
  latest: Delivery | undefined;
}

const DELIVERY_WORDS: Record<Delivery['status'], string> = {
  claimed: 'posting now',
  delivered: 'delivered',
  skipped: 'skipped (nothing new)',
  failed: 'failed',
  missed: 'missed (the bot was down)',
};

/** Page buttons of the list carry `recap:p:<page>:list`. */
export const LIST_VIEW = 'list';

export function subscriptionListReply(listed: readonly ListedSubscription[], page = 1): Reply {
  if (listed.length === 0) return notice('This server has no recaps yet. Set one up with `/recap subscribe`.');
  const blocks = listed.map(({ subscription, next, latest }) => {
    const lines = [`<#${subscription.channelId}> · \`${literal(subscription.schedule)}\` · ${subscription.timezone}${subscription.origin === 'environment' ? ' · set by the operator' : ''}`];
    if (subscription.pausedAt) lines.push(`⏸ **Paused**: ${literal(subscription.pausedReason ?? 'by an admin')}`);
    else if (next) lines.push(`Next: ${formatRunTime(next, subscription.timezone)} (${relative(next)})`);
    if (latest) {
      const at = latest.settledAt ?? latest.claimedAt;
      lines.push(`Last: ${DELIVERY_WORDS[latest.status]}${at ? ` ${formatRunTime(new Date(at), subscription.timezone)}` : ''}${latest.status === 'failed' && latest.detail ? `: ${literal(latest.detail)}` : ''}`);
    } else {
      lines.push('Last: none yet');
    }
    return { name: `Recap #${subscription.id}`, blocks: [{ text: lines.join('\n'), sources: [] }] };
  });
  const document = { title: 'Recaps in this server', sections: blocks, footer: 'Manage with /recap pause, resume, remove, now' };
  const { reply } = renderPage(document, page, { command: RECAP_COMMAND, args: [LIST_VIEW] });
  return { ...reply, flags: MessageFlags.Ephemeral };
}
