// Review before publishing (the studio): an editor proposes the drafts as they are, frozen; a reviewer other
// than the author approves the proposal, which publishes exactly that snapshot through commit() (or schedules
// it), or sends it back with a comment. Approval is refused once the current release has moved since the
// proposal: what the reviewer saw compared with is no longer what it would replace, so it is proposed again.
import type { ContentError } from '../briefing/content-error.js';
import { commit, planContent, planPublish, type Committed } from './publish.js';
import type { Proposal, ProposalStore } from './proposals.js';
import { snapshotOf } from './snapshot.js';
import type { ReleaseStore } from './store.js';

export interface ReviewStores {
  releases: ReleaseStore;
  proposals: ProposalStore;
}

export interface Person {
  id: string;
  name: string;
}

/** Why a review step cannot be taken: `forbidden` (not this person), `conflict` (the state moved), `invalid` (fix and retry). */
export class ReviewRefusal extends Error {
  constructor(
    readonly reason: 'forbidden' | 'conflict' | 'invalid' | 'missing',
    message: string,
    readonly findings: readonly ContentError[] = [],
  ) {
    super(message);
  }
}

export interface ProposeOptions {
  contentDir: string;
  message: string;
  at?: Date;
  allowPartial?: boolean;
}

/** Freezes the drafts as a proposal, if they could be published now; refuses with every reason otherwise. */
export async function propose(stores: ReviewStores, author: Person, options: ProposeOptions): Promise<Proposal> {
  if (options.message.trim() === '') throw new ReviewRefusal('invalid', 'say in a few words what this release brings: the message is for the history and the reviewer');
  const plan = await planPublish(stores.releases, options);
  if (plan.refusals.length > 0 || !plan.content) throw new ReviewRefusal('invalid', plan.refusals.join('\n'), plan.findings);
  const id = await stores.proposals.create({
    authorId: author.id,
    authorName: author.name,
    message: options.message.trim(),
    snapshot: snapshotOf(plan.content),
    baseId: plan.base?.id ?? null,
    scheduledFor: plan.scheduledFor?.toISOString() ?? null,
  });
  return (await stores.proposals.get(id))!;
}

async function open(stores: ReviewStores, id: number): Promise<Proposal> {
  const proposal = await stores.proposals.get(id);
  if (!proposal) throw new ReviewRefusal('missing', `there is no proposal #${id}`);
  if (proposal.status !== 'proposed') throw new ReviewRefusal('conflict', `proposal #${id} is ${proposal.status} already`);
  return proposal;
}

/**
 * Publishes the proposal's snapshot (or schedules it). `ownAllowed`: the studio on loopback is one person, who
 * proposes and publishes; signed in, nobody approves their own proposal.
 */
export async function approve(stores: ReviewStores, id: number, reviewer: Person, { ownAllowed = false, comment = null as string | null } = {}): Promise<Committed> {
  const proposal = await open(stores, id);
  if (proposal.authorId === reviewer.id && !ownAllowed) throw new ReviewRefusal('forbidden', 'nobody approves their own proposal: another reviewer must');
  const current = await stores.releases.current();
  if ((current?.id ?? null) !== proposal.baseId) {
    const moved = `release #${current?.id ?? 'none'} is current now, not #${proposal.baseId ?? 'none'} as when this was proposed`;
    throw new ReviewRefusal('conflict', `${moved}: send it back and propose again, so the review compares with what readers have`);
  }
  const content = await stores.releases.content({ id: proposal.baseId ?? 0, contentHash: proposal.contentHash });
  // The snapshot was judged whole when it was proposed (half-written editions included); only the state may have moved.
  const at = proposal.scheduledFor ? new Date(proposal.scheduledFor) : undefined;
  const plan = await planContent(stores.releases, content, { allowPartial: true, ...(at ? { at } : {}) });
  if (plan.refusals.length > 0) throw new ReviewRefusal('conflict', plan.refusals.join('\n'));
  const committed = await commit(stores.releases, plan, proposal.authorName, proposal.message, reviewer.name);
  if (committed.status === 'base-moved') throw new ReviewRefusal('conflict', 'another release was published while this one was being approved; nothing changed: propose again');
  await stores.proposals.review(id, { status: 'approved', reviewerId: reviewer.id, reviewerName: reviewer.name, comment, releaseId: committed.release.id });
  return committed;
}

export async function sendBack(stores: ReviewStores, id: number, reviewer: Person, comment: string): Promise<void> {
  const proposal = await open(stores, id);
  if (proposal.authorId === reviewer.id) throw new ReviewRefusal('forbidden', 'to take back your own proposal, withdraw it');
  if (comment.trim() === '') throw new ReviewRefusal('invalid', 'say what needs changing: the author reads your comment');
  if (!(await stores.proposals.review(id, { status: 'sent-back', reviewerId: reviewer.id, reviewerName: reviewer.name, comment: comment.trim() }))) {
    throw new ReviewRefusal('conflict', `proposal #${id} was reviewed meanwhile`);
  }
}

export async function withdraw(stores: ReviewStores, id: number, author: Person): Promise<void> {
  const proposal = await open(stores, id);
  if (proposal.authorId !== author.id) throw new ReviewRefusal('forbidden', 'only its author withdraws a proposal; a reviewer sends it back');
  if (!(await stores.proposals.review(id, { status: 'withdrawn', reviewerId: author.id, reviewerName: author.name, comment: null }))) {
    throw new ReviewRefusal('conflict', `proposal #${id} was reviewed meanwhile`);
  }
}
