// Raw REST requests to the emulator, as a bot (or, with `auth: null`, an interaction webhook) sends them.
import type { Emulator } from '../emulator/index.js';

export interface ApiInit {
  method?: string;
  body?: unknown;
  /** The Authorization header; default the bot token, null for none. */
  auth?: string | null;
}

export function emulatorApi(emulator: () => Emulator): (path: string, init?: ApiInit) => Promise<Response> {
  return (path, init = {}) => {
    const emu = emulator();
    const auth = init.auth === undefined ? `Bot ${emu.token}` : init.auth;
    return fetch(`${emu.restUrl}/v10${path}`, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  };
}
