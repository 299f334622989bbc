/**
 * Forum channels, threads and announcement channels as Discord documents them: forum posts (a thread with
 * its first message, tagged from the forum's available tags), threads started in or from a message of a
 * text or announcement channel, posting in threads (an archived thread is reopened by posting unless a
 * moderator locked it), unarchiving with PATCH, and publishing (crossposting) announcement messages.
 */
import { apiError, ErrorCode } from './errors.js';
import { asArray, asObject, type Json, type UploadedFile } from './http.js';
import { FormErrorCollector, validateMessage } from './limits.js';
import { MessageFlag, type MessageStore, type StoredMessage } from './messages.js';
import { Permission } from './permissions.js';
import { AUTO_ARCHIVE_DURATIONS, ChannelType, type ResolvedChannel, type World } from './world.js';

const THREAD_NAME_MAX = 100;
/** A forum post may carry at most five tags. */
const APPLIED_TAGS_MAX = 5;
const DEFAULT_AUTO_ARCHIVE = 4320;

export class Threads {
  /** Ids of messages published (crossposted), in order. */
  readonly crossposted: string[] = [];

  constructor(
    private readonly world: World,
    private readonly messages: MessageStore,
  ) {}

  /**
   * The channel POST /channels/{id}/messages may post in: a thread needs Send Messages in Threads (and is
   * reopened if archived, unless locked); a forum takes posts only through POST /channels/{id}/threads.
   */
  postable(channel: ResolvedChannel): ResolvedChannel {
    if (channel.type === ChannelType.GuildForum) throw apiError(400, ErrorCode.NonTextChannel);
    const thread = channel.thread;
    if (!thread) {
      this.world.assertBotCan(channel, Permission.SendMessages);
      return channel;
    }
    this.world.assertBotCan(channel, Permission.SendMessagesInThreads);
    if (thread.archived) {
      if (thread.locked && (this.world.botPermissionsIn(channel) & Permission.ManageThreads) === 0n) throw apiError(400, ErrorCode.ThreadArchived);
      this.#setArchived(channel, false);
    }
    return channel;
  }

  /** POST /channels/{id}/threads: a post in a forum (with its first message), else a thread without a message. */
  create(parent: ResolvedChannel, body: Json, files: UploadedFile[]): Json {
    if (parent.type === ChannelType.GuildForum) return this.#openForumPost(parent, body, files);
    const type = this.#threadTypeIn(parent);
    return this.world.channelPayload(this.world.addThread(parent, { ...this.#threadFields(body), type }));
  }

  /** POST /channels/{id}/messages/{message}/threads: the thread shares the message's id; one per message. */
  startFromMessage(parent: ResolvedChannel, message: StoredMessage, body: Json): Json {
    const type = this.#threadTypeIn(parent);
    if (this.world.channel(message.id)) throw apiError(400, ErrorCode.ThreadAlreadyCreated);
    return this.world.channelPayload(this.world.addThread(parent, { ...this.#threadFields(body), id: message.id, type }));
  }

  /** PATCH /channels/{thread}: `archived` (and `locked`, a moderator's); only threads are editable here. */
  patch(channel: ResolvedChannel, body: Json): Json {
    const thread = channel.thread;
    if (!thread) throw apiError(403, ErrorCode.MissingPermissions);
    const moderator = (this.world.botPermissionsIn(channel) & Permission.ManageThreads) !== 0n;
    if (typeof body.locked === 'boolean' && !moderator) throw apiError(403, ErrorCode.MissingPermissions);
    if (body.archived === false && thread.locked && !moderator) throw apiError(403, ErrorCode.MissingPermissions);
    if (typeof body.locked === 'boolean') thread.locked = body.locked;
    if (typeof body.archived === 'boolean') this.#setArchived(channel, body.archived);
    return this.world.channelPayload(channel);
  }

  /**
   * POST /channels/{id}/messages/{message}/crosspost: announcement channels only; the bot's own message needs
   * Send Messages, anyone else's Manage Messages too; a message is published once.
   */
  crosspost(channel: ResolvedChannel, message: StoredMessage): StoredMessage {
    if (channel.type !== ChannelType.GuildAnnouncement) throw apiError(400, ErrorCode.WrongChannelType);
    const own = message.author.id === this.world.botUser.id;
    this.world.assertBotCan(channel, own ? Permission.SendMessages : Permission.SendMessages | Permission.ManageMessages);
    if ((message.flags & MessageFlag.Crossposted) !== 0) throw apiError(400, ErrorCode.AlreadyCrossposted);
    message.flags |= MessageFlag.Crossposted;
    this.crossposted.push(message.id);
    return message;
  }

  /** Archives a thread as Discord does after inactivity, or as a moderator does (`locked`). */
  archive(thread: ResolvedChannel, { locked = false }: { locked?: boolean } = {}): void {
    if (!thread.thread) throw new Error(`Emulator: ${thread.id} is not a thread`);
    thread.thread.locked = locked;
    this.#setArchived(thread, true);
  }

  /** The type of a public thread started in `parent` (text: 11, announcement: 10), if the bot may start one there. */
  #threadTypeIn(parent: ResolvedChannel): number {
    if (parent.type !== ChannelType.GuildText && parent.type !== ChannelType.GuildAnnouncement) throw apiError(400, ErrorCode.WrongChannelType);
    this.world.assertBotCan(parent, Permission.CreatePublicThreads);
    return parent.type === ChannelType.GuildAnnouncement ? ChannelType.AnnouncementThread : ChannelType.PublicThread;
  }

  #openForumPost(forum: ResolvedChannel, body: Json, files: UploadedFile[]): Json {
    this.world.assertBotCan(forum, Permission.SendMessages);
    const errors = new FormErrorCollector();
    if (typeof body.message !== 'object' || body.message === null) errors.add(['message'], 'BASE_TYPE_REQUIRED', 'This field is required');
    const tags = asArray(body.applied_tags).map(String);
    errors.maxLength(['applied_tags'], tags, APPLIED_TAGS_MAX);
    tags.forEach((tag, i) => {
      if (!forum.availableTags.some(({ id }) => id === tag)) errors.add(['applied_tags', i], 'FORUM_TAG_UNKNOWN', 'Unknown tag');
    });
    const fields = this.#threadFields(body, errors);
    errors.throwIfAny();
    // The message is checked before the post is created; the post and its first message share one id.
    validateMessage(asObject(body.message), files.length);
    const post = this.world.addThread(forum, { ...fields, type: ChannelType.PublicThread, appliedTags: tags });
    const message = this.messages.post(post, asObject(body.message), files, { id: post.id });
    return { ...this.world.channelPayload(post), message };
  }

  /** `name` (1 to 100) and `auto_archive_duration` (60, 1440, 4320 or 10080 minutes) of a new thread. */
  #threadFields(body: Json, errors = new FormErrorCollector()): { name: string; autoArchiveDuration: number } {
    errors.lengthBetween(['name'], body.name, 1, THREAD_NAME_MAX);
    const duration = body.auto_archive_duration ?? DEFAULT_AUTO_ARCHIVE;
    if (!AUTO_ARCHIVE_DURATIONS.includes(duration as (typeof AUTO_ARCHIVE_DURATIONS)[number])) {
      errors.add(['auto_archive_duration'], 'BASE_TYPE_CHOICES', `Value must be one of (${AUTO_ARCHIVE_DURATIONS.join(', ')}).`);
    }
    errors.throwIfAny();
    return { name: String(body.name), autoArchiveDuration: Number(duration) };
  }

  #setArchived(channel: ResolvedChannel, archived: boolean): void {
    const thread = channel.thread!;
    thread.archived = archived;
    thread.archiveTimestamp = new Date().toISOString();
  }
}
