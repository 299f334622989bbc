// The release a bot serves, kept current: it starts from the current release and switches to a newer one
// within a second of its publication, on every replica (PostgreSQL tells them at once; each also asks
// twice a second, which is all SQLite has). It publishes scheduled releases whose time has come, once,
// whichever process gets there first. It never reads the drafts: a release is JSON, already validated.
import { buildBriefing, type Briefing } from '../briefing/briefing.js';
import type { ServedRelease } from '../recaps/editions.js';
import { publishDue } from './scheduled.js';
import { introducerOf, type Release } from './release.js';
import type { ReleaseStore } from './store.js';

export interface FeedEvents {
  switched(release: Release, briefing: Briefing, previous: Release): void;
  /** Scheduled releases this process published (the switch to them follows) or cancelled. */
  scheduled(published: readonly Release[], cancelled: readonly Release[]): void;
  /** Something went wrong asking for releases; the current one is still served. */
  problem(error: unknown, message: string): void;
}

/** How often the database is asked for a newer release and for scheduled ones that are due. */
const POLL_MS = 500;

export class ReleaseFeed {
  private timer?: NodeJS.Timeout;
  private refreshing?: Promise<void>;
  private again = false;

  private constructor(
    private readonly store: ReleaseStore,
    private current: { release: Release; briefing: Briefing; seq: number },
    private readonly events: FeedEvents,
  ) {}

  /** The current release, loaded; undefined when none was ever published. */
  static async open(store: ReleaseStore, events: FeedEvents): Promise<ReleaseFeed | undefined> {
    const seq = await store.currentSeq();
    const release = await store.current();
    if (!release) return undefined;
    return new ReleaseFeed(store, { release, briefing: buildBriefing(await store.content(release)), seq }, events);
  }

  get briefing(): Briefing {
    return this.current.briefing;
  }

  get release(): Release {
    return this.current.release;
  }

  /** The served release as recaps need it. */
  served(): ServedRelease {
    const { release } = this.current;
    return {
      id: release.id,
      introducerOf: (editionId) => introducerOf(release, editionId),
      correctionsOf: async (id) => new Set((await this.store.get(id))?.meta.corrections),
    };
  }

  start(): void {
    this.timer = setInterval(() => void this.tick(), POLL_MS);
    this.timer.unref();
  }

  close(): void {
    clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    try {
      const { published, cancelled } = await publishDue(this.store);
      if (published.length + cancelled.length > 0) this.events.scheduled(published, cancelled);
    } catch (error) {
      this.events.problem(error, 'could not publish the scheduled releases that are due; will try again');
    }
    await this.refresh();
  }

  /** Switches to the current release if it is not the one served; at most one load at a time. */
  refresh(): Promise<void> {
    if (this.refreshing) {
      this.again = true;
      return this.refreshing;
    }
    this.refreshing = this.switchIfNewer()
      .catch((error: unknown) => this.events.problem(error, 'could not load the current release; still serving the last one'))
      .finally(() => {
        this.refreshing = undefined;
        if (this.again) {
          this.again = false;
          void this.refresh();
        }
      });
    return this.refreshing;
  }

  private async switchIfNewer(): Promise<void> {
    const seq = await this.store.currentSeq();
    if (seq === this.current.seq) return;
    const release = await this.store.current();
    if (!release) return;
    // Published again between the two questions: this release is already the newest, and served.
    if (release.id === this.current.release.id) {
      this.current.seq = seq;
      return;
    }
    const briefing = buildBriefing(await this.store.content(release));
    const previous = this.current.release;
    this.current = { release, briefing, seq };
    this.events.switched(release, briefing, previous);
  }
}
