// Calling a command the way the adapter does, for every caller (Discord, the preview CLI, the tests):
// options read, checks, then the builder; a UserError from any becomes a private notice.
import { notice, privately, type Reply } from '../render/reply.js';
import { UserError, type ButtonReply, type Command, type FormFields, type Request } from './command.js';
import type { ButtonRef } from '../render/custom-id.js';
import type { Caller } from './command.js';

/**
 * A page turned by the person who asked replaces their message; anyone else (or anyone, on a message no one
 * asked for, like a recap post) gets the page privately, so a shared channel's message stays as it was.
 */
export function pageTurn(reply: Reply, caller: Caller): ButtonReply {
  return caller.askedBy === caller.userId ? { reply, replace: true } : { reply: privately(reply), replace: false };
}

/** The private notice for a mistake the user can fix; any other error is rethrown. */
export function asNotice(error: unknown): Reply {
  if (error instanceof UserError) return notice(error.message);
  throw error;
}

/** The value of `work`, or what to answer with the notice for a mistake the user can fix. */
export async function orNotice<T>(work: () => T | Promise<T>, fromNotice: (reply: Reply) => T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    return fromNotice(asNotice(error));
  }
}

/** The command's reply; its options are read, and its checks run, by the command itself (src/command/define.ts). */
export function answerCommand<Context>(command: Command<Context>, context: Context, request: Request): Promise<Reply> {
  return orNotice(() => command.run(context, request), (reply) => reply);
}

/** A button press; undefined when the command has no such view. A notice never replaces the message. */
export function answerButton<Context>(command: Command<Context>, context: Context, ref: ButtonRef, caller: Caller): Promise<ButtonReply> | undefined {
  const handler = command.buttons?.[ref.view];
  if (!handler) return undefined;
  return orNotice(() => handler.press(context, ref, caller), (reply) => ({ reply, replace: false }));
}

/** A submitted form; undefined when the command has no form of that view. A mistake the person can fix is a private notice. */
export function answerForm<Context>(command: Command<Context>, context: Context, ref: ButtonRef, fields: FormFields, caller: Caller): Promise<Reply> | undefined {
  const handler = command.forms?.[ref.view];
  if (!handler) return undefined;
  return orNotice(() => handler.submit(context, ref, fields, caller), (reply) => reply);
}
