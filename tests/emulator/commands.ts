/**
 * Application commands as the bot registers them (PUT bulk overwrite, global
 * or per guild), echoed back with ids the way Discord does; lookups let
 * injected invocations use the registered command's id and option types.
 */
import { asObject, type Json } from './http.js';
import { validateCommands } from './limits.js';
import { snowflake } from './snowflake.js';

const CHAT_INPUT = 1;

export class CommandStore {
  #global: Json[] = [];
  readonly byGuild = new Map<string, Json[]>();
  /** How many bulk overwrites each scope received. */
  readonly putCount = { global: 0, byGuild: new Map<string, number>() };

  constructor(private readonly applicationId: string) {}

  get global(): readonly Json[] {
    return this.#global;
  }

  /** Registered commands of a guild, or the global ones when `guildId` is null. */
  list(guildId: string | null): readonly Json[] {
    return guildId === null ? this.#global : (this.byGuild.get(guildId) ?? []);
  }

  /** PUT bulk overwrite: validates, keeps ids of commands that survive by name and type, stores and returns. */
  overwrite(guildId: string | null, body: unknown): Json[] {
    validateCommands(body);
    const keyOf = (command: Json) => `${String(command.type ?? CHAT_INPUT)}:${String(command.name)}`;
    const previousIds = new Map(this.list(guildId).map((command) => [keyOf(command), command.id]));
    const stored = body.map((raw) => {
      const definition = asObject(raw);
      return {
        description: '',
        default_member_permissions: null,
        nsfw: false,
        integration_types: [0],
        contexts: null,
        ...definition,
        type: definition.type ?? CHAT_INPUT,
        id: previousIds.get(keyOf(definition)) ?? snowflake(),
        application_id: this.applicationId,
        version: snowflake(),
        ...(guildId === null ? {} : { guild_id: guildId }),
      };
    });
    if (guildId === null) {
      this.#global = stored;
      this.putCount.global++;
    } else {
      this.byGuild.set(guildId, stored);
      this.putCount.byGuild.set(guildId, (this.putCount.byGuild.get(guildId) ?? 0) + 1);
    }
    return stored;
  }

  /** The chat-input command an invocation of `name` in `guildId` would hit: guild commands first, then global. */
  findChatInput(name: string, guildId: string | null): Json | undefined {
    const matches = (command: Json) => command.name === name && command.type === CHAT_INPUT;
    return (guildId === null ? undefined : this.list(guildId).find(matches)) ?? this.#global.find(matches);
  }
}
