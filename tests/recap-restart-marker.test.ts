// After a restart, a claim abandoned more than 5 minutes ago (past Discord's memory of its nonce) is
// looked for in the channel, by the marker every recap carries, before it is posted again.
import { summarize } from '../commands/brief.js';
import { hostname } from 'node:os';
import type { RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.js';
import { openDatabase } from '../src/recaps/database.js';
import { findMarked, markerFor, nonceFor, type PostedMessage } from '../src/recaps/delivery.js';
import { RecapScheduler } from '../src/recaps/scheduler.js';
import { startEmulator, type Emulator } from './emulator/index.js';
import { shippedBriefing } from './support/content.js';
import { added } from './support/subscriptions.js';
import { plainChannelOnly } from './support/poster.js';
import { SqlDeliveryLedger } from '../src/recaps/sql-ledger.js';
import { SqlSubscriptionStore } from '../src/recaps/sql-subscriptions.js';
import { sqliteSql } from '../src/storage/sql.js';

const silent = createLogger({ LOG_LEVEL: 'silent' }, []);
const CHANNEL = '3'.repeat(18);

/** A scheduler starting up with a claim a dead process left `minutesAgo`, and a channel already holding `inChannel`. */
/** `forumPost`: the recap posts in a forum, into this recorded post; `openPosts`: the forum's active posts (parent `CHANNEL`). */
async function restartWith(
  minutesAgo: number,
  inChannel: (subscriptionId: number, slot: string) => PostedMessage[],
  { forumPost, openPosts }: { forumPost?: string; openPosts?: string[] } = {},
) {
  const db = openDatabase(':memory:');
  const subscriptions = new SqlSubscriptionStore(sqliteSql(db));
  const ledger = new SqlDeliveryLedger(sqliteSql(db));
  const kind = forumPost || openPosts ? ({ channelKind: 'forum' } as const) : {};
  const subscription = await added(subscriptions.add({ guildId: '2'.repeat(18), channelId: CHANNEL, schedule: 'daily 08:00', cron: '0 8 * * *', timezone: 'UTC', whenQuiet: 'post', createdBy: null, ...kind }));
  if (forumPost) await subscriptions.setThread(subscription.id, forumPost);
  const slot = new Date(Date.now() - minutesAgo * 60_000).toISOString();
  // Claimed by a process on this host that no longer exists, `minutesAgo` minutes ago.
  await ledger.claim(subscription.id, slot, CHANNEL, `${hostname()}/2147483646/dead0000`);
  db.prepare('UPDATE deliveries SET claimed_at = ?').run(slot);
  const posted: RESTPostAPIChannelMessageJSONBody[] = [];
  let lookedUp = 0;
  const lookedIn: string[] = [];
  const poster = {
    ...plainChannelOnly,
    post: async (_channel: string, body: RESTPostAPIChannelMessageJSONBody) => (posted.push(body), { id: 'new-post' }),
    recent: async (channelId: string) => (lookedUp++, lookedIn.push(channelId), channelId === openPosts?.at(-1) || !openPosts ? inChannel(subscription.id, slot) : []),
    activeThreads: async () => [{ id: 'elsewhere', parent_id: '9'.repeat(18) }, ...(openPosts ?? []).map((id) => ({ id, parent_id: CHANNEL }))],
    edit: async () => ({}),
  };
  const briefing = await shippedBriefing();
  const scheduler = new RecapScheduler({ subscriptions, ledger, poster, briefing: () => briefing, summarize, staleAfterDays: 7, log: silent, backoffMs: [0] }, { catchupMinutes: 60 }, silent);
  await scheduler.start();
  await scheduler.stop();
  return { posted, lookedUp, lookedIn, subscriptions, delivery: (await ledger.forSubscription(subscription.id)).find((row) => row.slot === slot), subscription, slot };
}

const markedMessage = (subscriptionId: number, slot: string): PostedMessage => ({
  id: 'landed-before',
  embeds: [{ footer: { text: `Recap · edition of 26 Nov 2025 · ${markerFor(nonceFor(subscriptionId, slot))}` } }],
});

describe('finishing an abandoned claim after a restart', () => {
  it('a claim left 10 minutes ago whose message already landed is settled, not posted twice', async () => {
    const { posted, lookedUp, delivery } = await restartWith(10, (id, slot) => [{ id: 'other', content: 'hello' }, markedMessage(id, slot)]);
    expect(lookedUp).toBe(1);
    expect(posted).toHaveLength(0);
    expect(delivery).toMatchObject({ status: 'delivered', messageId: 'landed-before' });
  });

  it('a claim left 10 minutes ago whose message never landed is posted once, carrying its marker', async () => {
    const { posted, delivery, subscription, slot } = await restartWith(10, () => [{ id: 'other', content: 'hello' }]);
    expect(posted).toHaveLength(1);
    expect(findMarked([{ id: 'x', ...posted[0]! } as PostedMessage], subscription.id, slot)).toBeDefined();
    expect(delivery).toMatchObject({ status: 'delivered', messageId: 'new-post' });
  });

  it("a forum recap is looked for in the story's post, and recorded as posted there", async () => {
    const { posted, lookedIn, delivery } = await restartWith(10, (id, slot) => [markedMessage(id, slot)], { forumPost: '4'.repeat(18) });
    expect(lookedIn).toEqual(['4'.repeat(18)]);
    expect(posted).toHaveLength(0);
    expect(delivery).toMatchObject({ status: 'delivered', messageId: 'landed-before', threadId: '4'.repeat(18) });
  });

  it("a forum post the earlier run opened but never recorded is found among the forum's open posts, even within the nonce's minutes", async () => {
    const { posted, lookedIn, delivery, subscriptions, subscription } = await restartWith(2, (id, slot) => [markedMessage(id, slot)], { openPosts: ['5'.repeat(18), '6'.repeat(18)] });
    expect(lookedIn).toEqual(['5'.repeat(18), '6'.repeat(18)]);
    expect(posted).toHaveLength(0);
    expect(delivery).toMatchObject({ status: 'delivered', messageId: 'landed-before', threadId: '6'.repeat(18) });
    expect((await subscriptions.get(subscription.id))!.threadId).toBe('6'.repeat(18));
  });

  it('a claim left 2 minutes ago relies on the nonce, without reading the channel', async () => {
    const { posted, lookedUp } = await restartWith(2, () => []);
    expect(lookedUp).toBe(0);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.nonce).toBeDefined();
  });
});

describe("the emulator's GET /channels/{id}/messages", () => {
  let emulator: Emulator | undefined;
  afterEach(async () => {
    await emulator?.close();
  });

  it('lists a channel newest first, at most `limit`', async () => {
    emulator = await startEmulator({ guilds: [{ name: 'Newsroom', channels: [{ name: 'talks' }] }] });
    const talks = emulator.channel('talks').id;
    const api = `${emulator.restUrl}/v10/channels/${talks}/messages`;
    const headers = { authorization: `Bot ${emulator.token}`, 'content-type': 'application/json' };
    for (const content of ['one', 'two', 'three']) await fetch(api, { method: 'POST', headers, body: JSON.stringify({ content }) });
    const listed = (await (await fetch(`${api}?limit=2`, { headers })).json()) as { content: string }[];
    expect(listed.map((message) => message.content)).toEqual(['three', 'two']);
  });
});
