// Turning what a user typed into an actor, topic or date, or into a UserError that suggests what they meant.
import type { Briefing } from '../briefing/briefing.js';
import { closeActors, findActor, findTopic, groupOf, mentionsOf, principalActors, rankTopics } from '../briefing/queries.js';
import type { Actor, Topic } from '../briefing/schema.js';
import { normalize } from '../briefing/matching.js';
import type { Messages } from '../i18n/messages.js';
import { literal, truncate } from '../render/text.js';
import { UserError } from './command.js';

const SUGGESTIONS = 3;
/** Search text travels in page-button custom ids, which Discord caps at 100 characters, with two ids and an edition. */
export const MAX_SEARCH_LENGTH = 26;
const LISTED_WHEN_NOTHING_CLOSE = 8;

/** User input echoed back safely: short, quoted, and with Markdown shown as typed. */
export function echo(t: Messages, input: string): string {
  return t.quote(literal(truncate(input.replace(/\s+/g, ' ').trim(), 100)));
}

export interface ResolvedActor {
  actor: Actor;
  /** Read through a country, organisation or institution (`NATO`), as the content writes it: replies say so. */
  readAs?: string;
}

/**
 * The actor meant by a name, alias, first name or surname, or a country, organisation or institution with one
 * actor (or speaker) in the briefing; otherwise a UserError: those of a group to choose from, "did you mean"
 * only for a name really close, else who the briefing is about, the parties to the story before commentators;
 * and where a name that is no one's comes up in the briefing.
 */
export function resolveActor(t: Messages, briefing: Briefing, input: string): ResolvedActor {
  const actor = findActor(briefing, input);
  if (actor) return { actor };
  const group = groupOf(briefing, input);
  if (group?.actors.length === 1) return { actor: group.actors[0]!, readAs: group.label };
  const names = (actors: readonly Actor[]) => t.orList(actors.map((candidate) => literal(candidate.name)));
  if (group) throw new UserError(t.resolve.several(echo(t, input), names(group.actors.slice(0, LISTED_WHEN_NOTHING_CLOSE)), group.actors[0]!.name));
  const close = closeActors(briefing, input, SUGGESTIONS);
  const mentioned = mentionedIn(t, briefing, input);
  if (close.length > 0) throw new UserError([t.resolve.didYouMean(echo(t, input), names(close)), mentioned].filter(Boolean).join(' '));
  const principals = principalActors(briefing, LISTED_WHEN_NOTHING_CLOSE).map((candidate) => literal(candidate.name));
  throw new UserError([t.resolve.notInBriefing(echo(t, input), principals.join(', ')), mentioned].filter(Boolean).join(' '));
}

/** `It does come up in /brief and /quotes search:eu.`, or nothing. */
function mentionedIn(t: Messages, briefing: Briefing, input: string): string {
  const found = mentionsOf(briefing, input);
  const words = normalize(input).slice(0, MAX_SEARCH_LENGTH);
  const places = [found.summary && t.resolve.places.brief, found.timeline && t.resolve.places.timeline, found.quotes && t.resolve.places.quotes(words)].filter(
    (place): place is string => typeof place === 'string',
  );
  return places.length > 0 ? t.resolve.mentioned(places) : '';
}

/** How a name read through its group is shown: `↳ NATO: Mark Rutte, Secretary General of NATO`. */
export function readAsNote(t: Messages, { actor, readAs }: ResolvedActor): string | undefined {
  return readAs === undefined ? undefined : t.resolve.readAs(literal(readAs), literal(actor.name), literal(actor.role));
}

export function resolveTopic(t: Messages, briefing: Briefing, input: string): Topic {
  const topic = findTopic(briefing, input);
  if (topic) return topic;
  const close = rankTopics(briefing, input, SUGGESTIONS);
  const names = t.orList((close.length > 0 ? close : briefing.topics).map((candidate) => literal(candidate.name)));
  throw new UserError(close.length > 0 ? t.resolve.noTopicClose(echo(t, input), names) : t.resolve.noTopic(echo(t, input), names));
}

/** The option's text when the user gave one (not just spaces). */
export function given(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}
