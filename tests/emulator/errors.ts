/**
 * Discord's JSON error codes used by the emulator, and ApiError: the exception
 * REST handlers throw to answer with a Discord-shaped error body.
 */
import { STATUS_CODES } from 'node:http';

export const ErrorCode = {
  General: 0,
  UnknownGuild: 10004,
  UnknownChannel: 10003,
  UnknownMember: 10007,
  UnknownMessage: 10008,
  UnknownWebhook: 10015,
  UnknownInteraction: 10062,
  AlreadyCrossposted: 40033,
  InteractionAlreadyAcknowledged: 40060,
  MaxFollowUpMessages: 40094,
  MissingAccess: 50001,
  CannotSendEmptyMessage: 50006,
  NonTextChannel: 50008,
  MissingPermissions: 50013,
  WrongChannelType: 50024,
  ThreadArchived: 50083,
  ThreadAlreadyCreated: 160004,
  InvalidWebhookToken: 50027,
  InvalidFormBody: 50035,
  InvalidJson: 50109,
} as const;

const MESSAGES: Record<number, string> = {
  [ErrorCode.UnknownGuild]: 'Unknown Guild',
  [ErrorCode.UnknownChannel]: 'Unknown Channel',
  [ErrorCode.UnknownMember]: 'Unknown Member',
  [ErrorCode.UnknownMessage]: 'Unknown Message',
  [ErrorCode.UnknownWebhook]: 'Unknown Webhook',
  [ErrorCode.UnknownInteraction]: 'Unknown interaction',
  [ErrorCode.InteractionAlreadyAcknowledged]: 'Interaction has already been acknowledged.',
  [ErrorCode.MaxFollowUpMessages]: 'This interaction has hit the maximum number of follow up messages',
  [ErrorCode.AlreadyCrossposted]: 'This message has already been crossposted.',
  [ErrorCode.NonTextChannel]: 'Cannot send messages in a non-text channel',
  [ErrorCode.WrongChannelType]: 'Cannot execute action on this channel type',
  [ErrorCode.ThreadArchived]: 'Thread is archived',
  [ErrorCode.ThreadAlreadyCreated]: 'A thread has already been created for this message',
  [ErrorCode.MissingAccess]: 'Missing Access',
  [ErrorCode.CannotSendEmptyMessage]: 'Cannot send an empty message',
  [ErrorCode.MissingPermissions]: 'Missing Permissions',
  [ErrorCode.InvalidWebhookToken]: 'Invalid Webhook Token',
  [ErrorCode.InvalidFormBody]: 'Invalid Form Body',
  [ErrorCode.InvalidJson]: 'The request body contains invalid JSON.',
};

/** Nested `{ field: { 0: { _errors: [...] } } }` tree of a 50035 body. */
export type FormErrors = Record<string, unknown>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: FormErrors,
  ) {
    super(message);
  }

  get body(): Record<string, unknown> {
    return { message: this.message, code: this.code, ...(this.errors ? { errors: this.errors } : {}) };
  }
}

/** An ApiError with Discord's wording: `404: Not Found` style for code 0, else the code's message. */
export function apiError(status: number, code: number, errors?: FormErrors): ApiError {
  const message =
    code === ErrorCode.General ? `${status}: ${STATUS_CODES[status] ?? 'Error'}` : (MESSAGES[code] ?? `Error ${code}`);
  return new ApiError(status, code, message, errors);
}
