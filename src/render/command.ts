// The shape of a briefing command: a slash-command definition plus pure functions from
// (briefing, options) to a Discord payload. No client, no network: Discord, the preview CLI
// and the tests all call the same functions.
import { ButtonStyle, ComponentType, MessageFlags, type APIButtonComponent, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { Briefing } from '../briefing/briefing.js';
import { decodePageRef, encodePageRef, type PageRef } from './custom-id.js';
import { renderPage, type Document } from './document.js';
import { cached } from './memo.js';
import type { Choice, Reply } from './reply.js';
import { renderSourceList } from './sources.js';

export type OptionValue = string | number | boolean;
export type OptionValues = Readonly<Record<string, OptionValue | undefined>>;

/** What a command's builder decides: a document to show, or a notice for the user (e.g. unknown name). */
export type Outcome = { document: Document; pageArgs: readonly string[] } | { notice: Reply };

export interface CommandSpec {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  /** Options carried in page-button custom ids, in order; `pageArgs` gives their resolved values. */
  pageOptions: readonly string[];
  build(briefing: Briefing, options: OptionValues): Outcome;
  autocomplete?(briefing: Briefing, focused: { name: string; value: string }, options: OptionValues): Choice[];
  /** Offer a Sources button listing what the shown page rests on (default true). */
  sourcesButton?: boolean;
}

/** A button's answer: a payload, and whether it replaces the message the button is on or comes as a new one. */
export interface ButtonReply {
  reply: Reply;
  replace: boolean;
}

export interface BriefingCommand extends CommandSpec {
  name: string;
  /** The reply to the slash command, showing `page` (1-based) of its result. */
  reply(briefing: Briefing, options: OptionValues, page?: number): Reply;
  /** The answer to one of this command's buttons, from its decoded custom id. */
  pressButton(briefing: Briefing, ref: PageRef): ButtonReply;
}

/** Outcomes kept per command and briefing: page turns and Sources buttons ask for the same one again. */
const RECENT_OUTCOMES = 16;

export function defineCommand(spec: CommandSpec): BriefingCommand {
  const name = spec.data.name;
  const optionsFrom = (args: readonly string[]) => Object.fromEntries(spec.pageOptions.map((option, index) => [option, args[index] || undefined]));

  const recent = new WeakMap<Briefing, Map<string, Outcome>>();
  /** spec.build, remembered for the last few option sets asked of this briefing (documents never change). */
  const build = (briefing: Briefing, options: OptionValues): Outcome => {
    const key = JSON.stringify(Object.entries(options).filter(([, value]) => value !== undefined).sort(([a], [b]) => a.localeCompare(b)));
    const outcomes = cached(recent, briefing, () => new Map<string, Outcome>());
    const outcome = outcomes.get(key) ?? spec.build(briefing, options);
    // Re-inserting keeps the map in least-recently-used order.
    outcomes.delete(key);
    outcomes.set(key, outcome);
    if (outcomes.size > RECENT_OUTCOMES) outcomes.delete(outcomes.keys().next().value!);
    return outcome;
  };

  const show = (briefing: Briefing, options: OptionValues, page: number): Reply => {
    const outcome = build(briefing, options);
    if ('notice' in outcome) return outcome.notice;
    const rendered = renderPage(outcome.document, page, { command: name, args: outcome.pageArgs });
    if (spec.sourcesButton === false || rendered.sources.length === 0) return rendered.reply;
    return withButton(rendered.reply, {
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: 'Sources',
      custom_id: encodePageRef({ command: name, view: 'sources', page: rendered.page, args: outcome.pageArgs }),
    });
  };

  /** Page `sourcesPage` of the list of sources behind page `replyPage` of the reply to `args`. */
  const showSources = (briefing: Briefing, args: readonly string[], replyPage: number, sourcesPage: number): Reply => {
    const outcome = build(briefing, optionsFrom(args));
    if ('notice' in outcome) return outcome.notice;
    const { sources, page } = renderPage(outcome.document, replyPage, { command: name, args: outcome.pageArgs });
    const list = renderSourceList(briefing, sources);
    const navigation = { command: name, view: 'source-page' as const, args: [String(page), ...outcome.pageArgs] };
    const rendered = renderPage({ ...list, title: `Sources for this ${name} reply` }, sourcesPage, navigation);
    return { ...rendered.reply, flags: MessageFlags.Ephemeral };
  };

  return {
    ...spec,
    name,
    reply: (briefing, options, page = 1) => show(briefing, options, page),
    pressButton: (briefing, ref) => {
      if (ref.view === 'sources') return { reply: showSources(briefing, ref.args, ref.page, 1), replace: false };
      if (ref.view === 'source-page') {
        const [replyPage, ...args] = ref.args;
        return { reply: showSources(briefing, args, Number(replyPage) || 1, ref.page), replace: true };
      }
      const reply = show(briefing, optionsFrom(ref.args), ref.page);
      // A notice (say, a name no longer in the briefing) goes privately to the presser, leaving the message be.
      return { reply, replace: !reply.flags };
    },
  };
}

function withButton(reply: Reply, button: APIButtonComponent): Reply {
  const [row] = reply.components ?? [];
  if (row) return { ...reply, components: [{ ...row, components: [...row.components, button] }] };
  return { ...reply, components: [{ type: ComponentType.ActionRow, components: [button] }] };
}

/** The command a button belongs to, or undefined for ids that are not ours. */
export function routeButton(commands: readonly BriefingCommand[], customId: string): { command: BriefingCommand; ref: PageRef } | undefined {
  const ref = decodePageRef(customId);
  const command = ref && commands.find((candidate) => candidate.name === ref.command);
  return command && ref ? { command, ref } : undefined;
}
