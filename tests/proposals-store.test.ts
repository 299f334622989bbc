// Release proposals, one contract over both engines: a proposal keeps its frozen snapshot, is listed newest first,
// and is reviewed once (approved, sent back or withdrawn); a release records who approved it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BriefingContent } from '../src/briefing/briefing.js';
import { changeSet } from '../src/releases/change-set.js';
import { formatRelease } from '../src/releases/listing.js';
import { snapshotOf } from '../src/releases/snapshot.js';
import { shippedBriefing } from './support/content.js';
import { storageEngines } from './support/engines.js';

const { engines, cleanup } = storageEngines('proposals');
afterAll(cleanup);

let content: BriefingContent;
beforeAll(async () => {
  content = (await shippedBriefing()).content;
});

describe.each(engines)('release proposals on $name', (engine) => {
  it('freezes the snapshot, lists newest first and is reviewed once', async () => {
    const { proposals, releases } = await engine.open();
    const snapshot = snapshotOf(content);
    const first = await proposals.create({ authorId: '1', authorName: 'Ann', message: 'First', snapshot, baseId: null, scheduledFor: null });
    const second = await proposals.create({ authorId: '1', authorName: 'Ann', message: 'Second', snapshot, baseId: null, scheduledFor: '2030-01-01T06:00:00.000Z' });
    expect((await proposals.list()).map((proposal) => proposal.message)).toEqual(['Second', 'First']);
    expect(await proposals.get(first)).toMatchObject({ authorName: 'Ann', contentHash: snapshot.hash, status: 'proposed', reviewerId: null, releaseId: null });
    expect(await releases.content({ id: 0, contentHash: snapshot.hash })).toEqual(JSON.parse(JSON.stringify(content)));
    expect(await proposals.review(second, { status: 'sent-back', reviewerId: '2', reviewerName: 'Rev', comment: 'Not yet' })).toBe(true);
    expect(await proposals.review(second, { status: 'approved', reviewerId: '2', reviewerName: 'Rev', comment: null, releaseId: 1 })).toBe(false);
    expect(await proposals.get(second)).toMatchObject({ status: 'sent-back', reviewerName: 'Rev', comment: 'Not yet', releaseId: null });
  });

  it('records who approved a release, and the history says so', async () => {
    const { releases } = await engine.open();
    const id = await releases.create({ kind: 'publish', createdBy: 'Ann', approvedBy: 'Rev', message: 'Edition', snapshot: snapshotOf(content), baseId: null, changes: changeSet(undefined, content), meta: { introducedBy: {}, corrections: [] } });
    expect(await releases.publish(id, null)).toBe('published');
    const release = (await releases.get(id))!;
    expect(release.approvedBy).toBe('Rev');
    expect(formatRelease(release, id)).toMatch(/^#1 current .* by Ann, approved by Rev: "Edition"/);
  });
});
