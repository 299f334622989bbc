// Discord refusing the bot token, in either mode: told to the operator in one sentence, no stack.

export const REJECTED_TOKEN =
  'Discord rejected DISCORD_TOKEN (401 Unauthorized): copy the bot token again from the Developer Portal (your application -> Bot -> Reset Token) into DISCORD_TOKEN.';

/** True when Discord refused the bot token: discord.js's TokenInvalid at login, or a 401 from the REST API. */
export function isRejectedToken(error: unknown): boolean {
  const { code, status } = (error ?? {}) as { code?: unknown; status?: unknown };
  return code === 'TokenInvalid' || status === 401;
}
