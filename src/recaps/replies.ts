// What /recap says back to the server admin: pure functions from subscriptions and ledger rows to
// private (ephemeral) messages.
import { renderPage } from '../render/document.js';
import { notice, privately, type Reply } from '../render/reply.js';
import { inlineCode, literal } from '../render/text.js';
import type { Delivery } from './ledger.js';
import { RECAP_COMMAND } from './recap-content.js';
import type { Locale } from '../i18n/locale.js';
import { messagesFor } from '../i18n/messages.js';
import { formatInZone } from '../time/dates.js';
import type { RecapSubscription } from './subscriptions.js';

/** `<t:...:R>` renders as "in 3 hours" in each reader's own clock and language. */
const relative = (date: Date) => `<t:${Math.floor(date.getTime() / 1000)}:R>`;

export function subscribedReply(subscription: RecapSubscription, runs: readonly Date[], locale: Locale, done: 'set up' | 'changed' = 'set up'): Reply {
  const t = messagesFor(locale);
  const when = runs.map((run) => `• ${formatInZone(run, subscription.timezone, 'dayAndTime', locale)} (${relative(run)})`).join('\n');
  const upcoming = subscription.trigger === 'new-edition' ? t.admin.onNewEdition : `${t.admin.nextRuns(subscription.timezone)}\n${when}`;
  const { id, channelId, schedule, timezone } = subscription;
  return notice([t.admin.subscribed(id, `<#${channelId}>`, inlineCode(schedule), timezone, done === 'changed'), upcoming, t.admin.firstIsSummary].join('\n'));
}

export interface ListedSubscription {
  subscription: RecapSubscription;
  next: Date | undefined;
  latest: Delivery | undefined;
}

export function subscriptionListReply(listed: readonly ListedSubscription[], locale: Locale, page = 1): Reply {
  const t = messagesFor(locale);
  if (listed.length === 0) return notice(t.admin.noneYet);
  const at = (date: Date | string, zone: string) => formatInZone(date, zone, 'dayAndTime', locale);
  const blocks = listed.map(({ subscription, next, latest }) => {
    const lines = [`<#${subscription.channelId}> · ${inlineCode(subscription.schedule)} · ${subscription.timezone}${subscription.origin === 'environment' ? ` · ${t.admin.byOperator}` : ''}`];
    if (subscription.pausedAt) lines.push(t.admin.paused(literal(subscription.pausedReason ?? t.admin.byAdmin)));
    else if (subscription.trigger === 'new-edition') lines.push(t.admin.nextOnEdition);
    else if (next) lines.push(t.admin.next(`${at(next, subscription.timezone)} (${relative(next)})`));
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
