// What /recap says back to the server admin: pure functions from subscriptions and ledger rows to
// private (ephemeral) messages.
import { renderPage } from '../render/document.js';
import { notice, privately, type Reply } from '../render/reply.js';
import { inlineCode, literal } from '../render/text.js';
import type { Delivery } from './ledger.js';
import { RECAP_COMMAND } from './recap-content.js';
import { formatInZone } from '../time/dates.js';
import type { Language, RecapSubscription } from './subscriptions.js';

/** `<t:...:R>` renders as "in 3 hours" in each reader's own clock. */
const relative = (date: Date) => `<t:${Math.floor(date.getTime() / 1000)}:R>`;

/** How the recap posts, in a sentence or two: a forum post (with its tag), a thread per recap, publishing, its language. */
export function postingSentence(subscription: RecapSubscription, tagName: string | undefined): string {
  const parts: string[] = [];
  if (subscription.channelKind === 'forum') {
    const tag = tagName ? ` tagged ${literal(tagName)}` : '';
    parts.push(subscription.threadId ? `Recaps continue the story's post <#${subscription.threadId}>${tag}.` : `The first recap opens a post for the story${tag}; later ones continue it.`);
  }
  if (subscription.threadPerRecap) parts.push('Each recap starts a thread of its own.');
  if (subscription.publish) parts.push('Each recap is published to the servers following the channel.');
  parts.push(`Language: ${LANGUAGE_NAMES[subscription.language]}.`);
  return parts.join(' ');
}

export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', de: 'Deutsch', fr: 'Français' };

export function subscribedReply(subscription: RecapSubscription, runs: readonly Date[], tagName?: string, done: 'set up' | 'changed' = 'set up'): Reply {
  const when = runs.map((run) => `• ${formatInZone(run, subscription.timezone, 'dayAndTime')} (${relative(run)})`).join('\n');
  const upcoming = subscription.trigger === 'new-edition'
    ? 'It posts once each time editors publish a new edition, with what changed.\n'
    : `Next runs (${subscription.timezone}):\n${when}\n`;
  return notice(
    `Recap **#${subscription.id}** ${done}: <#${subscription.channelId}>, ${inlineCode(subscription.schedule)} in ${subscription.timezone}.\n` +
      upcoming +
      `${postingSentence(subscription, tagName)}\n` +
      'The first recap is the full summary; after that, only what changed since the last one.',
  );
}

export interface ListedSubscription {
  subscription: RecapSubscription;
  next: Date | undefined;
  latest: Delivery | undefined;
  tagName?: string | undefined;
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
  const blocks = listed.map(({ subscription, next, latest, tagName }) => {
    const lines = [`<#${subscription.channelId}> · ${inlineCode(subscription.schedule)} · ${subscription.timezone}${subscription.origin === 'environment' ? ' · set by the operator' : ''}`];
    if (subscription.pausedAt) lines.push(`⏸ **Paused**: ${literal(subscription.pausedReason ?? 'by an admin')}`);
    else if (subscription.trigger === 'new-edition') lines.push('Next: when a new edition is published');
    else if (next) lines.push(`Next: ${formatInZone(next, subscription.timezone, 'dayAndTime')} (${relative(next)})`);
    lines.push(postingSentence(subscription, tagName));
    if (subscription.publishFailure) lines.push(`⚠️ **Last publish failed**: ${literal(subscription.publishFailure)}`);
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
