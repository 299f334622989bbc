// /quotes [actor] [topic] [search]: key quotes, verbatim, with speaker, date, context, source and a
// translation marker; newest first, paginated.
import { SlashCommandBuilder } from '../src/render/discordjs.js';
import { normalize } from '../src/briefing/matching.js';
import { filterQuotes, hasQuotesBy, type QuoteFilter } from '../src/briefing/queries.js';
import { defineBriefingCommand } from '../src/command/briefing-command.js';
import { UserError } from '../src/command/command.js';
import { editionOption } from '../src/command/edition.js';
import { echo, given, MAX_SEARCH_LENGTH, readAsNote, resolveActor, resolveTopic } from '../src/command/resolve.js';
import { actorChoices, topicChoices } from '../src/render/choices.js';
import { briefingFooter, sourceNotes } from '../src/render/format.js';
import { quoteSections } from '../src/render/quote-list.js';
import type { Messages } from '../src/i18n/messages.js';
import { literal } from '../src/render/text.js';


export const quotes = defineBriefingCommand({
  data: new SlashCommandBuilder()
    .setName('quotes')
    .setDescription('Key quotes, verbatim and sourced; filter by speaker, topic or words')
    .addStringOption((option) => option.setName('actor').setDescription('Who said it, e.g. Leavitt').setAutocomplete(true).setMaxLength(100))
    .addStringOption((option) => option.setName('topic').setDescription('What it is about, e.g. territory').setAutocomplete(true).setMaxLength(100))
    .addStringOption((option) =>
      option.setName('search').setDescription('Words in the quote, its context or its topics').setMaxLength(MAX_SEARCH_LENGTH),
    )
    .addStringOption(editionOption),
  pageOptions: ['actor', 'topic', 'search'],
  build({ briefing }, options, t) {
    const filter: QuoteFilter = {};
    const asked = given(options.actor) ? resolveActor(t, briefing, options.actor) : undefined;
    filter.actor = asked?.actor;
    if (given(options.topic)) filter.topic = resolveTopic(t, briefing, options.topic);
    if (given(options.search)) {
      const search = normalize(options.search);
      if (search === '') throw new UserError(t.quotes.searchWords);
      if (search.length > MAX_SEARCH_LENGTH) throw new UserError(t.quotes.searchTooLong(MAX_SEARCH_LENGTH));
      filter.search = search;
    }

    const found = filterQuotes(briefing, filter);
    const description = describeFilter(t, filter, options.search);
    if (found.length === 0) {
      const hint = filter.actor && !hasQuotesBy(briefing, filter.actor.id)
        ? t.quotes.noOwnQuotes(literal(filter.actor.name), filter.actor.name)
        : t.quotes.tryFewer;
      throw new UserError(`${t.quotes.none(description)} ${hint}`);
    }
    return {
      document: {
        title: t.quotes.title,
        description: [asked && readAsNote(t, asked), t.quotes.description(found.length, description), t.quotes.legend].filter(Boolean).join('\n'),
        sections: quoteSections(t, briefing, found),
        footer: briefingFooter(t, briefing),
        pageNotes: (sourceIds) => sourceNotes(t, briefing, sourceIds),
      },
      pageArgs: [filter.actor?.id ?? '', filter.topic?.id ?? '', filter.search ?? ''],
    };
  },
  autocomplete({ briefing }, focused) {
    return focused.name === 'actor' ? actorChoices(briefing, focused.value) : topicChoices(briefing, focused.value);
  },
});

/** `by Mark Rutte on Security guarantees matching “guarantee”` */
function describeFilter(t: Messages, filter: QuoteFilter, typedSearch: unknown): string {
  return [
    filter.actor && t.quotes.by(literal(filter.actor.name)),
    filter.topic && t.quotes.on(literal(filter.topic.name)),
    filter.search && t.quotes.matching(echo(t, typeof typedSearch === 'string' ? typedSearch : filter.search)),
  ]
    .filter(Boolean)
    .join(' ');
}
