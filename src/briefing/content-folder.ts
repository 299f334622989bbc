// Reading the content folder: which files exist (story files, one folder per edition), each read safely
// (symbolic links refused, never followed; only regular files, at most MAX_FILE_BYTES, opened without
// blocking; an editor's unsaved text read in place of the file) and parsed into a ContentFile.
import { constants, type Dirent } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ContentError } from './content-error.js';
import { ContentFile, displayPath } from './content-file.js';
import { editionFiles, storyFiles } from './schema.js';

/** A content file larger than this is refused unread: 20 times the largest file of a briefing 100 times the shipped one. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

export interface ContentTree {
  storyFiles: Map<string, ContentFile>;
  /** Edition id (its folder name) -> its files, by name. */
  editions: Map<string, Map<string, ContentFile>>;
  errors: ContentError[];
}

const EDITIONS_FOLDER = 'editions';
/** Generated for editors (npm run content:schema), not content. */
const SCHEMA_FOLDER = 'schema';

/**
 * A file's text as an editor has it, not yet saved (the studio checks drafts as you type): read in place of
 * what is on disk at `file`, a path inside the content folder. Only a file that exists there is replaced.
 */
export interface Unsaved {
  file: string;
  text: string;
}

export interface ReadOptions {
  unsaved?: Unsaved | undefined;
}

/** Reads and parses every content file under `dir`; unexpected files are errors, not silently ignored. */
export async function readContentTree(dir: string, options: ReadOptions = {}): Promise<ContentTree> {
  const tree: ContentTree = { storyFiles: new Map(), editions: new Map(), errors: [] };
  const unexpected = (where: string, expected: readonly string[]) =>
    tree.errors.push({
      file: displayPath(where),
      path: '',
      message: `unexpected file; content files here are: ${expected.join(', ')}`,
      severity: 'error',
    });

  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (cause) {
    tree.errors.push({ file: displayPath(dir), path: '', message: `cannot read content folder: ${(cause as Error).message}`, severity: 'error' });
    return tree;
  }
  const unsaved = options.unsaved && { where: path.resolve(dir, options.unsaved.file), text: options.unsaved.text };
  const reads = readAhead(dir, entries, (name) => name in storyFiles, unsaved);
  for (const entry of entries) {
    const where = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) {
      refuseLink(where, tree);
    } else if (entry.isDirectory()) {
      if (entry.name === EDITIONS_FOLDER) await readEditions(where, tree, unexpected, unsaved);
      else if (entry.name !== SCHEMA_FOLDER) unexpected(where, [...Object.keys(storyFiles), `${EDITIONS_FOLDER}/`]);
    } else if (isContentName(entry.name)) {
      if (!(entry.name in storyFiles)) {
        unexpected(where, Object.keys(storyFiles));
        continue;
      }
      const parsed = parseFile(where, await reads.get(entry.name)!, tree);
      if (parsed) tree.storyFiles.set(entry.name, parsed);
    }
  }
  return tree;
}

type UnsavedAt = { where: string; text: string } | undefined;

async function readEditions(editionsDir: string, tree: ContentTree, unexpected: (where: string, expected: readonly string[]) => void, unsaved: UnsavedAt) {
  const editionEntries = await listFolder(editionsDir, tree);
  for (const entry of editionEntries ?? []) {
    const editionDir = path.join(editionsDir, entry.name);
    if (entry.isSymbolicLink()) {
      refuseLink(editionDir, tree);
      continue;
    }
    if (!entry.isDirectory()) {
      if (isContentName(entry.name)) unexpected(editionDir, ['one folder per edition, named by its id']);
      continue;
    }
    // A folder created and removed again while we read: it is gone, not an edition.
    const fileEntries = await listFolder(editionDir, tree, { missingIsEmpty: true });
    if (!fileEntries) continue;
    const files = new Map<string, ContentFile>();
    tree.editions.set(entry.name, files);
    const reads = readAhead(editionDir, fileEntries, (name) => name in editionFiles, unsaved);
    for (const file of fileEntries) {
      const where = path.join(editionDir, file.name);
      if (file.isSymbolicLink()) {
        refuseLink(where, tree);
        continue;
      }
      if (file.isDirectory() || !isContentName(file.name)) continue;
      if (!(file.name in editionFiles)) {
        unexpected(where, Object.keys(editionFiles));
        continue;
      }
      const parsed = parseFile(where, await reads.get(file.name)!, tree, entry.name);
      if (parsed) files.set(file.name, parsed);
    }
  }
}

type FileRead = Awaited<ReturnType<typeof readRegularFile>>;

/**
 * Starts reading, all at once, the content files among `entries` that `expected` names. Each read waits
 * for the thread pool several times (open, stat, read, close): one file after another, the load of the
 * 100x briefing sat idle for about 180 ms (CPU profile; 120 ms with this, most of it before the load).
 * They are still parsed one by one, in order, so errors keep their order.
 */
function readAhead(dir: string, entries: readonly Dirent[], expected: (name: string) => boolean, unsaved: UnsavedAt): Map<string, Promise<FileRead>> {
  const reads = new Map<string, Promise<FileRead>>();
  for (const entry of entries) {
    if (!entry.isFile() || !isContentName(entry.name) || !expected(entry.name)) continue;
    const where = path.join(dir, entry.name);
    reads.set(entry.name, unsaved && path.resolve(where) === unsaved.where ? Promise.resolve({ text: unsaved.text }) : readRegularFile(where));
  }
  return reads;
}

/**
 * A link could point anywhere (a secret outside the folder, a file another tool rewrites): it is refused by
 * its own path, never followed, and nothing of its target is read.
 */
function refuseLink(where: string, tree: ContentTree): void {
  tree.errors.push({ file: displayPath(where), path: '', message: 'a symbolic link: content files and folders must be real ones inside the content folder (links are never followed)', severity: 'error' });
}

async function listFolder(dir: string, tree: ContentTree, options: { missingIsEmpty?: boolean } = {}) {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (cause) {
    if (options.missingIsEmpty && (cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    tree.errors.push({ file: displayPath(dir), path: '', message: `cannot read folder: ${errorCode(cause)}`, severity: 'error' });
    return undefined;
  }
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function errorCode(cause: unknown): string {
  const { code } = cause as NodeJS.ErrnoException;
  if (code === 'ELOOP') return 'a symbolic link, which is never followed (ELOOP)';
  if (code === 'ENOENT') return 'it does not exist (ENOENT)';
  if (code === 'EACCES') return 'permission denied (EACCES)';
  return code ?? 'unknown error';
}

/**
 * Reads a content file without ever blocking: opened non-blocking (a FIFO would otherwise wait for a
 * writer forever) and without following a link (one swapped in since the folder was listed), and only a
 * regular file of at most MAX_FILE_BYTES is read; anything else (FIFO, socket, device) is an error.
 */
async function readRegularFile(absolutePath: string): Promise<{ text: string } | { problem: string }> {
  let handle;
  try {
    handle = await open(absolutePath, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (cause) {
    return { problem: `cannot read file: ${errorCode(cause)}` };
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return { problem: 'not a regular file' };
    if (stats.size > MAX_FILE_BYTES) return { problem: `${megabytes(stats.size)} MB, more than the ${megabytes(MAX_FILE_BYTES)} MB a content file may hold: split it (an edition's items can go in a later edition)` };
    return { text: await handle.readFile('utf8') };
  } catch (cause) {
    return { problem: `cannot read file: ${errorCode(cause)}` };
  } finally {
    await handle.close();
  }
}

function parseFile(absolutePath: string, read: FileRead, tree: ContentTree, edition?: string): ContentFile | undefined {
  if ('problem' in read) {
    tree.errors.push({ file: displayPath(absolutePath), path: '', message: read.problem, severity: 'error' });
    return undefined;
  }
  const { file, errors } = ContentFile.parse(absolutePath, read.text, edition);
  for (const error of errors) tree.errors.push(error);
  return file;
}

function isContentName(name: string): boolean {
  return name.endsWith('.yaml') || name.endsWith('.yml');
}
