/**
 * Builds INTERACTION_CREATE payloads the way Discord sends them to a bot:
 * chat-input commands (options typed from the registered command, channel and
 * user options resolved), autocomplete requests and button presses.
 */
import type { CommandStore } from './commands.js';
import { asArray, asObject, type Json } from './http.js';
import type { MessageStore, StoredMessage } from './messages.js';
import { EVERYONE_PERMISSIONS } from './permissions.js';
import { randomToken, snowflake } from './snowflake.js';
import type { ResolvedChannel, ResolvedGuild, UserPayload, World } from './world.js';

export const InteractionType = { ApplicationCommand: 2, MessageComponent: 3, Autocomplete: 4, ModalSubmit: 5 } as const;

const OptionType = {
  Subcommand: 1,
  SubcommandGroup: 2,
  String: 3,
  Integer: 4,
  Boolean: 5,
  User: 6,
  Channel: 7,
  Number: 10,
} as const;
const ButtonComponent = 2;
const CHAT_INPUT = 1;
const CHAT_INPUT_REPLY_MESSAGE = 20;
const AttachmentSizeLimit = 10 * 1024 * 1024;
const Context = { Guild: 0, BotDm: 1 } as const;

export type OptionValue = string | number | boolean;

export interface OptionInput {
  name: string;
  value: OptionValue;
  /** Option type; defaults to the registered command's, else inferred from the value. */
  type?: number;
  focused?: boolean;
}

export interface InteractionContext {
  /** Guild to run in (default: the first guild); null for a DM with the bot. */
  guildId?: string | null;
  /** Channel (default: the guild's first channel, or the user's DM channel). */
  channelId?: string;
  /** Invoking user (default: one fixed test user). */
  userId?: string;
  /** The invoking member's permissions (default: what @everyone has). */
  memberPermissions?: bigint | string;
  locale?: string;
}

export interface CommandInjection extends InteractionContext {
  name: string;
  /** `{ question: 'why' }`, or explicit options, e.g. with a type or `focused: true`. */
  options?: Record<string, OptionValue> | OptionInput[];
  subcommand?: string;
  subcommandGroup?: string;
}

export interface AutocompleteInjection extends CommandInjection {
  /** Name of the option being typed (alternatively mark one option with `focused: true`). */
  focused?: string;
}

export interface ButtonInjection extends InteractionContext {
  customId: string;
  /** A stored message (channel post or interaction reply) carrying the button; a stub message when omitted. */
  messageId?: string;
}

/** An interaction ready to dispatch, plus what the emulator needs to judge the bot's answers. */
export interface BuiltInteraction {
  id: string;
  token: string;
  type: number;
  payload: Json;
  channel: ResolvedChannel;
  user: UserPayload;
  /** Message type of a reply (20 for chat-input commands). */
  replyMessageType: number;
  /** The message a component was clicked on. */
  componentMessage?: StoredMessage;
}

interface Resolved {
  channels?: Record<string, Json>;
  users?: Record<string, UserPayload>;
  members?: Record<string, Json>;
}

export class InteractionFactory {
  readonly #fallbackCommandIds = new Map<string, string>();

  constructor(
    private readonly world: World,
    private readonly commands: CommandStore,
    private readonly messages: MessageStore,
    private readonly applicationId: string,
    private readonly defaultUserId: string,
  ) {}

  command(injection: CommandInjection): BuiltInteraction {
    return this.#applicationCommand(InteractionType.ApplicationCommand, injection);
  }

  autocomplete(injection: AutocompleteInjection): BuiltInteraction {
    const options = normalizeOptions(injection.options).map((option) =>
      option.name === injection.focused ? { ...option, focused: true } : option,
    );
    if (!options.some((option) => option.focused)) {
      throw new Error(`injectAutocomplete(${injection.name}): no focused option`);
    }
    return this.#applicationCommand(InteractionType.Autocomplete, { ...injection, options });
  }

  button(injection: ButtonInjection): BuiltInteraction {
    const message = injection.messageId ? this.messages.get(injection.messageId) : undefined;
    if (injection.messageId && !message) throw new Error(`injectButton: unknown message ${injection.messageId}`);
    const context = { ...injection, channelId: injection.channelId ?? message?.channel_id };
    const built = this.#base(InteractionType.MessageComponent, context, 0);
    const componentMessage = message ?? this.#stubMessage(built.channel, injection.customId);
    built.payload.data = { custom_id: injection.customId, component_type: ButtonComponent };
    built.payload.message = componentMessage;
    return { ...built, componentMessage };
  }

  #stubMessage(channel: ResolvedChannel, customId: string): StoredMessage {
    const button = { type: ButtonComponent, style: 1, label: 'Button', custom_id: customId };
    const payload = { content: 'Emulated message', components: [{ type: 1, components: [button] }] };
    return this.messages.create(channel, payload, []);
  }

  #applicationCommand(type: number, injection: CommandInjection): BuiltInteraction {
    const built = this.#base(type, injection, CHAT_INPUT_REPLY_MESSAGE);
    const guildId = built.channel.guildId;
    const command = this.commands.findChatInput(injection.name, guildId);
    const path = [injection.subcommandGroup, injection.subcommand].filter((name): name is string => Boolean(name));
    const definitions = path.reduce<unknown[]>(
      (options, name) => asArray(asObject(options.find((option) => asObject(option).name === name)).options),
      asArray(command?.options),
    );
    const resolved: Resolved = {};
    let options: Json[] = normalizeOptions(injection.options).map((option) =>
      this.#option(option, definitions, resolved, built),
    );
    if (injection.subcommand) options = [{ type: OptionType.Subcommand, name: injection.subcommand, options }];
    if (injection.subcommandGroup) {
      options = [{ type: OptionType.SubcommandGroup, name: injection.subcommandGroup, options }];
    }
    built.payload.data = {
      id: command?.id ?? this.#fallbackCommandId(injection.name),
      name: injection.name,
      type: CHAT_INPUT,
      options,
      ...(Object.keys(resolved).length > 0 ? { resolved } : {}),
      ...(command?.guild_id ? { guild_id: command.guild_id } : {}),
    };
    return built;
  }

  #fallbackCommandId(name: string): string {
    let id = this.#fallbackCommandIds.get(name);
    if (!id) this.#fallbackCommandIds.set(name, (id = snowflake()));
    return id;
  }

  #option(input: OptionInput, definitions: unknown[], resolved: Resolved, built: BuiltInteraction): Json {
    const declared = asObject(definitions.find((option) => asObject(option).name === input.name)).type;
    const type = input.type ?? (typeof declared === 'number' ? declared : this.#inferType(input.value));
    const option: Json = { name: input.name, type, value: input.value, ...(input.focused ? { focused: true } : {}) };
    const id = String(input.value);
    const permissions = String(asObject(built.payload.member).permissions ?? EVERYONE_PERMISSIONS);
    if (type === OptionType.Channel && !input.focused) {
      const channel = this.world.channel(id);
      if (!channel) throw new Error(`inject: option ${input.name} names unknown channel ${id}`);
      (resolved.channels ??= {})[id] = { ...this.world.channelPayload(channel), permissions };
    } else if (type === OptionType.User && !input.focused) {
      (resolved.users ??= {})[id] = this.world.user(id);
      if (built.channel.guildId) {
        const { user: _user, ...member } = this.world.memberPayload(this.world.user(id));
        (resolved.members ??= {})[id] = { ...member, permissions };
      }
    }
    return option;
  }

  #inferType(value: OptionValue): number {
    if (typeof value === 'boolean') return OptionType.Boolean;
    if (typeof value === 'number') return Number.isInteger(value) ? OptionType.Integer : OptionType.Number;
    return this.world.channel(value) ? OptionType.Channel : OptionType.String;
  }

  /** Payload fields every interaction carries: ids, token, where, who, permissions, locale. */
  #base(type: number, context: InteractionContext, replyMessageType: number): BuiltInteraction {
    const user = this.world.user(context.userId ?? this.defaultUserId);
    const { guild, channel } = this.#where(context, user);
    const permissions = String(context.memberPermissions ?? EVERYONE_PERMISSIONS);
    const id = snowflake();
    const token = `emu.${randomToken()}`;
    const payload: Json = {
      id,
      application_id: this.applicationId,
      type,
      token,
      version: 1,
      channel_id: channel.id,
      channel: { ...this.world.channelPayload(channel, user), ...(guild ? { permissions } : {}) },
      app_permissions: String(this.world.botPermissionsIn(channel)),
      locale: context.locale ?? 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': guild?.id ?? '0' },
      context: guild ? Context.Guild : Context.BotDm,
      attachment_size_limit: AttachmentSizeLimit,
      ...(guild
        ? {
            guild_id: guild.id,
            guild: { id: guild.id, locale: 'en-US', features: [] },
            guild_locale: 'en-US',
            member: { ...this.world.memberPayload(user), permissions },
          }
        : { user }),
    };
    return { id, token, type, payload, channel, user, replyMessageType };
  }

  /** Where the interaction happens: the channel's own guild when only a channel is given. */
  #where(context: InteractionContext, user: UserPayload): { guild: ResolvedGuild | null; channel: ResolvedChannel } {
    const requested = context.channelId === undefined ? undefined : this.world.channel(context.channelId);
    if (context.channelId !== undefined && !requested) throw new Error(`inject: unknown channel ${context.channelId}`);
    const fallbackGuildId = requested ? requested.guildId : (this.world.guilds[0]?.id ?? null);
    const guildId = context.guildId === undefined ? fallbackGuildId : context.guildId;
    const guild = guildId === null ? null : this.world.guild(guildId);
    if (guild === undefined) throw new Error(`inject: unknown guild ${String(guildId)}`);
    const channel = requested ?? (guild ? guild.channels[0] : this.world.dmChannel(user.id));
    if (!channel) throw new Error(`inject: guild ${String(guildId)} has no channels`);
    if (channel.guildId !== (guild?.id ?? null)) {
      throw new Error(`inject: channel ${channel.id} is not in ${guild ? `guild ${guild.id}` : 'a DM'}`);
    }
    return { guild, channel };
  }
}

function normalizeOptions(options: CommandInjection['options']): OptionInput[] {
  if (options === undefined) return [];
  if (Array.isArray(options)) return options;
  return Object.entries(options).map(([name, value]) => ({ name, value }));
}
