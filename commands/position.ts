// /position actor:<name> [topic]: who an actor is, what they have said and stand for, topic by topic,
// each with supporting quote, date and source; then what others say about them.
import { SlashCommandBuilder } from '@discordjs/builders';
import type { Briefing } from '../src/briefing/briefing.js';
import type { Actor, Topic } from '../src/briefing/schema.js';
import { defineCommand } from '../src/render/command.js';
import { actorChoices, topicChoices } from '../src/render/choices.js';
import type { Section } from '../src/render/document.js';
import { briefingFooter, describeActor, eventLine, positionBlock, quoteBlock, quoteHeading } from '../src/render/format.js';
import { notice } from '../src/render/reply.js';
import { resolveActor, resolveTopic } from '../src/render/resolve.js';
import { literal } from '../src/render/text.js';

const KIND_NOTES: Partial<Record<Actor['kind'], string>> = {
  commentator: 'A commentator: their posts are shown as commentary or unverified claims, not as fact.',
  media: 'A news organisation: its reports are shown as reporting, with claims labelled.',
};

const MAX_ALIASES_SHOWN = 6;

export const position = defineCommand({
  data: new SlashCommandBuilder()
    .setName('position')
    .setDescription('What one person or group has said and stands for, with sources')
    .addStringOption((option) =>
      option.setName('actor').setDescription('Name, e.g. Rutte, Zelensky or Leavitt').setRequired(true).setAutocomplete(true).setMaxLength(100),
    )
    .addStringOption((option) =>
      option.setName('topic').setDescription('Only this topic, e.g. territory').setAutocomplete(true).setMaxLength(100),
    ),
  pageOptions: ['actor', 'topic'],
  build(briefing, options) {
    if (typeof options.actor !== 'string' || options.actor.trim() === '') {
      return { notice: notice('Whose position? Try `/position actor:Rutte` and pick a name from the list.') };
    }
    const found = resolveActor(briefing, options.actor);
    if ('notice' in found) return found;
    let topic: Topic | undefined;
    if (typeof options.topic === 'string' && options.topic.trim() !== '') {
      const resolved = resolveTopic(briefing, options.topic);
      if ('notice' in resolved) return resolved;
      topic = resolved.topic;
    }
    const { actor } = found;
    const onTopic = <T extends { topic?: string; topics?: readonly string[] }>(item: T) =>
      !topic || item.topic === topic.id || (item.topics?.includes(topic.id) ?? false);
    const positions = (briefing.positionsByActor.get(actor.id) ?? []).filter(onTopic);
    const sections: Section[] = briefing.topics
      .map((candidate) => ({
        name: candidate.name,
        blocks: positions.filter((item) => item.topic === candidate.id).map((item) => positionBlock(briefing, item)),
      }))
      .filter((section) => section.blocks.length > 0);

    const about = (briefing.quotesAbout.get(actor.id) ?? []).filter(onTopic).filter((quote) => quote.speaker !== actor.id);
    for (const quote of about) {
      sections.push({ name: `About ${actor.name}: ${quoteHeading(briefing, quote)}`, blocks: [quoteBlock(briefing, quote)] });
    }
    const events = (briefing.timelineByActor.get(actor.id) ?? []).filter(onTopic);
    if (events.length > 0) sections.push({ name: 'In the timeline', list: true, blocks: events.map(eventLine) });

    return {
      document: {
        title: literal(actor.name),
        description: describe(briefing, actor, topic, positions.length),
        sections,
        footer: briefingFooter(briefing),
      },
      pageArgs: [actor.id, topic?.id ?? ''],
    };
  },
  autocomplete(briefing, focused, options) {
    if (focused.name === 'actor') return actorChoices(briefing, focused.value);
    const actor = typeof options.actor === 'string' ? resolveActor(briefing, options.actor) : undefined;
    const topicsWithPositions = actor && 'actor' in actor
      ? new Set((briefing.positionsByActor.get(actor.actor.id) ?? []).map((item) => item.topic))
      : undefined;
    return topicChoices(briefing, focused.value, topicsWithPositions);
  },
});

function describe(briefing: Briefing, actor: Actor, topic: Topic | undefined, positionCount: number): string {
  const lines = [describeActor(actor)];
  const aliases = actor.aliases.filter((alias) => alias !== actor.name).slice(0, MAX_ALIASES_SHOWN);
  if (aliases.length > 0) lines.push(`Also written: ${aliases.map(literal).join(', ')}`);
  if (actor.note) lines.push(`*Note:* ${literal(actor.note)}`);
  const kindNote = KIND_NOTES[actor.kind];
  if (kindNote) lines.push(`*${kindNote}*`);
  if (positionCount === 0) {
    lines.push(topic ? `No stated position on ${literal(topic.name)} in this briefing.` : 'No stated positions of their own in this briefing.');
  } else if (topic) {
    lines.push(`Topic: ${literal(topic.name)}`);
  }
  return lines.join('\n');
}
