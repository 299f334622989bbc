// What /recap says back to the server admin: pure functions from subscriptions and ledger rows to
// private (ephemeral) messages.
import { renderPage } from '../render/document.js';
import { notice, privately, type Reply } from '../render/reply.js';
import { inlineCode, literal } from '../render/text.js';
import type { Delivery } from './ledger.js';
import { RECAP_COMMAND } from './recap-content.js';
import type { Locale } from '../i18n/locale.js';
import { messagesFor, type Messages } from '../i18n/messages.js';
import { formatInZone } from '../time/dates.js';
import type { RecapSubscription } from './subscriptions.js';

/**
 * Why a recap is paused, for its admins: who paused it, as a mention (shown as their name; the reply pings
 * no one), or the reason the bot stored (in English).
 */
export function pausedBecause(t: Messages, subscription: RecapSubscription): string {
  if (subscription.pausedBy) return t.admin.pausedBy(`<@${subscription.pausedBy}>`);
  return literal(subscription.pausedReason ?? t.admin.byAdmin);
}

/** `<t:...:R>` renders as "in 3 hours" in each reader's own clock and language. */
const relative = (date: Date) => `<t:${Math.floor(date.getTime() / 1000)}:R>`;

/** How the recap posts, in a sentence or two: a forum post (with its tag), a thread per recap, publishing, its language. */
export function postingSentence(t: Messages, subscription: RecapSubscription, tagName: string | undefined): string {
  const parts: string[] = [];
  if (subscription.channelKind === 'forum') {
    const tag = tagName ? literal(tagName) : undefined;
    parts.push(subscription.threadId ? t.admin.continuesPost(`<#${subscription.threadId}>`, tag) : t.admin.opensPost(tag));
  }
  if (subscription.threadPerRecap) parts.push(t.admin.threadPerRecap);
  if (subscription.publish) parts.push(t.admin.publishes);
  parts.push(t.admin.language(t.admin.languageNames[subscription.language]));
  return parts.join(' ');
}

export function subscribedReply(subscription: RecapSubscription, runs: readonly Date[], locale: Locale, tagName?: string, done: 'set up' | 'changed' = 'set up'): Reply {
  const t = messagesFor(locale);
  const when = runs.map((run) => `• ${formatInZone(run, subscription.timezone, 'dayAndTime', locale)} (${relative(run)})`).join('\n');
  const upcoming = subscription.trigger === 'new-edition' ? t.admin.onNewEdition : `${t.admin.nextRuns(subscription.timezone)}\n${when}`;
  const { id, channelId, schedule, timezone } = subscription;
  return notice(
    [t.admin.subscribed(id, `<#${channelId}>`, inlineCode(schedule), subscription.trigger === 'clock' ? timezone : undefined, done === 'changed'), upcoming, postingSentence(t, subscription, tagName), t.admin.firstIsSummary].join('\n'),
  );
}

export interface ListedSubscription {
  subscription: RecapSubscription;
  next: Date | undefined;
  latest: Delivery | undefined;
  tagName?: string | undefined;
}

export function subscriptionListReply(listed: readonly ListedSubscription[], locale: Locale, page = 1): Reply {
  const t = messagesFor(locale);
  if (listed.length === 0) return notice(t.admin.noneYet);
  // The zone is said with each time: the recap's, which need not be the reader's.
  const at = (date: Date | string, zone: string) => `${formatInZone(date, zone, 'dayAndTime', locale)} ${zone}`;
  const blocks = listed.map(({ subscription, next, latest, tagName }) => {
    const lines = [`<#${subscription.channelId}> · ${inlineCode(subscription.schedule)} · ${subscription.timezone}${subscription.origin === 'environment' ? ` · ${t.admin.byOperator}` : ''}`];
    if (subscription.pausedAt) lines.push(t.admin.paused(pausedBecause(t, subscription)));
    else if (subscription.trigger === 'new-edition') lines.push(t.admin.nextOnEdition);
    else if (next) lines.push(t.admin.next(`${at(next, subscription.timezone)} (${relative(next)})`));
    lines.push(postingSentence(t, subscription, tagName));
    if (subscription.publishFailure) lines.push(t.admin.publishFailed(literal(subscription.publishFailure)));
    if (latest) {
      const time = latest.settledAt ?? latest.claimedAt;
      const detail = latest.status === 'failed' && latest.detail ? literal(latest.detail) : undefined;
      const what = `${t.admin.deliveries[latest.status]}${time ? ` ${at(time, subscription.timezone)}` : ''}`;
      lines.push(t.admin.last(detail ? t.labelled(what, detail) : what));
    } else {
      lines.push(t.admin.lastNone);
    }
    return { name: t.admin.recap(subscription.id), blocks: [{ text: lines.join('\n'), sources: [] }] };
  });
  const document = { title: t.admin.listTitle, sections: blocks, footer: t.admin.listFooter };
  return privately(renderPage(t, document, page, { command: RECAP_COMMAND, view: 'recap-list', args: [] }).reply);
}
