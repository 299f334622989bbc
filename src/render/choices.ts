// Autocomplete choices for actor and topic options, best match first, within Discord's limits.
import type { Briefing } from '../briefing/briefing.js';
import { actorSuggestions } from '../briefing/names.js';
import { rankTopics } from '../briefing/queries.js';
import type { Topic } from '../briefing/schema.js';
import { LIMITS } from './limits.js';
import type { Choice } from './reply.js';
import { truncate } from './text.js';

/** Actors matching what was typed, best first; typing a country or organisation (`Ukraine`, `NATO`) lists its people first. */
export function actorChoices(briefing: Briefing, typed: string): Choice[] {
  return actorSuggestions(briefing, typed.slice(0, LIMITS.choiceValue), LIMITS.autocompleteChoices).map(({ actor, label }) => ({
    // Show the alias that matched, so typing "Selensky" visibly finds Zelensky.
    name: truncate(`${label === actor.name ? actor.name : `${label} → ${actor.name}`} — ${actor.role}`, LIMITS.choiceName),
    value: actor.id,
  }));
}

/** Topics matching what was typed; when `preferred` is given, those topics come first. */
export function topicChoices(briefing: Briefing, typed: string, preferred?: ReadonlySet<string>): Choice[] {
  const ranked = rankTopics(briefing, typed.slice(0, LIMITS.choiceValue), briefing.topics.length);
  const ordered = preferred ? [...ranked.filter((topic) => preferred.has(topic.id)), ...ranked.filter((topic) => !preferred.has(topic.id))] : ranked;
  return ordered.slice(0, LIMITS.autocompleteChoices).map((topic: Topic) => ({ name: truncate(topic.name, LIMITS.choiceName), value: topic.id }));
}
