// Turning what a user typed into an actor, topic or date, or into a UserError that suggests what they meant.
import type { Briefing } from '../briefing/briefing.js';
import { actorsOf, closeActors, findActor, findTopic, principalActors, rankTopics } from '../briefing/queries.js';
import type { Actor, Topic } from '../briefing/schema.js';
import { literal, truncate } from '../render/text.js';
import { UserError } from './command.js';

const SUGGESTIONS = 3;
const LISTED_WHEN_NOTHING_CLOSE = 8;

/** User input echoed back safely: short, and with Markdown shown as typed. */
export function echo(input: string): string {
  return `“${literal(truncate(input.replace(/\s+/g, ' ').trim(), 100))}”`;
}

/**
 * The actor meant by a name, alias, first name or surname, or a country or organisation with one actor in
 * the briefing; otherwise a UserError: those of a group to choose from, "did you mean" only for a name
 * really close, else who the briefing is about, the parties to the story before commentators.
 */
export function resolveActor(briefing: Briefing, input: string): Actor {
  const actor = findActor(briefing, input);
  if (actor) return actor;
  const group = actorsOf(briefing, input);
  if (group.length === 1) return group[0]!;
  const names = (actors: readonly Actor[]) => orList(actors.map((candidate) => candidate.name));
  if (group.length > 1) {
    throw new UserError(`Several people in this briefing speak for ${echo(input)}: ${names(group.slice(0, LISTED_WHEN_NOTHING_CLOSE))}. Pick one as you type, e.g. \`actor:${group[0]!.name}\`.`);
  }
  const close = closeActors(briefing, input, SUGGESTIONS);
  if (close.length > 0) throw new UserError(`I couldn't find ${echo(input)} in this briefing. Did you mean ${names(close)}? Start typing a name to pick from the list.`);
  const principals = principalActors(briefing, LISTED_WHEN_NOTHING_CLOSE).map((candidate) => literal(candidate.name));
  throw new UserError(`${echo(input)} is not in this briefing. It follows ${principals.join(', ')} and others. Start typing a name to pick from the list.`);
}

export function resolveTopic(briefing: Briefing, input: string): Topic {
  const topic = findTopic(briefing, input);
  if (topic) return topic;
  const close = rankTopics(briefing, input, SUGGESTIONS);
  const names = (close.length > 0 ? close : briefing.topics).map((candidate) => candidate.name);
  throw new UserError(`There is no topic ${echo(input)} in this briefing. ${close.length > 0 ? 'Did you mean' : 'Topics are'} ${orList(names)}${close.length > 0 ? '?' : '.'}`);
}

/** The option's text when the user gave one (not just spaces). */
export function given(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** `A`, `A or B`, `A, B or C`. */
function orList(items: readonly string[]): string {
  const escaped = items.map(literal);
  return escaped.length <= 1 ? (escaped[0] ?? '') : `${escaped.slice(0, -1).join(', ')} or ${escaped[escaped.length - 1]}`;
}
