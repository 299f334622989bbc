// Every briefing command's reply to the drafts, computed by the bot's own commands and builders (so what the
// studio shows is what readers get), with its size against Discord's limits; and what the editor can ask for
// (commands with their options, actors, topics, editions) to build the request.
import { ApplicationCommandOptionType, type APIApplicationCommandOption } from 'discord-api-types/v10';
import { briefingCommands } from '../../commands/index.js';
import type { Briefing } from '../briefing/briefing.js';
import { answerCommand } from '../command/answer.js';
import type { BriefingContext } from '../command/context.js';
import type { OptionValue } from '../command/command.js';
import { LOCALES } from '../i18n/locale.js';
import { embedLength, LIMITS, payloadProblems } from '../render/limits.js';
import { messageBody, type MessageBody } from '../render/reply.js';
import { pressButton, previewCaller } from '../cli/replies.js';
import { HTTPException } from 'hono/http-exception';

export interface PreviewRequest {
  command: string;
  options?: Record<string, OptionValue>;
  locale?: string;
  /** A button of an earlier preview pressed: its custom id. */
  button?: string;
}

export interface Size {
  content: { length: number; limit: number };
  /** Each embed's characters, and all of them against Discord's 6,000 per message. */
  embeds: { lengths: number[]; total: number; limit: number };
}

export interface Preview {
  message: MessageBody;
  size: Size;
  /** Every Discord limit the message breaks; none for a reply Discord accepts. */
  problems: string[];
}

export function sizeOf(message: MessageBody): Size {
  const lengths = (message.embeds ?? []).map(embedLength);
  return {
    content: { length: message.content?.length ?? 0, limit: LIMITS.content },
    embeds: { lengths, total: lengths.reduce((sum, length) => sum + length, 0), limit: LIMITS.embedTotal },
  };
}

export function previewOf(message: MessageBody): Preview {
  return { message, size: sizeOf(message), problems: payloadProblems(message) };
}

/**
 * The moment replies are shown at: now, or the newest draft edition's publication when that is later, so an
 * edition being written for tomorrow is seen as readers will see it then.
 */
export function previewMoment(briefing: Briefing, now = new Date()): Date {
  const newest = Date.parse(briefing.latest.published);
  return newest > now.getTime() ? new Date(newest) : now;
}

/** `at`: the moment to answer at (a reader's report: when they saw it); default the drafts' moment. */
export async function preview(briefing: Briefing, request: PreviewRequest, staleAfterDays: number, at = previewMoment(briefing)): Promise<Preview> {
  const locale = LOCALES.find((candidate) => candidate === request.locale) ?? 'en';
  const context: BriefingContext = { briefing, now: at, staleAfterDays };
  const caller = previewCaller(locale);
  const options = request.options ?? {};
  if (typeof options !== 'object' || Array.isArray(options) || Object.values(options).some((option) => !['string', 'number', 'boolean'].includes(typeof option))) {
    throw new HTTPException(400, { message: 'options are a mapping of option names to text, numbers or true/false' });
  }
  if (request.button) {
    const pressed = await pressButton(briefingCommands, context, request.button, caller);
    if (!pressed) throw new HTTPException(400, { message: `no command has the button ${JSON.stringify(request.button)}` });
    return previewOf(messageBody(pressed.reply));
  }
  const command = briefingCommands.find((candidate) => candidate.data.name === request.command);
  if (!command) throw new HTTPException(400, { message: `the studio previews ${briefingCommands.map((candidate) => `/${candidate.data.name}`).join(', ')}; not ${JSON.stringify(request.command)}` });
  return previewOf(messageBody(await answerCommand(command, context, { caller, options })));
}

export interface Catalogue {
  commands: { name: string; description: string; options: { name: string; description: string; type: 'string' | 'number' | 'boolean'; required: boolean; choices?: { name: string; value: string | number }[] }[] }[];
  actors: { id: string; name: string }[];
  topics: { id: string; name: string }[];
  editions: string[];
  /** What "Correct an item" can pick: every position, quote and timeline event, with a line to recognise it by. */
  items: { kind: 'position' | 'quote' | 'event'; id: string; label: string }[];
  locales: readonly string[];
}

const TYPES: Partial<Record<ApplicationCommandOptionType, 'string' | 'number' | 'boolean'>> = {
  [ApplicationCommandOptionType.String]: 'string',
  [ApplicationCommandOptionType.Integer]: 'number',
  [ApplicationCommandOptionType.Number]: 'number',
  [ApplicationCommandOptionType.Boolean]: 'boolean',
};

/** What can be previewed, from the commands' own definitions and the drafts. */
export function catalogue(briefing: Briefing | undefined): Catalogue {
  return {
    commands: briefingCommands.map((command) => {
      const { name, description, options = [] } = command.data.toJSON();
      return {
        name,
        description,
        options: (options as APIApplicationCommandOption[]).map((option) => ({
          name: option.name,
          description: option.description,
          type: TYPES[option.type] ?? 'string',
          required: 'required' in option && option.required === true,
          ...('choices' in option && option.choices ? { choices: option.choices.map(({ name: label, value }) => ({ name: label, value })) } : {}),
        })),
      };
    }),
    actors: briefing?.actors.map(({ id, name }) => ({ id, name })) ?? [],
    topics: briefing?.topics.map(({ id, name }) => ({ id, name })) ?? [],
    editions: briefing?.editions.map((edition) => edition.id).reverse() ?? [],
    items: briefing
      ? [
          ...briefing.content.allPositions.map((item) => ({ kind: 'position' as const, id: item.id, label: item.stance })),
          ...briefing.content.quotes.map((item) => ({ kind: 'quote' as const, id: item.id, label: item.text.slice(0, 100) })),
          ...briefing.content.timeline.map((item) => ({ kind: 'event' as const, id: item.id, label: `${item.date} ${item.title}` })),
        ]
      : [],
    locales: LOCALES,
  };
}
