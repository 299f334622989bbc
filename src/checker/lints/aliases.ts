// Lint: a name or alias shared by two actors (once case, accents and punctuation are ignored) makes
// lookups ambiguous; the bot picks whichever actor is listed first.
import { actorKeys, type ActorKey } from '../../briefing/names.js';
import type { Lint } from '../lint.js';

export const sharedAliases: Lint = ({ briefing, locator }) => {
  const firstClaim = new Map<string, ActorKey>();
  const findings = [];
  // actorKeys are normalized, one per distinct key of each actor, in the order lookups prefer them.
  for (const entry of actorKeys(briefing)) {
    const first = firstClaim.get(entry.key);
    if (!first) {
      firstClaim.set(entry.key, entry);
      continue;
    }
    const { actor, label } = entry;
    const field = label === actor.name ? ['name'] : label === actor.id ? ['id'] : ['aliases', actor.aliases.indexOf(label)];
    findings.push(
      locator.finding(
        'actor',
        actor.id,
        field,
        `"${label}" also names ${first.actor.name} (as "${first.label}"); lookups by it find ${first.actor.name}: drop it from one of them`,
        'warning',
      ),
    );
  }
  return findings;
};
