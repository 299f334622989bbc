// The shape shared by the commands answered from the briefing alone: a pure builder from (context,
// options) to a document, laid out into pages with Previous/Next buttons and a Sources button that
// lists, privately, exactly the sources the shown page rests on.
import { ApplicationIntegrationType, InteractionContextType } from 'discord-api-types/v10';
import { renderPage, withSourceLinkButton, withSourcesButton, type Document, type Sections } from '../render/document.js';
import { privately, type Choice, type Reply } from '../render/reply.js';
import { renderSourceList } from '../render/sources.js';
import type { Locale } from '../i18n/locale.js';
import { messagesFor, type Messages } from '../i18n/messages.js';
import { readerNotes } from '../render/format.js';
import { UserError, type Command, type Focused, type OptionValues } from './command.js';
import { commandJSON, readOrRefuse } from './define.js';
import { optionsJSON, readPartly, type OptionDeclarations, type Parsed } from './options.js';
import type { BriefingContext } from './context.js';
import { pageTurn } from './answer.js';
import { EDITION_OPTION, editionArg, editionChoices, editionFromArg, editionView } from './edition.js';
import { given } from './resolve.js';
import { momentOf } from './reply-memo.js';
import { reportForm, submitReport, withReportButton } from './report-form.js';

const byName = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);
/** Options in a key: the same whatever order Discord sent them in. */
const sortedOptions = (options: OptionValues) => Object.entries(options).sort(byName);

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

export interface BriefingCommandSpec<Ds extends OptionDeclarations> {
  name: string;
  description: string;
  /** Its options, in the order Discord lists them; `edition: editionOption` for one that shows earlier editions. */
  options: Ds;
  /** Options carried in page-button custom ids, in order (the edition is added by itself). */
  pageOptions: readonly (keyof Ds & string)[];
  /** `t`: the catalogue of the reader's language, for every fixed string of the reply. */
  build(context: BriefingContext, options: Parsed<Ds>, t: Messages): Built;
  autocomplete?(context: BriefingContext, focused: Focused, options: Partial<Parsed<Ds>>, t: Messages): Choice[];
  /** Offer a Sources button listing what the shown page rests on (default true). */
  sourcesButton?: boolean;
}

export type BriefingCommand = Command<BriefingContext> & {
  /** Page `page` (1-based) of the reply to `options` (as given: they are read against the declaration), in `locale`. */
  show(context: BriefingContext, options: OptionValues, page: number, locale: Locale): Reply;
};

export function defineBriefingCommand<const Ds extends OptionDeclarations>(spec: BriefingCommandSpec<Ds>): BriefingCommand {
  const { name } = spec;
  const json = commandJSON(
    {
      ...spec,
      // A reply from the briefing needs nothing of a server, so it is offered wherever a user can ask: in any server,
      // through the server's install or the user's own (user install), in DMs with the bot and in other DMs.
      integrationTypes: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
      contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
    },
    optionsJSON(spec.options),
  );
  const hasEdition = Object.hasOwn(spec.options, EDITION_OPTION);
  const optionsFrom = (args: readonly string[]): OptionValues => ({
    ...Object.fromEntries(spec.pageOptions.map((option, index) => [option, args[index] || undefined])),
    ...(hasEdition ? { [EDITION_OPTION]: editionFromArg(args[spec.pageOptions.length]) } : {}),
  });

  /** The document for `options`, at the edition asked for, with the lines that say how current it is. */
  const build = (context: BriefingContext, asked: OptionValues, t: Messages): Built & { briefing: BriefingContext['briefing'] } => {
    const options = readOrRefuse(spec.options, asked, { locale: t.locale }, [name]);
    const edition = hasEdition ? (options as { edition?: string }).edition : undefined;
    const briefing = editionView(t, context, edition);
    const built = spec.build({ ...context, briefing }, options, t);
    const notes = readerNotes(t, briefing, context.now, context.staleAfterDays);
    const description = [notes.join('\n'), built.document.description].filter(Boolean).join('\n\n');
    // A button of a reply to an earlier edition keeps showing that edition; the default follows the newest.
    const pinned = given(edition) ? briefing.latest.id : undefined;
    return {
      briefing,
      document: { ...built.document, description: description || undefined },
      pageArgs: hasEdition ? [...built.pageArgs, editionArg(pinned)] : built.pageArgs,
    };
  };

  /** What `build` gives, or what it gave before for the same `key` when the context keeps replies. */
  const kept = <T extends object>(context: BriefingContext, key: readonly unknown[], build: () => T): T =>
    context.kept ? context.kept.get(context.briefing, JSON.stringify([name, momentOf(context.briefing, context.now), context.staleAfterDays, ...key]), build) : build();

  const show = (context: BriefingContext, options: OptionValues, page: number, locale: Locale): Reply =>
    kept(context, ['page', locale, page, sortedOptions(options)], () => buildPage(context, options, page, locale));

  const buildPage = (context: BriefingContext, options: OptionValues, page: number, locale: Locale): Reply => {
    const t = messagesFor(locale);
    const { briefing, document, pageArgs } = build(context, options, t);
    const rendered = renderPage(t, document, page, { command: name, args: pageArgs });
    if (Number.isInteger(page) && page > rendered.pageCount) throw new UserError(t.page.noSuchPage(rendered.pageCount, page));
    const report = { command: name, view: 'report' as const, page: rendered.page, args: pageArgs };
    if (spec.sourcesButton === false || rendered.sources.length === 0) return withReportButton(t, rendered.reply, report);
    const reply = withSourcesButton(t, rendered.reply, { command: name, view: 'sources', page: rendered.page, args: pageArgs });
    // A page resting on one source with a public address links straight to it, next to the Sources button.
    const only = rendered.sources.length === 1 ? briefing.sourceById.get(rendered.sources[0]!) : undefined;
    return withReportButton(t, only?.url ? withSourceLinkButton(t, reply, only.url) : reply, report);
  };

  /** What a reader saw on page `page` of the reply to `args`: its command line, edition and items. */
  const seen = (context: BriefingContext, args: readonly string[], page: number, t: Messages) => {
    const options = optionsFrom(args);
    const { briefing, document, pageArgs } = build(context, options, t);
    const { items, page: shown } = renderPage(t, document, page, { command: name, args: pageArgs });
    const given = Object.entries(options).filter(([, value]) => value !== undefined).map(([option, value]) => ` ${option}:${String(value)}`);
    return { reply: `/${name}${given.join('')}${shown > 1 ? ` (page ${shown})` : ''}`, editionId: briefing.latest.id, releaseId: context.releaseId ?? null, items };
  };

  /** Page `sourcesPage` of the list of sources behind page `replyPage` of the reply to `args`. */
  const showSources = (context: BriefingContext, args: readonly string[], replyPage: number, sourcesPage: number, locale: Locale): Reply =>
    kept(context, ['sources', locale, args, replyPage, sourcesPage], () => buildSources(context, args, replyPage, sourcesPage, locale));

  const buildSources = (context: BriefingContext, args: readonly string[], replyPage: number, sourcesPage: number, locale: Locale): Reply => {
    const t = messagesFor(locale);
    const options = optionsFrom(args);
    const { briefing, document, pageArgs } = build(context, options, t);
    const { sources, page } = renderPage(t, document, replyPage, { command: name, args: pageArgs });
    const list = renderSourceList(t, briefing, sources);
    const navigation = { command: name, view: 'source-page' as const, args: [String(page), ...pageArgs] };
    return privately(renderPage(t, { ...list, title: t.sources.forReply(name) }, sourcesPage, navigation).reply);
  };

  return {
    data: { name, toJSON: () => structuredClone(json) },
    declared: { options: spec.options },
    show,
    run: (context, { caller, options }) => show(context, options, 1, caller.locale),
    autocomplete:
      hasEdition || spec.autocomplete
        ? (context, focused, { caller, options }) =>
            kept(context, ['choices', caller.locale, focused.name, focused.value, sortedOptions(options)], () => {
              const t = messagesFor(caller.locale);
              if (focused.name === EDITION_OPTION) return editionChoices(t, context, focused.value);
              return spec.autocomplete?.({ ...context, briefing: editionView(t, context, undefined) }, focused, readPartly(spec.options, options, focused.name), t) ?? [];
            })
        : undefined,
    forms: {
      report: {
        open: (_context, ref, caller) => reportForm(messagesFor(caller.locale), ref),
        submit(context, ref, fields, caller) {
          const t = messagesFor(caller.locale);
          return submitReport(t, context.reports, seen(context, ref.args, ref.page, t), fields, caller, context.now);
        },
      },
    },
    buttons: {
      // Each button answers in the presser's language. A name gone from the briefing since the reply throws a UserError: the presser alone is told.
      page: { press: (context, ref, caller) => pageTurn(show(context, optionsFrom(ref.args), ref.page, caller.locale), caller) },
      sources: { press: (context, ref, caller) => ({ reply: showSources(context, ref.args, ref.page, 1, caller.locale), replace: false }) },
      'source-page': {
        press(context, ref, caller) {
          const [replyPage, ...args] = ref.args;
          return { reply: showSources(context, args, Number(replyPage) || 1, ref.page, caller.locale), replace: true };
        },
      },
    },
  };
}
