// The briefing being served, kept current: content/ is watched, and after a burst of changes everything
// is loaded and checked again. Only a fully valid briefing replaces the current one, in one assignment,
// so a reply in progress finishes on the briefing it started with.
//
// Watching never loses an edit: chokidar re-arms after a file is replaced by rename (sed -i, git
// checkout, editors' atomic saves), reports errors as events (logged, never fatal), and a fingerprint of
// the content files (inode, size and mtime of each), taken every second, is a backstop for anything a
// watcher misses, including the content folder itself being deleted and recreated (the watcher is then
// re-armed on the new folder).
import { lstat, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { watch as chokidarWatch, type FSWatcher } from 'chokidar';
import type { Briefing } from './briefing.js';
import type { ContentError } from './content-files.js';
import { loadBriefing } from './loader.js';

export interface ReloadEvents {
  reloaded(briefing: Briefing): void;
  rejected(errors: readonly ContentError[]): void;
  /** Something went wrong watching or loading; the last good briefing is still served. */
  problem?(error: unknown, message: string): void;
}

export interface WatchOptions {
  /** How often the content fingerprint is compared (ms). */
  fingerprintMs?: number;
}

/** Editors save in bursts (several files, temp file then rename); wait for quiet before reloading. */
const DEBOUNCE_MS = 250;
const FINGERPRINT_MS = 1000;

export class LiveBriefing {
  private watcher?: FSWatcher;
  private watchedDirIdentity?: string;
  private fingerprintTimer?: NodeJS.Timeout;
  private lastFingerprint?: string;
  private fingerprinting = false;
  private timer?: NodeJS.Timeout;
  private reloading?: Promise<void>;
  private changedWhileReloading = false;
  private closed = false;

  private constructor(
    private readonly contentDir: string,
    private briefing: Briefing,
    private readonly events: ReloadEvents,
  ) {}

  /** Loads the content once; fails with every error if it is not valid. */
  static async open(contentDir: string, events: ReloadEvents): Promise<LiveBriefing | { errors: readonly ContentError[] }> {
    const result = await loadBriefing(contentDir);
    return result.ok ? new LiveBriefing(contentDir, result.briefing, events) : { errors: result.errors };
  }

  get current(): Briefing {
    return this.briefing;
  }

  /** Starts watching; resolves once the watcher and the first fingerprint are in place. */
  async watch(options: WatchOptions = {}): Promise<void> {
    this.closed = false;
    this.lastFingerprint = await contentFingerprint(this.contentDir);
    await this.arm();
    const every = options.fingerprintMs ?? FINGERPRINT_MS;
    this.fingerprintTimer = setInterval(() => void this.compareFingerprint(), every);
    this.fingerprintTimer.unref();
  }

  close(): void {
    this.closed = true;
    clearInterval(this.fingerprintTimer);
    clearTimeout(this.timer);
    void this.watcher?.close();
    this.watcher = undefined;
  }

  /** (Re)creates the watcher on the content folder as it is now. */
  private async arm(): Promise<void> {
    const old = this.watcher;
    this.watcher = undefined;
    if (old) await old.close().catch(() => undefined);
    if (this.closed) return;
    this.watchedDirIdentity = await directoryIdentity(this.contentDir);
    if (this.watchedDirIdentity === undefined) return; // Gone for now: the fingerprint re-arms when it is back.
    const watcher = chokidarWatch(this.contentDir, {
      ignoreInitial: true,
      atomic: true,
      // A symlink loop must not send the watcher round in circles; the fingerprint follows links.
      followSymlinks: false,
      ignorePermissionErrors: true,
      persistent: false,
    });
    watcher.on('all', () => this.scheduleReload());
    watcher.on('error', (error) => this.events.problem?.(error, 'content watcher error; still watching'));
    this.watcher = watcher;
    await new Promise<void>((resolve) => {
      watcher.once('ready', resolve);
      setTimeout(resolve, 2000).unref();
    });
  }

  private async compareFingerprint(): Promise<void> {
    if (this.fingerprinting || this.closed) return;
    this.fingerprinting = true;
    try {
      const identity = await directoryIdentity(this.contentDir);
      if (identity !== this.watchedDirIdentity) {
        // Deleted, or deleted and recreated: a watcher on the old folder hears nothing any more.
        await this.arm();
        this.scheduleReload();
      }
      const fingerprint = await contentFingerprint(this.contentDir);
      if (fingerprint !== this.lastFingerprint) this.scheduleReload();
    } catch (error) {
      this.events.problem?.(error, 'content fingerprint failed; will try again');
    } finally {
      this.fingerprinting = false;
    }
  }

  private scheduleReload(): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.reload(), DEBOUNCE_MS);
  }

  /** Loads everything again; on success swaps the briefing, on failure keeps the last good one. */
  async reload(): Promise<void> {
    if (this.reloading) {
      this.changedWhileReloading = true;
      return this.reloading;
    }
    this.reloading = (async () => {
      // Taken before reading: any change after this point differs from it, so it is reloaded too.
      this.lastFingerprint = await contentFingerprint(this.contentDir);
      const result = await loadBriefing(this.contentDir);
      if (result.ok) {
        this.briefing = result.briefing;
        this.events.reloaded(result.briefing);
      } else {
        this.events.rejected(result.errors);
      }
    })().catch((error: unknown) => this.events.problem?.(error, 'content reload failed; still serving the last good briefing'));
    try {
      await this.reloading;
    } finally {
      this.reloading = undefined;
    }
    if (this.changedWhileReloading) {
      this.changedWhileReloading = false;
      await this.reload();
    }
  }
}

async function directoryIdentity(dir: string): Promise<string | undefined> {
  try {
    const stats = await stat(dir);
    return stats.isDirectory() ? `${stats.dev}:${stats.ino}` : undefined;
  } catch {
    return undefined;
  }
}

/** Inode, size and mtime of every entry under `dir` (two levels of editions deep), as one string. */
export async function contentFingerprint(dir: string, depth = 3): Promise<string> {
  const parts: string[] = [];
  const walk = async (folder: string, level: number): Promise<void> => {
    let entries: string[];
    try {
      entries = (await readdir(folder)).sort();
    } catch (error) {
      parts.push(`${folder}!${(error as NodeJS.ErrnoException).code ?? 'error'}`);
      return;
    }
    for (const name of entries) {
      const where = path.join(folder, name);
      let stats;
      try {
        // Follows symlinks, so an edit of a linked file's target counts; a loop or dangling link is noted.
        stats = await stat(where);
      } catch (error) {
        const link = await lstat(where).catch(() => undefined);
        parts.push(`${where}!${(error as NodeJS.ErrnoException).code ?? 'error'}:${link?.ino ?? ''}:${link?.mtimeMs ?? ''}`);
        continue;
      }
      parts.push(`${where}:${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.mode}`);
      if (stats.isDirectory() && level < depth) await walk(where, level + 1);
    }
  };
  await walk(dir, 1);
  return parts.join('\n');
}
