// Turning what a user typed into an actor, topic or date, or into a UserError that suggests what they meant.
import type { Briefing } from '../briefing/briefing.js';
import { actorsOf, closeActors, findActor, findTopic, principalActors, rankTopics } from '../briefing/queries.js';
import type { Actor, Topic } from '../briefing/schema.js';
import type { Messages } from '../i18n/messages.js';
import { literal, truncate } from '../render/text.js';
import { UserError } from './command.js';

const SUGGESTIONS = 3;
const LISTED_WHEN_NOTHING_CLOSE = 8;

/** User input echoed back safely: short, quoted, and with Markdown shown as typed. */
export function echo(t: Messages, input: string): string {
  return t.quote(literal(truncate(input.replace(/\s+/g, ' ').trim(), 100)));
}

/**
 * The actor meant by a name, alias, first name or surname, or a country or organisation with one actor in
 * the briefing; otherwise a UserError: those of a group to choose from, "did you mean" only for a name
 * really close, else who the briefing is about, the parties to the story before commentators.
 */
export function resolveActor(t: Messages, briefing: Briefing, input: string): Actor {
  const actor = findActor(briefing, input);
  if (actor) return actor;
  const group = actorsOf(briefing, input);
  if (group.length === 1) return group[0]!;
  const names = (actors: readonly Actor[]) => t.orList(actors.map((candidate) => literal(candidate.name)));
  if (group.length > 1) throw new UserError(t.resolve.several(echo(t, input), names(group.slice(0, LISTED_WHEN_NOTHING_CLOSE)), group[0]!.name));
  const close = closeActors(briefing, input, SUGGESTIONS);
  if (close.length > 0) throw new UserError(t.resolve.didYouMean(echo(t, input), names(close)));
  const principals = principalActors(briefing, LISTED_WHEN_NOTHING_CLOSE).map((candidate) => literal(candidate.name));
  throw new UserError(t.resolve.notInBriefing(echo(t, input), principals.join(', ')));
}

export function resolveTopic(t: Messages, briefing: Briefing, input: string): Topic {
  const topic = findTopic(briefing, input);
  if (topic) return topic;
  const close = rankTopics(briefing, input, SUGGESTIONS);
  const names = t.orList((close.length > 0 ? close : briefing.topics).map((candidate) => literal(candidate.name)));
  throw new UserError(close.length > 0 ? t.resolve.noTopicClose(echo(t, input), names) : t.resolve.noTopic(echo(t, input), names));
}

/** The option's text when the user gave one (not just spaces). */
export function given(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
