// /position actor:<name> [topic]: who an actor is, what they have said and stand for, topic by topic,
// each with supporting quote, date and source; then what others say about them.
import { SlashCommandBuilder } from '../src/render/discordjs.js';
import type { Briefing } from '../src/briefing/briefing.js';
import { normalize } from '../src/briefing/matching.js';
import { findActor, positionsOf, quotesAbout, timelineOf } from '../src/briefing/queries.js';
import type { Topic } from '../src/briefing/schema.js';
import { defineBriefingCommand } from '../src/command/briefing-command.js';
import { UserError } from '../src/command/command.js';
import { editionOption } from '../src/command/edition.js';
import { given, readAsNote, resolveActor, resolveTopic, type ResolvedActor } from '../src/command/resolve.js';
import { actorChoices, topicChoices } from '../src/render/choices.js';
import type { Section } from '../src/render/document.js';
import { briefingFooter, describeActor, eventLine, positionBlock, quoteBlock, quoteHeading, utcDay } from '../src/render/format.js';
import type { Messages } from '../src/i18n/messages.js';
import { literal } from '../src/render/text.js';

const MAX_ALIASES_SHOWN = 6;

export const position = defineBriefingCommand({
  data: new SlashCommandBuilder()
    .setName('position')
    .setDescription('What one person or group has said and stands for, with sources')
    .addStringOption((option) =>
      option.setName('actor').setDescription('Name, e.g. Rutte, Zelensky or Leavitt').setRequired(true).setAutocomplete(true).setMaxLength(100),
    )
    .addStringOption((option) =>
      option.setName('topic').setDescription('Only this topic, e.g. territory').setAutocomplete(true).setMaxLength(100),
    )
    .addStringOption(editionOption),
  pageOptions: ['actor', 'topic'],
  build({ briefing, now }, options, t) {
    if (!given(options.actor)) throw new UserError(t.position.whose);
    const asked = resolveActor(t, briefing, options.actor);
    const { actor } = asked;
    const topic = given(options.topic) ? resolveTopic(t, briefing, options.topic) : undefined;
    const onTopic = <T extends { topic?: string; topics?: readonly string[] }>(item: T) =>
      !topic || item.topic === topic.id || (item.topics?.includes(topic.id) ?? false);
    const positions = positionsOf(briefing, actor.id).filter(onTopic);
    const sections: Section[] = briefing.topics
      .map((candidate) => ({
        name: candidate.name,
        blocks: positions.filter((item) => item.topic === candidate.id).map((item) => positionBlock(t, briefing, item)),
      }))
      .filter((section) => section.blocks.length > 0);

    for (const quote of quotesAbout(briefing, actor.id).filter(onTopic)) {
      sections.push({ name: t.position.about(actor.name, quoteHeading(t, briefing, quote)), blocks: [quoteBlock(t, briefing, quote)] });
    }
    const events = timelineOf(briefing, actor.id).filter(onTopic);
    if (events.length > 0) sections.push({ name: t.position.inTimeline, list: true, blocks: events.map((event) => eventLine(t, briefing, event, utcDay(now))) });

    return {
      document: {
        title: literal(actor.name),
        description: describe(t, asked, topic, positions.length),
        sections,
        footer: briefingFooter(t, briefing),
      },
      pageArgs: [actor.id, topic?.id ?? ''],
    };
  },
  autocomplete({ briefing }, focused, options) {
    if (focused.name === 'actor') return actorChoices(briefing, focused.value);
    return topicChoices(briefing, focused.value, actorTopics(briefing, options.actor));
  },
});

/** The topics the actor typed so far has positions on, to offer first; none when no actor matches. */
function actorTopics(briefing: Briefing, typed: unknown): ReadonlySet<string> | undefined {
  const actor = typeof typed === 'string' ? findActor(briefing, typed) : undefined;
  return actor && new Set(positionsOf(briefing, actor.id).map((item) => item.topic));
}

/** A spelling a reader would guess from the name: a part of it, or any form with the same surname ("President Trump"). */
function guessable(alias: string, name: string): boolean {
  const [spelling, full] = [normalize(alias), normalize(name)];
  const surname = full.split(' ').at(-1)!;
  return ` ${full} `.includes(` ${spelling} `) || ` ${spelling} `.includes(` ${surname} `);
}

function describe(t: Messages, asked: ResolvedActor, topic: Topic | undefined, positionCount: number): string {
  const { actor } = asked;
  const lines = [readAsNote(t, asked), describeActor(actor)].filter((line): line is string => line !== undefined);
  const aliases = actor.aliases.filter((alias) => !guessable(alias, actor.name)).slice(0, MAX_ALIASES_SHOWN);
  if (aliases.length > 0) lines.push(t.position.alsoWritten(aliases.map(literal).join(', ')));
  if (actor.note) lines.push(t.position.note(literal(actor.note)));
  // Commentators' and news organisations' words are shown as commentary or reporting, never as fact.
  if (actor.kind === 'commentator' || actor.kind === 'media') lines.push(`*${t.position[actor.kind]}*`);
  if (positionCount === 0) {
    lines.push(topic ? t.position.noPositionOn(literal(topic.name)) : t.position.noPositions);
  } else if (topic) {
    lines.push(t.position.topic(literal(topic.name)));
  }
  return lines.join('\n');
}
