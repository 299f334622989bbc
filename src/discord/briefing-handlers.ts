// The briefing commands (commands/) on Discord: option values in, their pure reply builders' payloads out.
import type { InteractionReplyOptions, InteractionUpdateOptions } from 'discord.js';
import type { LiveBriefing } from '../briefing/live.js';
import { decodePageRef } from '../render/custom-id.js';
import type { BriefingCommand } from '../render/command.js';
import { notice, type Reply } from '../render/reply.js';
import { optionValues, type InteractionHandler, type Outcome } from './router.js';

export function briefingHandler(command: BriefingCommand, live: LiveBriefing): InteractionHandler {
  return {
    name: command.name,
    async chatInput(interaction) {
      const reply = command.reply(live.current, optionValues(interaction.options.data));
      await interaction.reply(replyOptions(reply));
      return outcomeOf(reply);
    },
    async autocomplete(interaction) {
      const focused = interaction.options.getFocused(true);
      const choices = command.autocomplete?.(live.current, { name: focused.name, value: String(focused.value) }, optionValues(interaction.options.data)) ?? [];
      await interaction.respond(choices);
      return 'answered';
    },
    async button(interaction) {
      const ref = decodePageRef(interaction.customId);
      const { reply, replace } = ref ? command.pressButton(live.current, ref) : { reply: notice('That button is not one of mine.'), replace: false };
      if (replace) await interaction.update(updateOptions(reply));
      else await interaction.reply(replyOptions(reply));
      return outcomeOf(reply);
    },
  };
}

function outcomeOf(reply: Reply): Outcome {
  return reply.flags ? 'notice' : 'answered';
}

/** Our payload (Discord's JSON) in the shape discord.js takes; allowed mentions always none. */
export function replyOptions(reply: Reply): InteractionReplyOptions {
  return { content: reply.content, embeds: reply.embeds, components: reply.components, flags: reply.flags, allowedMentions: { parse: [] } };
}

/** A page turn replaces the whole message, so parts the new page lacks are cleared. */
export function updateOptions(reply: Reply): InteractionUpdateOptions {
  return { content: reply.content ?? '', embeds: reply.embeds ?? [], components: reply.components ?? [], allowedMentions: { parse: [] } };
}
