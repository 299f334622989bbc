// What users realistically ask of a briefing, drawn with a seeded Random: every actor in turn, random
// topics and searches, deep pages, and names typed letter by letter (with typos) into autocomplete.
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { Briefing } from '../../src/briefing/briefing.js';
import { normalize } from '../../src/briefing/matching.js';
import type { BriefingCommand } from '../../src/command/briefing-command.js';
import type { OptionValues } from '../../src/command/command.js';
import type { Random } from './random.js';

export interface CommandCall {
  options: OptionValues;
  page: number;
}

export interface AutocompleteCall {
  focused: { name: string; value: string };
  options: OptionValues;
}

/** Names of a command's options that autocomplete, read from its registered definition. */
export function autocompletedOptions(command: BriefingCommand): string[] {
  const definition: RESTPostAPIChatInputApplicationCommandsJSONBody = command.data.toJSON();
  return (definition.options ?? []).flatMap((option) => ('autocomplete' in option && option.autocomplete ? [option.name] : []));
}

export class Scenarios {
  private nextActor = 0;

  constructor(
    private readonly briefing: Briefing,
    private readonly random: Random,
  ) {}

  /** The next call of `command`, as a user might make it. */
  call(command: BriefingCommand): CommandCall {
    const options: Record<string, string> = {};
    const { random } = this;
    switch (command.data.name) {
      case 'brief':
        if (random.chance(0.5)) options.section = random.pick(['tldr', 'key-points', 'whats-next', 'open-questions']);
        break;
      case 'position': {
        options.actor = this.typedName(this.briefing.actors[this.nextActor++ % this.briefing.actors.length]!.id);
        if (random.chance(0.4)) options.topic = this.topicInput();
        break;
      }
      case 'quotes': {
        const roll = random.next();
        if (roll < 0.35) options.actor = this.typedName(random.pick(this.briefing.actors).id);
        if (roll > 0.25 && roll < 0.6) options.topic = this.topicInput();
        if (roll > 0.55 && roll < 0.8) options.search = this.searchWords();
        break;
      }
      case 'timeline': {
        const dates = this.briefing.timeline.map((event) => event.date);
        if (random.chance(0.5)) options.from = random.pick(dates);
        if (random.chance(0.3)) options.to = random.pick(dates);
        break;
      }
    }
    return { options, page: this.page() };
  }

  /** What someone has typed so far into one of `command`'s autocompleted options. */
  autocomplete(command: BriefingCommand): AutocompleteCall {
    const name = this.random.pick(autocompletedOptions(command));
    const { random, briefing } = this;
    const options: Record<string, string> = {};
    if (name === 'topic' && random.chance(0.5)) options.actor = random.pick(briefing.actors).id;
    const full =
      name === 'actor' ? this.typedName(random.pick(briefing.actors).id)
      : name === 'topic' ? random.pick(briefing.topics).name
      : random.pick(briefing.timeline).date;
    return { focused: { name, value: this.typing(full) }, options };
  }

  /** A prefix of `full`, as if typed letter by letter; sometimes empty, sometimes with a typo. */
  private typing(full: string): string {
    const { random } = this;
    if (random.chance(0.05)) return '';
    const typed = full.slice(0, random.int(1, full.length));
    if (typed.length < 3 || !random.chance(0.15)) return typed;
    const at = random.int(1, typed.length - 1);
    return `${typed.slice(0, at)}${random.pick(['e', 'i', 'y', 'k', 's'])}${typed.slice(at + 1)}`;
  }

  /** How a user names an actor: display name, an alias, or the id autocomplete filled in. */
  private typedName(actorId: string): string {
    const actor = this.briefing.actorById.get(actorId)!;
    const roll = this.random.next();
    if (roll < 0.5) return actor.id;
    if (roll < 0.8 || actor.aliases.length === 0) return actor.name;
    return this.random.pick(actor.aliases);
  }

  private topicInput(): string {
    const topic = this.random.pick(this.briefing.topics);
    return this.random.chance(0.7) ? topic.id : topic.name;
  }

  /** One or two consecutive words from a quote, as someone who remembers part of it would search. */
  private searchWords(): string {
    const words = normalize(this.random.pick(this.briefing.quotes).text).split(' ');
    const start = this.random.int(0, words.length - 1);
    return words.slice(start, start + this.random.int(1, 2)).join(' ').slice(0, 30);
  }

  /** Mostly the first page; often a later one, up to very deep (beyond the last shows the last). */
  private page(): number {
    const { random } = this;
    if (random.chance(0.5)) return 1;
    return random.chance(0.6) ? random.int(2, 10) : Math.round(Math.exp(random.next() * Math.log(5000)));
  }
}
