// Turning what a user typed into an actor or topic, or into a helpful notice that suggests what they meant.
import type { Briefing } from '../briefing/briefing.js';
import { findActor, findTopic, rankActors, rankTopics } from '../briefing/queries.js';
import type { Actor, Topic } from '../briefing/schema.js';
import { notice, type Reply } from './reply.js';
import { literal, truncate } from './text.js';

const SUGGESTIONS = 3;
const LISTED_WHEN_NOTHING_CLOSE = 8;

/** User input echoed back safely: short, and with Markdown shown as typed. */
export function echo(input: string): string {
  return `“${literal(truncate(input.replace(/\s+/g, ' ').trim(), 100))}”`;
}

export function resolveActor(briefing: Briefing, input: string): { actor: Actor } | { notice: Reply } {
  const actor = findActor(briefing, input);
  if (actor) return { actor };
  const close = rankActors(briefing, input, SUGGESTIONS).map(({ actor: candidate }) => candidate.name);
  const hint = close.length > 0
    ? `Did you mean ${orList(close)}?`
    : `People and groups in this briefing include ${orList(briefing.actorsByProminence.slice(0, LISTED_WHEN_NOTHING_CLOSE).map((candidate) => candidate.name))}.`;
  return { notice: notice(`I couldn't find ${echo(input)} in this briefing. ${hint} Start typing a name to pick from the list.`) };
}

export function resolveTopic(briefing: Briefing, input: string): { topic: Topic } | { notice: Reply } {
  const topic = findTopic(briefing, input);
  if (topic) return { topic };
  const close = rankTopics(briefing, input, SUGGESTIONS);
  const names = (close.length > 0 ? close : briefing.topics).map((candidate) => candidate.name);
  return { notice: notice(`There is no topic ${echo(input)} in this briefing. ${close.length > 0 ? 'Did you mean' : 'Topics are'} ${orList(names)}${close.length > 0 ? '?' : '.'}`) };
}

/** `A`, `A or B`, `A, B or C`. */
function orList(items: readonly string[]): string {
  const escaped = items.map(literal);
  return escaped.length <= 1 ? (escaped[0] ?? '') : `${escaped.slice(0, -1).join(', ')} or ${escaped[escaped.length - 1]}`;
}
