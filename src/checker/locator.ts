// Where each content item was written: its file and field path, so a checker finding about an item
// can point the editor at a line. Reads the files with the loader's own reader; parses nothing itself.
import type { ContentFile } from '../briefing/content-file.js';
import { readContentTree, type ReadOptions } from '../briefing/content-folder.js';
import type { FieldPath } from '../briefing/field-path.js';
import { type ContentError } from '../briefing/content-error.js';

export type ItemKind = 'actor' | 'topic' | 'source' | 'position' | 'quote' | 'event' | 'correction' | 'edition';

/** The files that list items, by name: which kind of item they list, and under which key. */
const LISTS: Readonly<Record<string, { kind: ItemKind; key: string }>> = {
  'actors.yaml': { kind: 'actor', key: 'actors' },
  'topics.yaml': { kind: 'topic', key: 'topics' },
  'sources.yaml': { kind: 'source', key: 'sources' },
  'positions.yaml': { kind: 'position', key: 'positions' },
  'quotes.yaml': { kind: 'quote', key: 'quotes' },
  'timeline.yaml': { kind: 'event', key: 'timeline' },
  'corrections.yaml': { kind: 'correction', key: 'corrections' },
};

export interface ItemLocation {
  file: ContentFile;
  path: FieldPath;
}

export class ContentLocator {
  private constructor(
    readonly contentDir: string,
    /** Every content file, story files first. */
    readonly files: readonly ContentFile[],
    private readonly items: ReadonlyMap<string, ItemLocation>,
  ) {}

  /** Call once the content loads: ids are then known to be unique within their kind. */
  static async read(contentDir: string, options: ReadOptions = {}): Promise<ContentLocator> {
    const tree = await readContentTree(contentDir, options);
    const files = [...tree.storyFiles.values(), ...[...tree.editions.values()].flatMap((editionFiles) => [...editionFiles.values()])];
    const items = new Map<string, ItemLocation>();
    for (const file of files) {
      if (file.name === 'edition.yaml' && file.edition !== undefined) items.set(key('edition', file.edition), { file, path: [] });
      const list = LISTS[file.name];
      const entries = list && (file.data as Record<string, unknown> | null)?.[list.key];
      if (!list || !Array.isArray(entries)) continue;
      entries.forEach((item: { id?: unknown } | null, index) => {
        if (typeof item?.id === 'string') items.set(key(list.kind, item.id), { file, path: [list.key, index] });
      });
    }
    return new ContentLocator(contentDir, files, items);
  }

  at(kind: ItemKind, id: string): ItemLocation {
    const location = this.items.get(key(kind, id));
    if (!location) throw new Error(`no ${kind} "${id}" in ${this.contentDir}: was it changed while being checked?`);
    return location;
  }

  /** A finding about `field` of one item, e.g. ('quote', 'rutte-long-way', ['text']). */
  finding(kind: ItemKind, id: string, field: FieldPath, message: string, severity: ContentError['severity']): ContentError {
    const { file, path } = this.at(kind, id);
    return file.error([...path, ...field], message, severity);
  }
}

function key(kind: ItemKind, id: string): string {
  return `${kind}/${id}`;
}
