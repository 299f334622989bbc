// Every way posting a recap can fail, as a named state: whether to try again, whether to pause the
// subscription, and what to tell the server admin. Never retrying 403/404 matters: Discord's edge
// bans bots that keep making invalid requests.

export type FailureKind = 'unknown-channel' | 'missing-access' | 'missing-permissions' | 'locked-thread' | 'not-a-text-channel' | 'rate-limited' | 'server-error' | 'network' | 'rejected';

export interface Failure {
  kind: FailureKind;
  retryable: boolean;
  /** Pause the subscription: nothing will succeed until an admin fixes the channel or permissions. */
  pauses: boolean;
  /** For the admin, shown in /recap list. */
  reason: string;
  /** Discord's retry_after, when it said how long to wait. */
  retryAfterMs?: number;
}

/** Discord's JSON error codes that matter here. */
const UNKNOWN_CHANNEL = 10003;
const MISSING_ACCESS = 50001;
const MISSING_PERMISSIONS = 50013;
/** Posting a message straight into a forum or a category. */
const NON_TEXT_CHANNEL = 50008;
/** Posting in an archived thread a moderator locked. */
const ARCHIVED_THREAD = 50083;
export const ALREADY_CROSSPOSTED = 40033;
export const THREAD_ALREADY_CREATED = 160004;

interface ErrorShape {
  status?: unknown;
  code?: unknown;
  rawError?: { retry_after?: unknown };
  message?: unknown;
}

export function classifyFailure(error: unknown): Failure {
  const { status, code, rawError, message } = (error ?? {}) as ErrorShape;
  const text = typeof message === 'string' ? message : String(error);
  if (code === UNKNOWN_CHANNEL || status === 404) {
    return { kind: 'unknown-channel', retryable: false, pauses: true, reason: 'The channel no longer exists, or the bot can no longer see it (Unknown Channel).' };
  }
  if (code === MISSING_PERMISSIONS) {
    return { kind: 'missing-permissions', retryable: false, pauses: true, reason: 'The bot lacks permission to post there (Missing Permissions): it needs View Channel, Send Messages and Embed Links.' };
  }
  if (code === NON_TEXT_CHANNEL) {
    return {
      kind: 'not-a-text-channel',
      retryable: false,
      pauses: true,
      reason: 'That channel takes no messages of its own (a forum or a category): set its recap up with `/recap subscribe`, which opens a forum post; recaps from RECAP_CHANNEL_IDS post into text and announcement channels only.',
    };
  }
  if (code === ARCHIVED_THREAD) {
    return {
      kind: 'locked-thread',
      retryable: false,
      pauses: true,
      reason: "The story's forum post is locked (Discord: archived thread): unlock it, or delete it so that the next recap opens a new one, then `/recap resume`.",
    };
  }
  if (code === MISSING_ACCESS || status === 403) {
    return { kind: 'missing-access', retryable: false, pauses: true, reason: 'The bot cannot access that channel (Missing Access): give it View Channel there.' };
  }
  if (status === 429) {
    const retryAfter = typeof rawError?.retry_after === 'number' ? rawError.retry_after * 1000 : undefined;
    return { kind: 'rate-limited', retryable: true, pauses: false, reason: 'Discord asked the bot to slow down.', retryAfterMs: retryAfter };
  }
  if (typeof status === 'number' && status >= 500) {
    return { kind: 'server-error', retryable: true, pauses: false, reason: `Discord had a server error (${status}).` };
  }
  if (typeof status === 'number') {
    return { kind: 'rejected', retryable: false, pauses: false, reason: `Discord refused the message (${status}${typeof code === 'number' ? `, code ${code}` : ''}): ${text}` };
  }
  return { kind: 'network', retryable: true, pauses: false, reason: `Could not reach Discord: ${text}` };
}
