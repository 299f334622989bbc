/**
 * Discord's OAuth2 authorization-code flow, as a web app's "Sign in with Discord" uses it: the authorize page
 * (it answers at once for the person the test signed in, as Discord does for an app the user already
 * authorized), the token exchange, the signed-in user, and their membership (with roles) in a server.
 *
 *   const editor = emulator.oauth.signInAs({ username: 'ed', roles: { [guildId]: [editorRoleId] } });
 *   browser -> /oauth2/authorize?...  ->  302 to redirect_uri?code=...&state=...
 */
import { randomToken, snowflake } from './snowflake.js';
import { apiError, ErrorCode } from './errors.js';
import type { Reply } from './http.js';

export interface OAuthUser {
  id: string;
  username: string;
  global_name: string | null;
  /** Role ids by server id: a server missing here is one the user is not a member of. */
  roles: Record<string, string[]>;
}

interface Grant {
  user: OAuthUser;
  redirectUri: string;
  scopes: string[];
}

/** Discord lets a code be exchanged once, within ten minutes; the emulator keeps the "once". */
export class OAuth {
  readonly clientSecret = randomToken(32);
  #current: OAuthUser | undefined;
  readonly #codes = new Map<string, Grant>();
  readonly #tokens = new Map<string, Grant>();
  /** Every code and token exchange, for tests that check what the app asked for. */
  readonly exchanges: { code: string; redirectUri: string; ok: boolean }[] = [];

  constructor(private readonly applicationId: string) {}

  /** The person whose browser is signed in to Discord from now on. */
  signInAs(user: Partial<OAuthUser> & Pick<OAuthUser, 'username'>): OAuthUser {
    this.#current = { id: snowflake(), global_name: null, roles: {}, ...user };
    return this.#current;
  }

  /** GET /oauth2/authorize: straight back to the app with a code (or `error=access_denied` when nobody is signed in). */
  authorize(query: URLSearchParams): Reply {
    const redirect = query.get('redirect_uri');
    if (query.get('client_id') !== this.applicationId || !redirect || query.get('response_type') !== 'code') {
      return { status: 400, body: { message: 'Invalid OAuth2 request', code: 50035 } };
    }
    const back = new URL(redirect);
    const state = query.get('state');
    if (state !== null) back.searchParams.set('state', state);
    if (!this.#current) {
      back.searchParams.set('error', 'access_denied');
    } else {
      const code = randomToken(30);
      this.#codes.set(code, { user: this.#current, redirectUri: redirect, scopes: (query.get('scope') ?? '').split(/[ +]/) });
      back.searchParams.set('code', code);
    }
    return { status: 302, headers: { Location: back.href } };
  }

  /** POST /oauth2/token with grant_type=authorization_code: the code, the same redirect_uri, the client's id and secret. */
  token(form: Record<string, string>): Reply {
    const grant = this.#codes.get(form.code ?? '');
    const ok = grant !== undefined && form.grant_type === 'authorization_code' && form.client_id === this.applicationId && form.client_secret === this.clientSecret && form.redirect_uri === grant.redirectUri;
    this.exchanges.push({ code: form.code ?? '', redirectUri: form.redirect_uri ?? '', ok });
    if (!ok) return { status: 400, body: { error: 'invalid_grant', error_description: 'Invalid "code" in request.' } };
    this.#codes.delete(form.code!);
    const accessToken = randomToken(30);
    this.#tokens.set(accessToken, grant);
    return { status: 200, body: { access_token: accessToken, token_type: 'Bearer', expires_in: 604800, refresh_token: randomToken(30), scope: grant.scopes.join(' ') } };
  }

  /** The grant behind an `Authorization: Bearer` header, or a 401 as Discord answers. */
  #grant(authorization: string | undefined, scope: string): Grant {
    const grant = authorization?.startsWith('Bearer ') ? this.#tokens.get(authorization.slice(7)) : undefined;
    if (!grant) throw apiError(401, ErrorCode.General);
    if (!grant.scopes.includes(scope)) throw apiError(403, ErrorCode.General);
    return grant;
  }

  /** GET /users/@me with a Bearer token. */
  me(authorization: string | undefined): Reply {
    const { user } = this.#grant(authorization, 'identify');
    return { status: 200, body: { id: user.id, username: user.username, global_name: user.global_name, discriminator: '0', avatar: null } };
  }

  /** GET /users/@me/guilds/{guild}/member with a Bearer token (scope guilds.members.read). */
  member(authorization: string | undefined, guildId: string): Reply {
    const { user } = this.#grant(authorization, 'guilds.members.read');
    const roles = user.roles[guildId];
    if (!roles) throw apiError(404, ErrorCode.UnknownGuild);
    return { status: 200, body: { user: { id: user.id, username: user.username, global_name: user.global_name, discriminator: '0', avatar: null }, nick: null, roles, joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 } };
  }
}
