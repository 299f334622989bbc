/**
 * Builds INTERACTION_CREATE payloads the way Discord sends them to a bot:
 * chat-input commands (options typed from the registered command, channel and
 * user options resolved), autocomplete requests and button presses.
 */
import type { CommandStore } from './commands.js';
import { asArray, asObject, type Json } from './http.js';
import type { MessageStore, StoredMessage } from './messages.js';
import { BOT_DM_APP_PERMISSIONS, EVERYONE_PERMISSIONS, PRIVATE_CHANNEL_APP_PERMISSIONS } from './permissions.js';
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
/** Interaction context types: where an interaction happens. */
const Context = { Guild: 0, BotDm: 1, PrivateChannel: 2 } as const;
/** Application integration types: who installed the app, as keys of `authorizing_integration_owners`. */
const Install = { Guild: '0', User: '1' } as const;

export type OptionValue = string | number | boolean;

export interface OptionInput {
  name: string;
  value: OptionValue;
  /** Option type; defaults to the registered command's, else inferred from the value. */
  type?: number;
  focused?: boolean;
}

export interface InteractionContext {
  /** Guild to run in (default: the first guild); null for a DM (with the bot, unless `privateChannel`). */
  guildId?: string | null;
  /** A DM between the user and someone else (context 2), where only a user install can be used. */
  privateChannel?: boolean;
  /**
   * Whether the user installed the app to their account (user install). Default: true where that is the only
   * way the app can be there (a server without the bot, a private channel), else false.
   */
  userInstalled?: boolean;
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

/** A form (modal) submitted: the form's custom id and what the person typed in each text input, by its custom id. */
export interface FormInjection extends InteractionContext {
  customId: string;
  fields: Readonly<Record<string, string>>;
  /** The message whose button opened the form, when it was one. */
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

/** `authorizing_integration_owners`: installation type ("0" server, "1" user) -> server or user id. */
type Owners = Record<string, string>;

interface Place {
  user: UserPayload;
  guild: ResolvedGuild | null;
  channel: ResolvedChannel;
  /** The interaction context type. */
  where: number;
  /** Every installation of the app there, before a command's integration types narrow them. */
  installed: Owners;
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
    const place = this.#place(context);
    // A button works through the installation its message was sent with.
    const sentWith = message?.interaction_metadata?.authorizing_integration_owners as Owners | undefined;
    const built = this.#base(InteractionType.MessageComponent, context, place, sentWith ?? place.installed, 0);
    const componentMessage = message ?? this.#stubMessage(built.channel, injection.customId);
    built.payload.data = { custom_id: injection.customId, component_type: ButtonComponent };
    built.payload.message = componentMessage;
    return { ...built, componentMessage };
  }

  /** A form submission, its inputs in labels as current clients send them. */
  form(injection: FormInjection): BuiltInteraction {
    const message = injection.messageId ? this.messages.get(injection.messageId) : undefined;
    if (injection.messageId && !message) throw new Error(`injectForm: unknown message ${injection.messageId}`);
    const context = { ...injection, channelId: injection.channelId ?? message?.channel_id };
    const place = this.#place(context);
    const sentWith = message?.interaction_metadata?.authorizing_integration_owners as Owners | undefined;
    const built = this.#base(InteractionType.ModalSubmit, context, place, sentWith ?? place.installed, 0);
    const components = Object.entries(injection.fields).map(([custom_id, value]) => ({ type: 18, component: { type: 4, custom_id, value } }));
    built.payload.data = { custom_id: injection.customId, components };
    if (message) built.payload.message = message;
    return built;
  }

  #stubMessage(channel: ResolvedChannel, customId: string): StoredMessage {
    const button = { type: ButtonComponent, style: 1, label: 'Button', custom_id: customId };
    const payload = { content: 'Emulated message', components: [{ type: 1, components: [button] }] };
    return this.messages.create(channel, payload, []);
  }

  #applicationCommand(type: number, injection: CommandInjection): BuiltInteraction {
    const place = this.#place(injection);
    const command = this.commands.findChatInput(injection.name, place.guild?.id ?? null);
    const owners = command ? offeredBy(command, injection.name, place) : place.installed;
    const built = this.#base(type, injection, place, owners, CHAT_INPUT_REPLY_MESSAGE);
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

  /** Who asks, in which channel, in which interaction context, and who installed the app there. */
  #place(context: InteractionContext): Place {
    const user = this.world.user(context.userId ?? this.defaultUserId);
    const { guild, channel } = this.#where(context, user);
    const where = guild ? Context.Guild : this.world.isPrivateChannel(channel) ? Context.PrivateChannel : Context.BotDm;
    return { user, guild, channel, where, installed: installations(where, guild, user, context.userInstalled) };
  }

  /**
   * Payload fields every interaction carries: ids, token, where, who, permissions, locale, and the installations
   * it comes through (`authorizing_integration_owners`).
   */
  #base(type: number, context: InteractionContext, { user, guild, channel, where }: Place, owners: Owners, replyMessageType: number): BuiltInteraction {
    if (Object.keys(owners).length === 0) throw new Error('inject: nobody installed the app where this interaction happens, so Discord would not offer it');
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
      app_permissions: String(this.#appPermissions(where, guild, channel)),
      locale: context.locale ?? 'en-US',
      entitlements: [],
      authorizing_integration_owners: owners,
      context: where,
      attachment_size_limit: AttachmentSizeLimit,
      ...(guild
        ? {
            guild_id: guild.id,
            guild: { id: guild.id, locale: guild.preferredLocale, features: [] },
            guild_locale: guild.preferredLocale,
            member: { ...this.world.memberPayload(user), permissions },
          }
        : { user }),
    };
    return { id, token, type, payload, channel, user, replyMessageType };
  }

  /** What the bot may do where the interaction happens: its channel permissions only where it is a member. */
  #appPermissions(where: number, guild: ResolvedGuild | null, channel: ResolvedChannel): bigint {
    if (guild?.botIsMember) return this.world.botPermissionsIn(channel);
    return where === Context.PrivateChannel ? PRIVATE_CHANNEL_APP_PERMISSIONS : BOT_DM_APP_PERMISSIONS;
  }

  /** Where the interaction happens: the channel's own guild when only a channel is given. */
  #where(context: InteractionContext, user: UserPayload): { guild: ResolvedGuild | null; channel: ResolvedChannel } {
    const requested = context.channelId === undefined ? undefined : this.world.channel(context.channelId);
    if (context.channelId !== undefined && !requested) throw new Error(`inject: unknown channel ${context.channelId}`);
    const fallbackGuildId = requested ? requested.guildId : (this.world.guilds[0]?.id ?? null);
    const guildId = context.guildId === undefined ? fallbackGuildId : context.guildId;
    const guild = guildId === null ? null : this.world.guild(guildId);
    if (guild === undefined) throw new Error(`inject: unknown guild ${String(guildId)}`);
    if (context.privateChannel && guild) throw new Error('inject: a private channel is a DM, not in a guild');
    const dm = () => (context.privateChannel ? this.world.privateChannel(user.id) : this.world.dmChannel(user.id));
    const channel = requested ?? (guild ? guild.channels[0] : dm());
    if (!channel) throw new Error(`inject: guild ${String(guildId)} has no channels`);
    if (channel.guildId !== (guild?.id ?? null)) {
      throw new Error(`inject: channel ${channel.id} is not in ${guild ? `guild ${guild.id}` : 'a DM'}`);
    }
    return { guild, channel };
  }
}

/**
 * Who installed the app where an interaction happens (Discord's authorizing integration owners): the server, if
 * it added the bot (in the bot's DM, "0"), and the user, for a user install. A private channel has no server
 * install; a server without the bot only the user's.
 */
function installations(where: number, guild: ResolvedGuild | null, user: UserPayload, userInstalled: boolean | undefined): Owners {
  const guildInstall = where === Context.Guild ? (guild?.botIsMember ? guild.id : undefined) : where === Context.BotDm ? '0' : undefined;
  const byUser = userInstalled ?? guildInstall === undefined;
  return { ...(guildInstall === undefined ? {} : { [Install.Guild]: guildInstall }), ...(byUser ? { [Install.User]: user.id } : {}) };
}

/**
 * The installations through which Discord offers `command` here: those among its `integration_types`, and only
 * in its `contexts` (global commands; a guild command is its guild's alone). Throws where Discord would not offer it.
 */
function offeredBy(command: Json, name: string, { installed, where }: Place): Owners {
  if (Object.keys(installed).length === 0) return installed;
  const global = command.guild_id === undefined;
  const contexts = global && Array.isArray(command.contexts) ? command.contexts : [Context.Guild, Context.BotDm, Context.PrivateChannel];
  if (!contexts.includes(where)) throw new Error(`inject: /${name} is not registered for interaction context ${where}, so Discord would not offer it`);
  const types = global && Array.isArray(command.integration_types) ? command.integration_types.map(String) : [Install.Guild];
  const offered = Object.fromEntries(Object.entries(installed).filter(([type]) => types.includes(type)));
  if (Object.keys(offered).length === 0) throw new Error(`inject: /${name} is not registered for the installation here (${Object.keys(installed).join(', ')}), so Discord would not offer it`);
  return offered;
}

function normalizeOptions(options: CommandInjection['options']): OptionInput[] {
  if (options === undefined) return [];
  if (Array.isArray(options)) return options;
  return Object.entries(options).map(([name, value]) => ({ name, value }));
}
