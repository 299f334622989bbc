// What a server's admins may set up as a recap, and how what they typed becomes one: how often, how many,
// which schedule and time zone, which forum tag, and which ways of posting fit the channel. Each rule is a
// function of what it is given (no store, no Discord), and says what to change as a UserError.
import { normalize } from '../briefing/matching.js';
import { UserError } from '../command/command.js';
import type { ChannelFacts, ForumTag } from '../command/context.js';
import { LOCALES, localeOf } from '../i18n/locale.js';
import type { Messages } from '../i18n/messages.js';
import { inlineCode } from '../render/text.js';
import { formatInZone } from '../time/dates.js';
import { canonicalTimeZone, currentOffset, suggestTimeZones } from '../time/zones.js';
import { parseSchedule, sameMinuteRun, shortestGapMinutes } from './schedule.js';
import type { ChannelKind, Language, PostingOptions, RecapSubscription } from './subscriptions.js';

/** A recap is posted in one of the languages the bot answers in. */
export const LANGUAGES = LOCALES;
/** Recaps a server may set up, so /recap list and the subscription picker stay usable. */
export const MAX_SUBSCRIPTIONS_PER_GUILD = 10;
/** Server-made recaps run less often than hourly; operators (RECAP_SCHEDULE) may schedule as they like. */
export const MIN_MINUTES_BETWEEN_RECAPS = 60;
/** The time zone of a recap that posts on new editions, when none is given: the dates in its posts. */
const EDITION_RECAP_ZONE = 'UTC';

export interface ReadSchedule {
  schedule: string;
  timezone: string;
  trigger: 'clock' | 'new-edition';
  cron: string;
}

/**
 * A schedule and time zone as an admin typed them, checked: what to store, or a UserError saying what to type.
 * `typedZone` is needed only for a clock schedule.
 */
export function readSchedule(t: Messages, now: Date, scheduleText: string, typedZone: string | undefined): ReadSchedule {
  const schedule = scheduleText.trim();
  const parsed = parseSchedule(schedule, t, { hourly: false });
  if ('problem' in parsed) throw new UserError(parsed.problem);
  if (parsed.trigger === 'new-edition' && typedZone === undefined) return { schedule, timezone: EDITION_RECAP_ZONE, trigger: parsed.trigger, cron: parsed.cron };
  const suggested = (typed: string) => suggestTimeZones(typed, now).slice(0, 3).map((zone) => t.admin.zoneNow(`\`${zone}\``, currentOffset(zone, now)));
  if (typedZone === undefined) throw new UserError(t.admin.zoneNeeded(suggested('').join(', ')));
  // `europe/zurich`, `Berlin`, `Europe/Kiev`: stored and shown by the zone's current name.
  const timezone = canonicalTimeZone(typedZone);
  if (!timezone) {
    const close = suggested(typedZone);
    throw new UserError(t.admin.notTimeZone(typedZone.trim().slice(0, 64), close.length > 0 ? close.join(', ') : undefined));
  }
  if (parsed.trigger === 'clock' && shortestGapMinutes(parsed.cron, timezone) <= MIN_MINUTES_BETWEEN_RECAPS) {
    throw new UserError(t.admin.tooOften(schedule.slice(0, 60)));
  }
  return { schedule, timezone, trigger: parsed.trigger, cron: parsed.cron };
}

/**
 * A UserError when another clock recap of the channel among `others` (not `except`) posts in the same minute as
 * `read`: the second would post "no new developments" a minute after the first. Checked here rather than by the
 * database, which keeps only exact twins out: two admins making such a pair at the same second is no harm done.
 */
export function refuseSameMinute(t: Messages, others: readonly RecapSubscription[], channelId: string, read: ReadSchedule, except?: number): void {
  if (read.trigger !== 'clock') return;
  for (const other of others) {
    if (other.channelId !== channelId || other.trigger !== 'clock' || other.id === except) continue;
    const both = sameMinuteRun(read, other);
    if (both) throw new UserError(t.admin.sameMinute(`<#${channelId}>`, other.id, formatInZone(both, read.timezone, 'dayAndTime', t.locale), read.timezone));
  }
}

/** The kind of a channel a recap can post in; `otherwise` when the bot cannot tell. */
export function recapChannelKind(t: Messages, channel: ChannelFacts | undefined, channelId: string, otherwise: ChannelKind = 'text'): ChannelKind {
  if (channel?.kind === 'other') throw new UserError(t.admin.notARecapChannel(`<#${channelId}>`));
  return channel?.kind ?? otherwise;
}

/** A forum's tag as picked (its id, from the suggestions) or typed (its name); a UserError naming the tags there are. */
export function readTag(t: Messages, channelId: string, kind: ChannelKind, tags: readonly ForumTag[], typed: string): string {
  const channel = `<#${channelId}>`;
  if (kind !== 'forum') throw new UserError(t.admin.tagNotForum(channel));
  const tag = tags.find(({ id }) => id === typed.trim()) ?? tags.find(({ name }) => normalize(name) === normalize(typed));
  if (tag) return tag.id;
  if (tags.length === 0) throw new UserError(t.admin.noTags(channel));
  throw new UserError(t.admin.noSuchTag(channel, typed.trim().slice(0, 100), tags.map(({ name }) => inlineCode(name))));
}

/** How a recap is to be posted, as the admin gave it (anything not given is left as it was). */
export interface PostingGiven {
  tag?: string;
  thread?: boolean;
  publish?: boolean;
  language?: Language;
}

/**
 * How a recap is to be posted: the options given, else `current` (the recap being edited), else the defaults
 * (the recap's language: the server's preferred one). Options that do not fit the channel's kind are refused, saying why.
 */
export function readPosting(
  t: Messages,
  { channelId, channel, preferredLocale }: { channelId: string; channel: ChannelFacts | undefined; preferredLocale: string | undefined },
  given: PostingGiven,
  current?: PostingOptions,
): PostingOptions {
  // Read afresh: a text channel may have become an announcement channel (and recaps set up before forums were known are stored as text).
  const kind = recapChannelKind(t, channel, channelId, current?.channelKind);
  const tagId = given.tag !== undefined ? readTag(t, channelId, kind, channel?.tags ?? [], given.tag) : (current?.tagId ?? null);
  const threadPerRecap = given.thread ?? current?.threadPerRecap ?? false;
  const publish = given.publish ?? current?.publish ?? false;
  if (threadPerRecap && kind === 'forum') throw new UserError(t.admin.threadInForum);
  if (publish && kind !== 'announcement') throw new UserError(t.admin.publishNotAnnouncement(`<#${channelId}>`));
  const language = given.language ?? current?.language ?? localeOf(preferredLocale);
  return { channelKind: kind, tagId, threadPerRecap, publish, language };
}

