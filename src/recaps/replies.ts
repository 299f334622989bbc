// What /recap says back to the server admin: pure functions from subscriptions and ledger rows to
// private (ephemeral) messages.
import { renderPage } from '../render/document.js';
import { notice, privately, type Reply } from '../render/reply.js';
import { inlineCode, literal } from '../render/text.js';
import type { Delivery } from './ledger.js';
import { RECAP_COMMAND } from './recap-content.js';
import { formatInZone } from '../time/dates.js';
import type { RecapSubscription } from './subscriptions.js';

/** `<t:...:R>` renders as "in 3 hours" in each reader's own clock. */
const relative = (date: Date) => `<t:${Math.floor(date.getTime() / 1000)}:R>`;

export function subscribedReply(subscription: RecapSubscription, runs: readonly Date[], done: 'set up' | 'changed' = 'set up'): Reply {
  const when = runs.map((run) => `• ${formatInZone(run, subscription.timezone, 'dayAndTime')} (${relative(run)})`).join('\n');
  const upcoming = subscription.trigger === 'new-edition'
    ? 'It posts once each time editors publish a new edition, with what changed.\n'
    : `Next runs (${subscription.timezone}):\n${when}\n`;
  return notice(
    `Recap **#${subscription.id}** ${done}: <#${subscription.channelId}>, ${inlineCode(subscription.schedule)} in ${subscription.timezone}.\n` +
      upcoming +
      'The first recap is the full summary; after that, only what changed since the last one.',
  );
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

export function subscriptionListReply(listed: readonly ListedSubscription[], page = 1): Reply {
  if (listed.length === 0) return notice('This server has no recaps yet. Set one up with `/recap subscribe`.');
  const blocks = listed.map(({ subscription, next, latest }) => {
    const lines = [`<#${subscription.channelId}> · ${inlineCode(subscription.schedule)} · ${subscription.timezone}${subscription.origin === 'environment' ? ' · set by the operator' : ''}`];
    if (subscription.pausedAt) lines.push(`⏸ **Paused**: ${literal(subscription.pausedReason ?? 'by an admin')}`);
    else if (subscription.trigger === 'new-edition') lines.push('Next: when a new edition is published');
    else if (next) lines.push(`Next: ${formatInZone(next, subscription.timezone, 'dayAndTime')} (${relative(next)})`);
    if (latest) {
      const at = latest.settledAt ?? latest.claimedAt;
      lines.push(`Last: ${DELIVERY_WORDS[latest.status]}${at ? ` ${formatInZone(at, subscription.timezone, 'dayAndTime')}` : ''}${latest.status === 'failed' && latest.detail ? `: ${literal(latest.detail)}` : ''}`);
    } else {
      lines.push('Last: none yet');
    }
    return { name: `Recap #${subscription.id}`, blocks: [{ text: lines.join('\n'), sources: [] }] };
  });
  const document = { title: 'Recaps in this server', sections: blocks, footer: 'Manage with /recap pause, resume, remove, now' };
  return privately(renderPage(document, page, { command: RECAP_COMMAND, view: 'recap-list', args: [] }).reply);
}
