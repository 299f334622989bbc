// The archive quotes are verified against: a folder of source texts named <source-id>.txt.
// A source without a file of its own is read from the nearest source along its `via` chain, so a post
// embedded in a wire report is verified against the wire report's text.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { displayPath } from '../briefing/content-file.js';
import { type ContentError } from '../briefing/content-error.js';
import type { Source } from '../briefing/schema.js';
import { PassageFinder } from './closest-passage.js';
import { plainTypography, type PlainText } from './typography.js';

export interface ArchivedText {
  /** The source whose file this is. */
  sourceId: string;
  file: string;
  content: PlainText;
  passages: PassageFinder;
}

const EXTENSION = '.txt';

export class Archive {
  private constructor(
    readonly dir: string,
    private readonly texts: ReadonlyMap<string, ArchivedText>,
    private readonly sourceById: ReadonlyMap<string, Source>,
    /** Files in the folder that match no source id (a misnamed file would leave its quotes unverified). */
    readonly strays: readonly ContentError[],
  ) {}

  static async read(dir: string, sources: readonly Source[]): Promise<Archive> {
    const sourceById = new Map(sources.map((source) => [source.id, source]));
    const texts = new Map<string, ArchivedText>();
    const strays: ContentError[] = [];
    for (const name of (await readdir(dir)).filter((entry) => entry.endsWith(EXTENSION)).sort()) {
      const file = displayPath(path.join(dir, name));
      const sourceId = name.slice(0, -EXTENSION.length);
      if (!sourceById.has(sourceId)) {
        strays.push({ file, path: '', message: `no source has the id "${sourceId}"; archive files are named <source-id>${EXTENSION}`, severity: 'warning' });
        continue;
      }
      const content = plainTypography(await readFile(path.join(dir, name), 'utf8'));
      texts.set(sourceId, { sourceId, file, content, passages: new PassageFinder(content) });
    }
    return new Archive(dir, texts, sourceById, strays);
  }

  /** The sources whose files are tried for `sourceId`, in order: itself, then each `via` in turn. */
  chain(sourceId: string): string[] {
    const chain: string[] = [];
    for (let id: string | undefined = sourceId; id !== undefined && !chain.includes(id); id = this.sourceById.get(id)?.via) chain.push(id);
    return chain;
  }

  /** The text `sourceId` is verified against, or undefined when no source along its chain is archived. */
  textFor(sourceId: string): ArchivedText | undefined {
    for (const id of this.chain(sourceId)) {
      const text = this.texts.get(id);
      if (text) return text;
    }
    return undefined;
  }

  /** The file names tried for `sourceId`, in order. */
  fileNames(sourceId: string): string[] {
    return this.chain(sourceId).map((id) => `${id}${EXTENSION}`);
  }
}
