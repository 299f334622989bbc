// Scheduled releases, run by every bot: one whose time has come is published once, whichever process asks
// first (the store decides); one whose base is no longer current is cancelled rather than undo what was
// published since. Kept apart from publishing proper, which reads the drafts: the bot never does.
import type { Release } from './release.js';
import type { ReleaseStore } from './store.js';

/** Publishes (or cancels) every scheduled release whose time has come. */
export async function publishDue(store: ReleaseStore, now = new Date()): Promise<{ published: Release[]; cancelled: Release[] }> {
  const result = { published: [] as Release[], cancelled: [] as Release[] };
  for (const release of await store.pending()) {
    if (!release.scheduledFor || Date.parse(release.scheduledFor) > now.getTime()) continue;
    const outcome = await store.publish(release.id, release.baseId, now);
    if (outcome === 'published') result.published.push(release);
    else if (outcome === 'base-moved' && (await store.cancel(release.id, 'another release became current before its time: publish it again'))) result.cancelled.push(release);
  }
  return result;
}
