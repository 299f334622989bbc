// A release: an immutable, validated snapshot of the whole briefing, who published it, when and why, and what
// it changed against the release it was built on. Readers are served the current release, never the drafts.
import type { ChangeSet } from './change-set.js';

export type ReleaseKind = 'publish' | 'rollback';

export interface ReleaseMeta {
  /**
   * Edition id -> the earlier release that first brought it, for editions carried over from the base release;
   * an edition not listed was brought by this release. An edition's announcement is claimed once per
   * (channel, edition, release that brought it): one withdrawn and published again is announced again.
   */
  introducedBy: Record<string, number>;
  /** Every correction the release holds: a recap made from it already showed them. */
  corrections: string[];
}

export interface Release {
  id: number;
  kind: ReleaseKind;
  createdAt: string;
  createdBy: string;
  /** The reviewer who approved it in the studio; null for a release published without review (npm run publish). */
  approvedBy: string | null;
  message: string;
  contentHash: string;
  /** The release that was current when this one was made: it is published only if that one still is. */
  baseId: number | null;
  rollbackOf: number | null;
  /** When it is to be published (ISO, UTC); null for one published at once. */
  scheduledFor: string | null;
  publishedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  changes: ChangeSet;
  meta: ReleaseMeta;
}

/** The release that brought `editionId` into `release` (the release itself unless carried over). */
export function introducerOf(release: Pick<Release, 'id' | 'meta'>, editionId: string): number {
  return release.meta.introducedBy[editionId] ?? release.id;
}

export type ReleaseState = 'current' | 'published' | 'scheduled' | 'cancelled';

export function stateOf(release: Release, currentId: number | undefined): ReleaseState {
  if (release.id === currentId) return 'current';
  if (release.publishedAt) return 'published';
  return release.cancelledAt ? 'cancelled' : 'scheduled';
}
