// Releases as the editors' tools print them: id, state, time, who, why, and what changed, in two lines.
import { summarizeChanges } from './change-set.js';
import { stateOf, type Release } from './release.js';

const minute = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

export function formatRelease(release: Release, currentId: number | undefined): string {
  const state = stateOf(release, currentId);
  const when =
    state === 'scheduled' ? `for ${minute(release.scheduledFor!)}` : state === 'cancelled' ? `cancelled ${minute(release.cancelledAt!)}` : minute(release.publishedAt!);
  const kind = release.kind === 'rollback' ? ` rollback to #${release.rollbackOf}` : '';
  const why = state === 'cancelled' && release.cancelReason ? ` (${release.cancelReason})` : '';
  const approved = release.approvedBy ? `, approved by ${release.approvedBy}` : '';
  return `#${release.id} ${state}${kind} ${when} by ${release.createdBy}${approved}: "${release.message}"${why}\n    ${summarizeChanges(release.changes)}`;
}
