// /quotes [actor] [topic] [search]: key quotes, verbatim, with speaker, date, context, source and a
// translation marker; newest first, paginated.
import { SlashCommandBuilder } from '@discordjs/builders';
import { normalize } from '../src/briefing/matching.js';
import { filterQuotes, type QuoteFilter } from '../src/briefing/queries.js';
import type { Briefing, InEdition } from '../src/briefing/briefing.js';
import type { Quote } from '../src/briefing/schema.js';
import { defineCommand } from '../src/render/command.js';
import type { Section } from '../src/render/document.js';
import { actorChoices, topicChoices } from '../src/render/choices.js';
import { briefingFooter, quoteBlock, quoteHeading } from '../src/render/format.js';
import { cached } from '../src/render/memo.js';
import { notice } from '../src/render/reply.js';
import { echo, resolveActor, resolveTopic } from '../src/render/resolve.js';
import { literal } from '../src/render/text.js';

/** Search text travels in page-button custom ids, which Discord caps at 100 characters. */
export const MAX_SEARCH_LENGTH = 30;

export const quotes = defineCommand({
  data: new SlashCommandBuilder()
    .setName('quotes')
    .setDescription('Key quotes, verbatim and sourced; filter by speaker, topic or words')
    .addStringOption((option) => option.setName('actor').setDescription('Who said it, e.g. Leavitt').setAutocomplete(true).setMaxLength(100))
    .addStringOption((option) => option.setName('topic').setDescription('What it is about, e.g. territory').setAutocomplete(true).setMaxLength(100))
    .addStringOption((option) =>
      option.setName('search').setDescription('Words in the quote or its context').setMaxLength(MAX_SEARCH_LENGTH),
    ),
  pageOptions: ['actor', 'topic', 'search'],
  build(briefing, options) {
    const filter: QuoteFilter = {};
    const given = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
    if (given(options.actor)) {
      const resolved = resolveActor(briefing, options.actor);
      if ('notice' in resolved) return resolved;
      filter.actor = resolved.actor;
    }
    if (given(options.topic)) {
      const resolved = resolveTopic(briefing, options.topic);
      if ('notice' in resolved) return resolved;
      filter.topic = resolved.topic;
    }
    if (given(options.search)) {
      const search = normalize(options.search);
      if (search === '') return { notice: notice('Search for words: letters or digits, e.g. `search:territory`.') };
      if (search.length > MAX_SEARCH_LENGTH) return { notice: notice(`Keep the search to ${MAX_SEARCH_LENGTH} characters or fewer.`) };
      filter.search = search;
    }

    const found = filterQuotes(briefing, filter);
    const description = describeFilter(filter, options.search);
    if (found.length === 0) {
      const hint = filter.actor && !briefing.quotesBySpeaker.has(filter.actor.id)
        ? ` ${literal(filter.actor.name)} has no quotes of their own here; \`/position actor:${filter.actor.name}\` shows what others say about them.`
        : ' Try fewer filters.';
      return { notice: notice(`No quotes ${description}.${hint}`) };
    }
    return {
      document: {
        title: 'Key quotes',
        description:
          `${found.length} quote${found.length === 1 ? '' : 's'}${description ? ` ${description}` : ''}, newest first.\n` +
          '*(translation)* marks words translated from another language; claims and commentary are labelled.',
        sections: found.map((quote) => quoteSection(briefing, quote)),
        footer: briefingFooter(briefing),
      },
      pageArgs: [filter.actor?.id ?? '', filter.topic?.id ?? '', filter.search ?? ''],
    };
  },
  autocomplete(briefing, focused) {
    return focused.name === 'actor' ? actorChoices(briefing, focused.value) : topicChoices(briefing, focused.value);
  },
});

const quoteSections = new WeakMap<Quote, Section>();

/** A quote as one section of the list, made once per loaded quote: lists of thousands reuse them. */
function quoteSection(briefing: Briefing, quote: InEdition<Quote>): Section {
  return cached(quoteSections, quote, () => ({ name: quoteHeading(briefing, quote), blocks: [quoteBlock(briefing, quote)] }));
}

/** `by Mark Rutte on Security guarantees matching “guarantee”` */
function describeFilter(filter: QuoteFilter, typedSearch: unknown): string {
  return [
    filter.actor && `by ${literal(filter.actor.name)}`,
    filter.topic && `on ${literal(filter.topic.name)}`,
    filter.search && `matching ${echo(typeof typedSearch === 'string' ? typedSearch : filter.search)}`,
  ]
    .filter(Boolean)
    .join(' ');
}
