// Publishing: the only way news reaches readers. A plan checks the drafts with the content checker and says
// what the release would change and why it cannot go out, if it cannot; committing it writes the release and
// makes it current in one step (or schedules it), and only if the release it was built on is still current.
// The publish command (and the studio) go through here; at its time a scheduled release is published by the
// bots (scheduled.ts).
import type { BriefingContent } from '../briefing/briefing.js';
import type { ContentError } from '../briefing/content-error.js';
import { checkContent } from '../checker/check.js';
import { changeSet, isUnchanged, type ChangeSet } from './change-set.js';
import { introducerOf, type Release, type ReleaseKind, type ReleaseMeta } from './release.js';
import { snapshotOf } from './snapshot.js';
import type { ReleaseStore } from './store.js';

export interface ReleasePlan {
  kind: ReleaseKind;
  /** What the content checker found in the drafts (none for a rollback). */
  findings: ContentError[];
  /** Why the release cannot go out; none: it can. */
  refusals: string[];
  base: Release | undefined;
  baseContent: BriefingContent | undefined;
  /** The content readers would get; undefined when the drafts do not load. */
  content: BriefingContent | undefined;
  changes: ChangeSet | undefined;
  scheduledFor?: Date;
  rollbackOf?: number;
}

export interface PublishOptions {
  contentDir: string;
  /** Publish at this time instead of at once. */
  at?: Date;
  /** Publish editions that look half-written (no items, or no *Since*) all the same. */
  allowPartial?: boolean;
  now?: Date;
}

export async function planPublish(store: ReleaseStore, options: PublishOptions): Promise<ReleasePlan> {
  const report = await checkContent(options.contentDir);
  const errors = report.findings.filter((finding) => finding.severity === 'error').length;
  const refusals = errors > 0 ? [`the drafts in ${options.contentDir} have ${errors} error${errors === 1 ? '' : 's'} (above): nothing is published until they are fixed`] : [];
  return planContent(store, report.briefing?.content, { ...options, findings: report.findings, refusals });
}

export interface ContentPlanOptions extends Omit<PublishOptions, 'contentDir'> {
  findings?: ContentError[];
  /** Refusals already found (errors in the drafts). */
  refusals?: string[];
}

/**
 * A release of `content` on top of the current release: the drafts as just checked, or the snapshot a proposal
 * froze for review (the studio), so what a reviewer approves is exactly what is published.
 */
export async function planContent(store: ReleaseStore, content: BriefingContent | undefined, options: ContentPlanOptions): Promise<ReleasePlan> {
  const { at, allowPartial = false, now = new Date(), findings = [], refusals = [] } = options;
  const base = await store.current();
  const baseContent = base && (await store.content(base));
  const plan: ReleasePlan = { kind: 'publish', findings, refusals: [...refusals], base, baseContent, content, changes: undefined, ...(at ? { scheduledFor: at } : {}) };
  if (at && at.getTime() <= now.getTime()) plan.refusals.push(`--at ${at.toISOString()} is not in the future: leave --at out to publish now`);
  for (const pending of await store.pending()) {
    plan.refusals.push(`release #${pending.id} is scheduled for ${pending.scheduledFor}: cancel it first (npm run publish -- --cancel ${pending.id}), then publish`);
  }
  if (!plan.content) return plan;
  plan.changes = changeSet(baseContent, plan.content);
  if (base && isUnchanged(plan.changes)) plan.refusals.push(`nothing to publish: the drafts are what release #${base.id} already serves`);
  if (!allowPartial) plan.refusals.push(...halfWritten(plan.content, [...plan.changes.editions.added, ...plan.changes.editions.changed]));
  return plan;
}

/** A rollback: release `targetId`'s content, current again, as a new release that names it. */
export async function planRollback(store: ReleaseStore, targetId: number): Promise<ReleasePlan> {
  const base = await store.current();
  const target = await store.get(targetId);
  const plan: ReleasePlan = { kind: 'rollback', findings: [], refusals: [], base, baseContent: base && (await store.content(base)), content: undefined, changes: undefined, rollbackOf: targetId };
  if (!target || !target.publishedAt) {
    plan.refusals.push(`release #${targetId} ${target ? 'was never published' : 'does not exist'}: npm run releases lists the ones you can roll back to`);
    return plan;
  }
  if (target.id === base?.id) {
    plan.refusals.push(`release #${targetId} is the current release already`);
    return plan;
  }
  plan.content = await store.content(target);
  plan.changes = changeSet(plan.baseContent, plan.content);
  return plan;
}

/**
 * Editions this release adds or changes that look half-written: no position, quote or event at all, or (after
 * the first edition) no *Since* summary, which is what /brief leads with and what the announcement tells.
 */
export function halfWritten(content: BriefingContent, editionIds: readonly string[]): string[] {
  const items = [...content.allPositions, ...content.quotes, ...content.timeline];
  const first = content.editions[0]?.id;
  return editionIds.flatMap((id) => {
    const edition = content.editions.find((candidate) => candidate.id === id);
    if (!edition) return [];
    if (!items.some((item) => item.edition === id)) return [`edition ${id} has no positions, quotes or timeline events: it looks half-written (publish it anyway with --allow-partial)`];
    if (id !== first && (edition.summary.since ?? []).length === 0) return [`edition ${id} has no \`since\` summary, which /brief and its announcement lead with (publish it anyway with --allow-partial)`];
    return [];
  });
}

/** What a release records for recaps: which release brought each edition, and the corrections it holds. */
function metaOf(content: BriefingContent, base: Release | undefined, baseContent: BriefingContent | undefined): ReleaseMeta {
  const carried = new Set(baseContent?.editions.map((edition) => edition.id));
  const introducedBy: Record<string, number> = {};
  for (const { id } of content.editions) if (base && carried.has(id)) introducedBy[id] = introducerOf(base, id);
  return { introducedBy, corrections: content.corrections.map((correction) => correction.id) };
}

export type Committed =
  | { status: 'published' | 'scheduled'; release: Release }
  /** Another release became current while this one was being made: it was cancelled, nothing changed. */
  | { status: 'base-moved'; release: Release };

/** Writes the planned release and publishes it (or leaves it scheduled). The plan must have no refusals. */
/** `approvedBy`: the reviewer who approved it in the studio (none for npm run publish). */
export async function commit(store: ReleaseStore, plan: ReleasePlan, by: string, message: string, approvedBy: string | null = null): Promise<Committed> {
  if (plan.refusals.length > 0 || !plan.content || !plan.changes) throw new Error(`a refused release cannot be committed: ${plan.refusals.join('; ')}`);
  if (plan.kind === 'rollback') {
    // An older release current again: what was scheduled on top of the newer one no longer fits.
    for (const pending of await store.pending()) await store.cancel(pending.id, `cancelled by the rollback to release #${plan.rollbackOf}`);
  }
  const id = await store.create({
    kind: plan.kind,
    createdBy: by,
    approvedBy,
    message,
    snapshot: snapshotOf(plan.content),
    baseId: plan.base?.id ?? null,
    rollbackOf: plan.rollbackOf ?? null,
    scheduledFor: plan.scheduledFor?.toISOString() ?? null,
    changes: plan.changes,
    meta: metaOf(plan.content, plan.base, plan.baseContent),
  });
  if (plan.scheduledFor) return { status: 'scheduled', release: (await store.get(id))! };
  const outcome = await store.publish(id, plan.base?.id ?? null);
  if (outcome !== 'published') await store.cancel(id, 'another release was published while this one was being made; nothing changed: publish again');
  return { status: outcome === 'published' ? 'published' : 'base-moved', release: (await store.get(id))! };
}
