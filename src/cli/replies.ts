// Replies computed without Discord, as the bot computes them: who asks (a server admin in a preview server) and
// what a button press answers. The preview CLI and the studio both show replies this way.
import { answerButton } from '../command/answer.js';
import type { ButtonReply, Caller, Command } from '../command/command.js';
import type { Locale } from '../i18n/locale.js';
import { decodeButton, type ButtonRef } from '../render/custom-id.js';

/** Someone asking in a server that added the bot, with every permission, in `locale`. */
export function previewCaller(locale: Locale, guildId = '100000000000000001'): Caller {
  return { interactionId: 'preview', userId: '100000000000000002', userName: 'preview', guildId, botInGuild: true, channelId: null, permissions: -1n, locale };
}

/**
 * What pressing the button `ref` (or the custom id Discord would send) answers, by the person who asked for the
 * reply it is on; undefined for a button no command has.
 */
export async function pressButton<Context>(commands: readonly Command<Context>[], context: Context, ref: ButtonRef | string, caller: Caller): Promise<ButtonReply | undefined> {
  const button = typeof ref === 'string' ? decodeButton(ref) : ref;
  const command = button && commands.find((candidate) => candidate.data.name === button.command);
  if (!button || !command) return undefined;
  return answerButton(command, context, button, { ...caller, askedBy: caller.userId });
}
