// What a release changes against the one it was built on: editions added, changed and removed; items of
// every kind added, changed and removed; and the items its new corrections correct. Computed from the two
// briefings' content, so it says what readers will see change, whatever files were touched.
import type { BriefingContent } from '../briefing/briefing.js';

export const ITEM_KINDS = ['position', 'quote', 'event', 'correction', 'actor', 'topic', 'source'] as const;
export type ChangedKind = (typeof ITEM_KINDS)[number];

export interface Changed {
  added: string[];
  changed: string[];
  removed: string[];
}

export interface ChangeSet {
  story: boolean;
  editions: Changed;
  items: Record<ChangedKind, Changed>;
  /** `kind:id` of every item a correction new in this release corrects. */
  corrected: string[];
}

type Identified = { id: string };

function itemsOf(content: BriefingContent | undefined): Record<ChangedKind, readonly Identified[]> {
  return {
    position: content?.allPositions ?? [],
    quote: content?.quotes ?? [],
    event: content?.timeline ?? [],
    correction: content?.corrections ?? [],
    actor: content?.actors ?? [],
    topic: content?.topics ?? [],
    source: content?.sources ?? [],
  };
}

/** Added, changed (any field differs) and removed ids, each in the order the content lists them. */
function compare(before: readonly Identified[], after: readonly Identified[]): Changed {
  const old = new Map(before.map((item) => [item.id, JSON.stringify(item)]));
  const kept = new Set(after.map((item) => item.id));
  return {
    added: after.filter((item) => !old.has(item.id)).map((item) => item.id),
    changed: after.filter((item) => old.has(item.id) && old.get(item.id) !== JSON.stringify(item)).map((item) => item.id),
    removed: before.filter((item) => !kept.has(item.id)).map((item) => item.id),
  };
}

export function changeSet(base: BriefingContent | undefined, next: BriefingContent): ChangeSet {
  const before = itemsOf(base);
  const after = itemsOf(next);
  const items = Object.fromEntries(ITEM_KINDS.map((kind) => [kind, compare(before[kind], after[kind])])) as Record<ChangedKind, Changed>;
  const added = new Set(items.correction.added);
  const corrected = next.corrections.filter((correction) => added.has(correction.id)).flatMap((correction) => correction.items.map((item) => `${item.kind}:${item.id}`));
  return {
    story: base !== undefined && JSON.stringify(base.story) !== JSON.stringify(next.story),
    editions: compare(base?.editions ?? [], next.editions),
    items,
    corrected: [...new Set(corrected)],
  };
}

export function isUnchanged(changes: ChangeSet): boolean {
  return !changes.story && [changes.editions, ...Object.values(changes.items)].every((changed) => changed.added.length + changed.changed.length + changed.removed.length === 0);
}

const PLURAL: Record<ChangedKind | 'edition', string> = {
  edition: 'editions',
  position: 'positions',
  quote: 'quotes',
  event: 'events',
  correction: 'corrections',
  actor: 'actors',
  topic: 'topics',
  source: 'sources',
};
/** Ids named per line; the rest are counted. */
const IDS_SHOWN = 8;

function idList(ids: readonly string[]): string {
  const shown = ids.slice(0, IDS_SHOWN).join(', ');
  return ids.length > IDS_SHOWN ? `${shown} and ${ids.length - IDS_SHOWN} more` : shown;
}

/** One line per kind that changed, e.g. `quotes: 2 added (a, b); 1 changed (c)`; none when nothing did. */
export function describeChanges(changes: ChangeSet): string[] {
  const line = (kind: ChangedKind | 'edition', { added, changed, removed }: Changed) => {
    const parts = ([['added', added], ['changed', changed], ['removed', removed]] as const)
      .filter(([, ids]) => ids.length > 0)
      .map(([verb, ids]) => `${ids.length} ${verb} (${idList(ids)})`);
    return parts.length > 0 ? [`${PLURAL[kind]}: ${parts.join('; ')}`] : [];
  };
  return [
    ...(changes.story ? ['story: changed'] : []),
    ...line('edition', changes.editions),
    ...ITEM_KINDS.flatMap((kind) => line(kind, changes.items[kind])),
    ...(changes.corrected.length > 0 ? [`corrected: ${idList(changes.corrected)}`] : []),
  ];
}

/** `1 edition added, 22 positions (16 added, 6 changed), 29 quotes added`: a release's changes in one short line, for listings. */
export function summarizeChanges(changes: ChangeSet): string {
  const part = (kind: ChangedKind | 'edition', { added, changed, removed }: Changed, removedVerb = 'removed') => {
    const verbs = ([[added, 'added'], [changed, 'changed'], [removed, removedVerb]] as const).filter(([ids]) => ids.length > 0);
    const n = added.length + changed.length + removed.length;
    if (n === 0) return [];
    const noun = n === 1 ? kind : PLURAL[kind];
    return [verbs.length === 1 ? `${n} ${noun} ${verbs[0]![1]}` : `${n} ${noun} (${verbs.map(([ids, verb]) => `${ids.length} ${verb}`).join(', ')})`];
  };
  const parts = [...part('edition', changes.editions, 'withdrawn'), ...ITEM_KINDS.flatMap((kind) => part(kind, changes.items[kind])), ...(changes.story ? ['story changed'] : [])];
  return parts.length > 0 ? parts.join(', ') : 'no change';
}
