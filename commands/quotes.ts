// /quotes [actor] [topic] [search]: key quotes, verbatim, with speaker, date, context, source and a
// translation marker; newest first, paginated.
import { SlashCommandBuilder } from 'discord.js';
import { normalize } from '../src/briefing/matching.js';
import { filterQuotes, hasQuotesBy, type QuoteFilter } from '../src/briefing/queries.js';
import { defineBriefingCommand } from '../src/command/briefing-command.js';
import { UserError } from '../src/command/command.js';
import { editionOption } from '../src/command/edition.js';
import { echo, given, resolveActor, resolveTopic } from '../src/command/resolve.js';
import { actorChoices, topicChoices } from '../src/render/choices.js';
import { briefingFooter, sourceNotes } from '../src/render/format.js';
import { quoteSections } from '../src/render/quote-list.js';
import { literal } from '../src/render/text.js';

/** Search text travels in page-button custom ids, which Discord caps at 100 characters, with two ids and an edition. */
export const MAX_SEARCH_LENGTH = 26;

export const quotes = defineBriefingCommand({
  data: new SlashCommandBuilder()
    .setName('quotes')
    .setDescription('Key quotes, verbatim and sourced; filter by speaker, topic or words')
    .addStringOption((option) => option.setName('actor').setDescription('Who said it, e.g. Leavitt').setAutocomplete(true).setMaxLength(100))
    .addStringOption((option) => option.setName('topic').setDescription('What it is about, e.g. territory').setAutocomplete(true).setMaxLength(100))
    .addStringOption((option) =>
      option.setName('search').setDescription('Words in the quote or its context').setMaxLength(MAX_SEARCH_LENGTH),
    )
    .addStringOption(editionOption),
  pageOptions: ['actor', 'topic', 'search'],
  build({ briefing }, options) {
    const filter: QuoteFilter = {};
    if (given(options.actor)) filter.actor = resolveActor(briefing, options.actor);
    if (given(options.topic)) filter.topic = resolveTopic(briefing, options.topic);
    if (given(options.search)) {
      const search = normalize(options.search);
      if (search === '') throw new UserError('Search for words: letters or digits, e.g. `search:territory`.');
      if (search.length > MAX_SEARCH_LENGTH) throw new UserError(`Keep the search to ${MAX_SEARCH_LENGTH} characters or fewer.`);
      filter.search = search;
    }

    const found = filterQuotes(briefing, filter);
    const description = describeFilter(filter, options.search);
    if (found.length === 0) {
      const hint = filter.actor && !hasQuotesBy(briefing, filter.actor.id)
        ? ` ${literal(filter.actor.name)} has no quotes of their own here; \`/position actor:${filter.actor.name}\` shows what others say about them.`
        : ' Try fewer filters.';
      throw new UserError(`No quotes ${description}.${hint}`);
    }
    return {
      document: {
        title: 'Key quotes',
        description:
          `${found.length} quote${found.length === 1 ? '' : 's'}${description ? ` ${description}` : ''}, newest first.\n` +
          "*(translation)*: translated from another language; *(the report's rendering…)*: English words rendered back from a translation; claims and commentary are labelled.",
        sections: quoteSections(briefing, found),
        footer: briefingFooter(briefing),
        pageNotes: (sourceIds) => sourceNotes(briefing, sourceIds),
      },
      pageArgs: [filter.actor?.id ?? '', filter.topic?.id ?? '', filter.search ?? ''],
    };
  },
  autocomplete({ briefing }, focused) {
    return focused.name === 'actor' ? actorChoices(briefing, focused.value) : topicChoices(briefing, focused.value);
  },
});

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
