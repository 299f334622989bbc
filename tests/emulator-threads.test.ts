// The emulator's forum channels, threads and announcement channels, through a real @discordjs/rest client:
// what Discord documents for forum posts, threads, archiving and crossposting, and the errors it answers.
import { DiscordAPIError, REST, Routes } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, MessageFlag, Permission, startEmulator, type Emulator } from './emulator/index.js';

let emulator: Emulator;
let rest: REST;
const ids = (name: string) => emulator.channel(name).id;

beforeAll(async () => {
  emulator = await startEmulator({
    guilds: [
      {
        channels: [
          { name: 'talks' },
          { name: 'news', type: 5 },
          { name: 'forum', type: 15, availableTags: [{ name: 'Ukraine' }, { name: 'Gaza' }] },
          { name: 'quiet-news', type: 5, botDenied: Permission.CreatePublicThreads },
        ],
      },
    ],
  });
  rest = new REST({ version: '10', api: emulator.restUrl, retries: 0 }).setToken(emulator.token);
});
afterAll(() => emulator.close());

/** The Discord error a request fails with. */
async function refusal(request: Promise<unknown>): Promise<{ status: number; code: number | string; message: string }> {
  const error = await request.then(() => undefined, (caught: unknown) => caught);
  if (!(error instanceof DiscordAPIError)) throw new Error(`expected a Discord error, got ${String(error)}`);
  return { status: error.status, code: error.code, message: error.message };
}

const post = (channelId: string, content = 'hello') => rest.post(Routes.channelMessages(channelId), { body: { content } }) as Promise<{ id: string }>;

describe('forum channels', () => {
  it('lists available tags, opens a tagged post whose first message shares its id, and refuses direct messages', async () => {
    const forum = (await rest.get(Routes.channel(ids('forum')))) as { type: number; available_tags: { id: string; name: string }[] };
    expect(forum.type).toBe(15);
    const ukraine = forum.available_tags.find(({ name }) => name === 'Ukraine')!;
    const opened = (await rest.post(Routes.threads(ids('forum')), {
      body: { name: 'Peace talks · 1 Dec 2026', auto_archive_duration: 10080, applied_tags: [ukraine.id], message: { content: 'first recap' } },
    })) as { id: string; type: number; parent_id: string; applied_tags: string[]; thread_metadata: { archived: boolean }; message: { id: string; channel_id: string } };
    expect(opened).toMatchObject({ type: 11, parent_id: ids('forum'), applied_tags: [ukraine.id], thread_metadata: { archived: false } });
    expect(opened.message).toMatchObject({ id: opened.id, channel_id: opened.id });
    expect(emulator.messages(opened.id).map(({ content }) => content)).toEqual(['first recap']);

    expect(await refusal(post(ids('forum')))).toMatchObject({ status: 400, code: ErrorCode.NonTextChannel });
    const unknownTag = await refusal(rest.post(Routes.threads(ids('forum')), { body: { name: 'x', applied_tags: ['1'.repeat(18)], message: { content: 'x' } } }));
    expect(unknownTag).toMatchObject({ status: 400, code: ErrorCode.InvalidFormBody });
    const noMessage = await refusal(rest.post(Routes.threads(ids('forum')), { body: { name: 'x' } }));
    expect(noMessage).toMatchObject({ status: 400, code: ErrorCode.InvalidFormBody });
  });

  it('reopens an archived post when the bot posts in it, refuses a locked one, and unarchives with PATCH', async () => {
    const opened = (await rest.post(Routes.threads(ids('forum')), { body: { name: 'story', message: { content: 'one' } } })) as { id: string };
    emulator.archiveThread(opened.id);
    await post(opened.id, 'two');
    expect(((await rest.get(Routes.channel(opened.id))) as { thread_metadata: { archived: boolean } }).thread_metadata.archived).toBe(false);

    emulator.archiveThread(opened.id, { locked: true });
    expect(await refusal(post(opened.id, 'three'))).toMatchObject({ status: 400, code: ErrorCode.ThreadArchived, message: 'Thread is archived' });
    expect(await refusal(rest.patch(Routes.channel(opened.id), { body: { archived: false } }))).toMatchObject({ status: 403, code: ErrorCode.MissingPermissions });

    emulator.archiveThread(opened.id);
    const reopened = (await rest.patch(Routes.channel(opened.id), { body: { archived: false } })) as { thread_metadata: { archived: boolean; locked: boolean } };
    expect(reopened.thread_metadata).toMatchObject({ archived: false, locked: false });

    emulator.deleteChannel(opened.id);
    expect(await refusal(post(opened.id))).toMatchObject({ status: 404, code: ErrorCode.UnknownChannel });
  });
});

describe('threads in text and announcement channels', () => {
  it('starts a thread from a message (sharing its id, once) and one without a message', async () => {
    const message = await post(ids('talks'), 'recap');
    const thread = (await rest.post(Routes.threads(ids('talks'), message.id), { body: { name: 'Recap · 1 Dec', auto_archive_duration: 1440 } })) as { id: string; type: number };
    expect(thread).toMatchObject({ id: message.id, type: 11 });
    expect(await refusal(rest.post(Routes.threads(ids('talks'), message.id), { body: { name: 'again' } }))).toMatchObject({ code: ErrorCode.ThreadAlreadyCreated });
    const news = await post(ids('news'));
    expect(((await rest.post(Routes.threads(ids('news'), news.id), { body: { name: 'n' } })) as { type: number }).type).toBe(10);
    const bare = (await rest.post(Routes.threads(ids('talks')), { body: { name: 'bare', type: 11 } })) as { id: string; parent_id: string };
    expect(bare.parent_id).toBe(ids('talks'));
    expect(emulator.threads(ids('talks')).map(({ id }) => id)).toEqual([message.id, bare.id]);
    expect(await refusal(rest.post(Routes.threads(ids('talks')), { body: { name: 'x', auto_archive_duration: 5 } }))).toMatchObject({ code: ErrorCode.InvalidFormBody });
  });

  it('lists the active threads of a server, not archived ones', async () => {
    const open = (await rest.post(Routes.threads(ids('talks')), { body: { name: 'open', type: 11 } })) as { id: string };
    const closed = (await rest.post(Routes.threads(ids('talks')), { body: { name: 'closed', type: 11 } })) as { id: string };
    emulator.archiveThread(closed.id);
    const { threads } = (await rest.get(Routes.guildActiveThreads(emulator.guilds[0]!.id))) as { threads: { id: string; parent_id: string }[] };
    expect(threads.map(({ id }) => id)).toContain(open.id);
    expect(threads.map(({ id }) => id)).not.toContain(closed.id);
  });

  it('needs Create Public Threads to start one', async () => {
    const message = await post(ids('quiet-news'));
    expect(await refusal(rest.post(Routes.threads(ids('quiet-news'), message.id), { body: { name: 'n' } }))).toMatchObject({ status: 403, code: ErrorCode.MissingPermissions });
  });
});

describe('crossposting', () => {
  it('publishes an announcement message once, and only in announcement channels', async () => {
    const message = await post(ids('news'));
    const published = (await rest.post(Routes.channelMessageCrosspost(ids('news'), message.id))) as { flags: number };
    expect(published.flags & MessageFlag.Crossposted).toBe(MessageFlag.Crossposted);
    expect(emulator.crossposted).toContain(message.id);
    expect(await refusal(rest.post(Routes.channelMessageCrosspost(ids('news'), message.id)))).toMatchObject({ status: 400, code: ErrorCode.AlreadyCrossposted });
    const plain = await post(ids('talks'));
    expect(await refusal(rest.post(Routes.channelMessageCrosspost(ids('talks'), plain.id)))).toMatchObject({ status: 400, code: ErrorCode.WrongChannelType });
  });
});
