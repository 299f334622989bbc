// The briefing being served, kept current: content/ is watched, and after a burst of changes everything
// is loaded and checked again. Only a fully valid briefing replaces the current one, in one assignment,
// so a reply in progress finishes on the briefing it started with.
import { watch, type FSWatcher } from 'node:fs';
import type { Briefing } from './briefing.js';
import type { ContentError } from './content-files.js';
import { loadBriefing } from './loader.js';

export interface ReloadEvents {
  reloaded(briefing: Briefing): void;
  rejected(errors: readonly ContentError[]): void;
}

/** Editors save in bursts (several files, temp file then rename); wait for quiet before reloading. */
const DEBOUNCE_MS = 250;

export class LiveBriefing {
  private watcher?: FSWatcher;
  private timer?: NodeJS.Timeout;
  private reloading?: Promise<void>;
  private changedWhileReloading = false;

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

  watch(): void {
    this.watcher = watch(this.contentDir, { recursive: true }, () => this.scheduleReload());
  }

  close(): void {
    this.watcher?.close();
    clearTimeout(this.timer);
  }

  private scheduleReload(): void {
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
      const result = await loadBriefing(this.contentDir);
      if (result.ok) {
        this.briefing = result.briefing;
        this.events.reloaded(result.briefing);
      } else {
        this.events.rejected(result.errors);
      }
    })();
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
