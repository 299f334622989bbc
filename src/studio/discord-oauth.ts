// Sign in with Discord: the OAuth2 authorization-code flow (scopes `identify` and `guilds.members.read`), then the
// person's roles in the newsroom's server decide what they may do. Against DISCORD_API_URL's host when it is set
// (an emulator in tests). The code and the access token are used once each and never logged or kept.
import { HTTPException } from 'hono/http-exception';
import type { Editor } from './auth.js';
import type { DiscordSignIn } from './config.js';

const SCOPES = 'identify guilds.members.read';

export const redirectUri = (signIn: DiscordSignIn) => new URL('/auth/callback', signIn.publicUrl).href;

export function authorizeUrl(signIn: DiscordSignIn, state: string): string {
  const query = new URLSearchParams({ response_type: 'code', client_id: signIn.clientId, scope: SCOPES, redirect_uri: redirectUri(signIn), state, prompt: 'none' });
  return `${signIn.webBase}/oauth2/authorize?${query}`;
}

/** A Discord answer the studio cannot use: said without echoing anything that came with it. */
const unavailable = (what: string, status: number) => new HTTPException(502, { message: `Discord refused ${what} (HTTP ${status}): try signing in again` });

async function discord<T>(signIn: DiscordSignIn, route: string, what: string, init: RequestInit): Promise<{ status: number; body?: T }> {
  const response = await fetch(`${signIn.apiBase}${route}`, { ...init, signal: AbortSignal.timeout(10_000) });
  if (!response.ok) return { status: response.status };
  return { status: response.status, body: (await response.json()) as T };
}

/** The person the code stands for, with the roles the studio knows them by; refuses anyone with neither role (403). */
export async function signInWithCode(signIn: DiscordSignIn, code: string): Promise<Editor> {
  const token = await discord<{ access_token: string; token_type: string }>(signIn, '/oauth2/token', 'the sign-in code', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri(signIn), client_id: signIn.clientId, client_secret: signIn.clientSecret }),
  });
  if (!token.body) throw unavailable('the sign-in code', token.status);
  const headers = { Authorization: `Bearer ${token.body.access_token}` };
  const user = await discord<{ id: string; username: string; global_name?: string | null }>(signIn, '/users/@me', 'your account', { headers });
  if (!user.body) throw unavailable('your account', user.status);
  const member = await discord<{ roles: string[]; nick?: string | null }>(signIn, `/users/@me/guilds/${signIn.guildId}/member`, 'your membership', { headers });
  if (member.status === 404) throw new HTTPException(403, { message: "you are not a member of the newsroom's Discord server" });
  if (!member.body) throw unavailable('your membership', member.status);
  const roles = new Set(member.body.roles);
  const editor = { id: user.body.id, name: member.body.nick || user.body.global_name || user.body.username, editor: roles.has(signIn.editorRoleId), reviewer: roles.has(signIn.reviewerRoleId) };
  if (!editor.editor && !editor.reviewer) throw new HTTPException(403, { message: "you have neither the editor nor the reviewer role in the newsroom's server" });
  return editor;
}
