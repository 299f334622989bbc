// The shape shared by the commands answered from the briefing alone: a pure builder from (context,
// options) to a document, laid out into pages with Previous/Next buttons and a Sources button that
// lists, privately, exactly the sources the shown page rests on.
import { ApplicationIntegrationType, InteractionContextType } from 'discord-api-types/v10';
import { renderPage, withSourceLinkButton, withSourcesButton, type Document, type Sections } from '../render/document.js';
import { privately, type Choice, type Reply } from '../render/reply.js';
import { renderSourceList } from '../render/sources.js';
import { readerNotes } from '../render/format.js';
import { UserError, type Command, type Focused, type OptionValues } from './command.js';
import type { BriefingContext } from './context.js';
import { pageTurn } from './answer.js';
import { EDITION_OPTION, editionArg, editionChoices, editionFromArg, editionView } from './edition.js';
import { given } from './resolve.js';

/**
 * What a briefing command's builder returns; mistakes the user can fix are thrown as UserError. Its context's
 * briefing is already the edition asked for (option `edition`, when the command has it), as published by now.
 */
export interface Built {
  /** Its sections may be a `SectionList`, built on demand, for long lists. */
  document: Document<Sections>;
  /** The resolved values of `pageOptions`, in order: page buttons carry them. */
  pageArgs: readonly string[];
}

/** A slash command definition as discord.js's SlashCommandBuilder makes it. */
interface SlashCommandData extends Pick<Command<BriefingContext>['data'], 'name' | 'toJSON'> {
  setIntegrationTypes(...types: ApplicationIntegrationType[]): unknown;
  setContexts(...contexts: InteractionContextType[]): unknown;
}

export interface BriefingCommandSpec {
  data: SlashCommandData;
  /** Options carried in page-button custom ids, in order (the edition is added by itself). */
  pageOptions: readonly string[];
  build(context: BriefingContext, options: OptionValues): Built;
  autocomplete?(context: BriefingContext, focused: Focused, options: OptionValues): Choice[];
  /** Offer a Sources button listing what the shown page rests on (default true). */
  sourcesButton?: boolean;
}

export type BriefingCommand = Command<BriefingContext> & {
  /** Page `page` (1-based) of the reply to `options`. */
  show(context: BriefingContext, options: OptionValues, page: number): Reply;
};

export function defineBriefingCommand(spec: BriefingCommandSpec): BriefingCommand {
  // A reply from the briefing needs nothing of a server, so it is offered wherever a user can ask: in any server,
  // through the server's install or the user's own (user install), in DMs with the bot and in other DMs.
  spec.data.setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall);
  spec.data.setContexts(InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel);
  const name = spec.data.name;
  const hasEdition = (spec.data.toJSON().options ?? []).some((option) => option.name === EDITION_OPTION);
  const optionsFrom = (args: readonly string[]): OptionValues => ({
    ...Object.fromEntries(spec.pageOptions.map((option, index) => [option, args[index] || undefined])),
    ...(hasEdition ? { [EDITION_OPTION]: editionFromArg(args[spec.pageOptions.length]) } : {}),
  });

  /** The document for `options`, at the edition asked for, with the lines that say how current it is. */
  const build = (context: BriefingContext, options: OptionValues): Built & { briefing: BriefingContext['briefing'] } => {
    const briefing = editionView(context, hasEdition ? options[EDITION_OPTION] : undefined);
    const built = spec.build({ ...context, briefing }, options);
    const notes = readerNotes(briefing, context.now, context.staleAfterDays);
    const description = [notes.join('\n'), built.document.description].filter(Boolean).join('\n\n');
    // A button of a reply to an earlier edition keeps showing that edition; the default follows the newest.
    const pinned = hasEdition && given(options[EDITION_OPTION]) ? briefing.latest.id : undefined;
    return {
      briefing,
      document: { ...built.document, description: description || undefined },
      pageArgs: hasEdition ? [...built.pageArgs, editionArg(pinned)] : built.pageArgs,
    };
  };

  const show = (context: BriefingContext, options: OptionValues, page: number): Reply => {
    const { briefing, document, pageArgs } = build(context, options);
    const rendered = renderPage(document, page, { command: name, args: pageArgs });
    if (Number.isInteger(page) && page > rendered.pageCount) {
      throw new UserError(`This reply has ${rendered.pageCount === 1 ? 'one page' : `${rendered.pageCount} pages`}; there is no page ${page}.`);
    }
    if (spec.sourcesButton === false || rendered.sources.length === 0) return rendered.reply;
    const reply = withSourcesButton(rendered.reply, { command: name, view: 'sources', page: rendered.page, args: pageArgs });
    // A page resting on one source with a public address links straight to it, next to the Sources button.
    const only = rendered.sources.length === 1 ? briefing.sourceById.get(rendered.sources[0]!) : undefined;
    return only?.url ? withSourceLinkButton(reply, only.url) : reply;
  };

  /** Page `sourcesPage` of the list of sources behind page `replyPage` of the reply to `args`. */
  const showSources = (context: BriefingContext, args: readonly string[], replyPage: number, sourcesPage: number): Reply => {
    const options = optionsFrom(args);
    const { document, pageArgs } = build(context, options);
    const { sources, page } = renderPage(document, replyPage, { command: name, args: pageArgs });
    const list = renderSourceList(editionView(context, hasEdition ? options[EDITION_OPTION] : undefined), sources);
    const navigation = { command: name, view: 'source-page' as const, args: [String(page), ...pageArgs] };
    return privately(renderPage({ ...list, title: `Sources for this ${name} reply` }, sourcesPage, navigation).reply);
  };

  return {
    data: spec.data,
    show,
    run: (context, { options }) => show(context, options, 1),
    autocomplete:
      hasEdition || spec.autocomplete
        ? (context, focused, { options }) => {
            if (focused.name === EDITION_OPTION) return editionChoices(context, focused.value);
            return spec.autocomplete?.({ ...context, briefing: editionView(context, undefined) }, focused, options) ?? [];
          }
        : undefined,
    buttons: {
      // A name gone from the briefing since the reply throws a UserError: the presser alone is told.
      page: { press: (context, ref, caller) => pageTurn(show(context, optionsFrom(ref.args), ref.page), caller) },
      sources: { press: (context, ref) => ({ reply: showSources(context, ref.args, ref.page, 1), replace: false }) },
      'source-page': {
        press(context, ref) {
          const [replyPage, ...args] = ref.args;
          return { reply: showSources(context, args, Number(replyPage) || 1, ref.page), replace: true };
        },
      },
    },
  };
}
