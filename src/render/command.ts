// The shape of a briefing command: a slash-command definition plus pure functions from
// (briefing, options) to a Discord payload. No client, no network: Discord, the preview CLI
// and the tests all call the same functions.
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { Briefing } from '../briefing/briefing.js';
import { decodePageRef, type PageRef } from './custom-id.js';
import { renderPage, type Document } from './document.js';
import type { Choice, Reply } from './reply.js';

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
}

export interface BriefingCommand extends CommandSpec {
  name: string;
  /** The reply to the slash command, showing `page` (1-based) of its result. */
  reply(briefing: Briefing, options: OptionValues, page?: number): Reply;
  /** The reply to one of this command's buttons (the message it replaces), from the decoded custom id. */
  pressButton(briefing: Briefing, ref: PageRef): Reply;
}

export function defineCommand(spec: CommandSpec): BriefingCommand {
  const name = spec.data.name;
  const show = (briefing: Briefing, options: OptionValues, page: number): Reply => {
    const outcome = spec.build(briefing, options);
    if ('notice' in outcome) return outcome.notice;
    return renderPage(outcome.document, page, { command: name, args: outcome.pageArgs }).reply;
  };
  return {
    ...spec,
    name,
    reply: (briefing, options, page = 1) => show(briefing, options, page),
    pressButton: (briefing, ref) => {
      const options = Object.fromEntries(spec.pageOptions.map((option, index) => [option, ref.args[index] || undefined]));
      return show(briefing, options, ref.page);
    },
  };
}

/** The command a button belongs to, or undefined for ids that are not ours. */
export function routeButton(commands: readonly BriefingCommand[], customId: string): { command: BriefingCommand; ref: PageRef } | undefined {
  const ref = decodePageRef(customId);
  const command = ref && commands.find((candidate) => candidate.name === ref.command);
  return command && ref ? { command, ref } : undefined;
}
