// Who is using the studio, and what they may do: on loopback without sign-in, the one person at the machine,
// editor and reviewer at once; otherwise whoever signed in with Discord, as their roles in the newsroom's server
// say. Sessions live in signed, HTTP-only, SameSite cookies; every request that changes anything must come from
// the studio's own pages (its Origin), so another site cannot make a signed-in browser act (CSRF).
import { userInfo } from 'node:os';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import type { DiscordSignIn } from './config.js';
import { isLoopback } from './config.js';

export interface Editor {
  id: string;
  name: string;
  editor: boolean;
  reviewer: boolean;
}

export type StudioEnv = { Variables: { editor: Editor } };

const SESSION = 'studio_session';
/** The sign-in's `state`, kept until Discord sends the browser back, so a callback the studio did not start is refused. */
const STATE = 'studio_oauth_state';
/** A working day and a half: long enough for an edition, short enough that a lost role stops counting soon. */
const SESSION_SECONDS = 12 * 60 * 60;

/** The person at a loopback studio: one, who writes, reviews and publishes. */
export function localEditor(): Editor {
  let name = 'editor';
  try {
    name = userInfo().username;
  } catch {
    // No user name on this system: the default stands.
  }
  return { id: 'local', name, editor: true, reviewer: true };
}

const secure = (signIn: DiscordSignIn) => signIn.publicUrl.protocol === 'https:';

export async function startSession(c: Context, signIn: DiscordSignIn, editor: Editor): Promise<void> {
  const value = Buffer.from(JSON.stringify({ ...editor, expires: Date.now() + SESSION_SECONDS * 1000 })).toString('base64url');
  await setSignedCookie(c, SESSION, value, signIn.sessionSecret, { httpOnly: true, sameSite: 'Lax', secure: secure(signIn), path: '/', maxAge: SESSION_SECONDS });
}

export async function rememberState(c: Context, signIn: DiscordSignIn, state: string): Promise<void> {
  await setSignedCookie(c, STATE, state, signIn.sessionSecret, { httpOnly: true, sameSite: 'Lax', secure: secure(signIn), path: '/auth', maxAge: 600 });
}

/** The state this browser's sign-in started with (once: it is forgotten as it is read). */
export async function takeState(c: Context, signIn: DiscordSignIn): Promise<string | undefined> {
  const state = await getSignedCookie(c, signIn.sessionSecret, STATE);
  deleteCookie(c, STATE, { path: '/auth', secure: secure(signIn) });
  return state || undefined;
}

export function endSession(c: Context, signIn: DiscordSignIn): void {
  deleteCookie(c, SESSION, { path: '/', secure: secure(signIn) });
}

async function sessionEditor(c: Context, signIn: DiscordSignIn): Promise<Editor | undefined> {
  const value = await getSignedCookie(c, signIn.sessionSecret, SESSION);
  if (!value) return undefined;
  try {
    const session = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Editor & { expires: number };
    if (session.expires < Date.now()) return undefined;
    return { id: session.id, name: session.name, editor: session.editor, reviewer: session.reviewer };
  } catch {
    return undefined;
  }
}

/** Sets `editor` for the request: the local person, or the signed-in one; refuses a request without a session (401). */
export function identify(signIn: DiscordSignIn | undefined): MiddlewareHandler<StudioEnv> {
  const local = localEditor();
  return async (c, next) => {
    const editor = signIn ? await sessionEditor(c, signIn) : local;
    if (!editor) throw new HTTPException(401, { message: 'sign in with Discord first' });
    c.set('editor', editor);
    await next();
  };
}

/** The person may do this only with a role: `editor` (write drafts, propose) or `reviewer` (approve, send back, roll back). */
export function requireRole(role: 'editor' | 'reviewer'): MiddlewareHandler<StudioEnv> {
  return async (c, next) => {
    if (!c.get('editor')[role]) throw new HTTPException(403, { message: `only ${role}s may do this: ask for the ${role} role in the newsroom's server` });
    await next();
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every state-changing request must carry an Origin that is the studio's own. (Hono's csrf middleware checks
 * form posts only, on the reasoning that a cross-site JSON post needs CORS; here every such request is checked,
 * whatever its content type, and one without an Origin is refused too.) On loopback, the Host must be loopback
 * as well, so a web page cannot reach the studio through a DNS name rebound to 127.0.0.1.
 */
export function sameOrigin(signIn: DiscordSignIn | undefined): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host') ?? '';
    if (!signIn && !isLoopback(hostName(host))) throw new HTTPException(403, { message: 'this studio answers only on its loopback address' });
    if (!SAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header('origin');
      const allowed = signIn ? signIn.publicUrl.origin : `${new URL(c.req.url).protocol}//${host}`;
      if (origin !== allowed) throw new HTTPException(403, { message: 'refused: this request did not come from the studio itself (Origin)' });
    }
    await next();
  };
}

/** `127.0.0.1:4400` -> 127.0.0.1, `[::1]:4400` -> ::1. */
function hostName(host: string): string {
  return host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.split(':', 1)[0]!;
}
