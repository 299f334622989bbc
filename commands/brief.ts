// /brief [section]: the state of the story — tl;dr, key points, what comes next, open questions.
import { SlashCommandBuilder } from '@discordjs/builders';
import type { Briefing } from '../src/briefing/briefing.js';
import { defineCommand } from '../src/render/command.js';
import type { Section } from '../src/render/document.js';
import { editionDate } from '../src/render/format.js';
import { notice } from '../src/render/reply.js';
import { literal } from '../src/render/text.js';

const SECTIONS = {
  tldr: 'TL;DR',
  'key-points': 'Key points',
  'whats-next': "What's next",
  'open-questions': 'Open questions',
} as const;
type SectionId = keyof typeof SECTIONS;

const isSection = (value: unknown): value is SectionId => typeof value === 'string' && value in SECTIONS;

export const brief = defineCommand({
  data: new SlashCommandBuilder()
    .setName('brief')
    .setDescription('The state of the story: summary, key points, what comes next, open questions')
    .addStringOption((option) =>
      option
        .setName('section')
        .setDescription('Show only one part of the briefing')
        .addChoices(...Object.entries(SECTIONS).map(([value, name]) => ({ name, value }))),
    ),
  pageOptions: ['section'],
  build(briefing, options) {
    const section = options.section;
    if (section !== undefined && !isSection(section)) {
      return { notice: notice(`There is no section like that. Choose one of: ${Object.values(SECTIONS).join(', ')}.`) };
    }
    const { summary, published } = briefing.latest;
    const wanted = (id: SectionId) => section === undefined || section === id;
    const list = (id: Exclude<SectionId, 'tldr'>, items: readonly string[]): Section[] =>
      wanted(id) ? [{ name: SECTIONS[id], list: true, blocks: items.map((item) => ({ text: `• ${literal(item)}`, sources: [] })) }] : [];
    return {
      document: {
        title: literal(briefing.story.title),
        description: wanted('tldr') ? `**TL;DR** ${literal(summary.tldr)}` : undefined,
        sections: [
          ...list('key-points', summary.keyPoints),
          ...list('whats-next', summary.whatsNext),
          ...list('open-questions', summary.openQuestions),
        ],
        footer: editionFooter(briefing),
        timestamp: new Date(published).toISOString(),
        sources: briefing.latest.basedOn,
      },
      pageArgs: [section ?? ''],
    };
  },
});

/** `Edition of 26 Nov 2025 · Sources: blue News (Keystone-SDA)` (footers show no Markdown, so nothing is escaped). */
function editionFooter(briefing: Briefing): string {
  const { basedOn } = briefing.latest;
  const publishers = [...new Set(basedOn.map((sourceId) => briefing.sourceById.get(sourceId)?.publisher ?? sourceId))];
  return `Edition of ${editionDate(briefing.latest)} · Sources: ${publishers.join('; ')}`;
}
