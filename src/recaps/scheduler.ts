// Runs every active subscription on its cron schedule, in its time zone, at the times nextRuns gives
// (croner reads the expression; this file's timers fire the slots, so the daylight-saving rule of
// schedule.ts holds: a repeated wall-clock time runs once, at its first occurrence). At start-up it first
// finishes what an earlier process left half-done (claimed slots never settled) and catches up on a slot
// missed while no process ran, within a grace window; older ones are recorded as missed.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Logger } from '../log.js';
import { findMarked, sendClaimedSlot, type DeliveryDependencies, type DeliveryResult, type PostedMessage } from './delivery.js';
import type { Briefing } from '../briefing/briefing.js';
import type { Delivery } from './ledger.js';
import { addAnnotations, editionSlot, editsDue, recapsToAnnounce, seenAfterWithdrawal } from './editions.js';
import { currentView } from './recap-content.js';
import { nextRuns } from './schedule.js';
import type { RecapSubscription } from './subscriptions.js';

/** Posts one process makes at once; Discord allows 50 requests a second per bot in all. */
const POSTS_IN_FLIGHT = 25;
/** How often to pick up subscription changes made by other processes sharing the database. */
const RESYNC_MS = 60_000;
/** Longest single timer wait; a later slot is reached by waiting again (setTimeout caps at 24.8 days). */
const MAX_TIMER_MS = 6 * 60 * 60_000;
/** How long Discord remembers a nonce; an older claim is looked for in the channel before re-posting. */
const NONCE_MEMORY_MS = 5 * 60_000;
/** A claim older than this is abandoned even if its owner may be alive elsewhere (RECAP_CLAIM_LEASE_SECONDS). */
const DEFAULT_CLAIM_LEASE_MS = 15 * 60_000;

export interface SchedulerOptions {
  catchupMinutes: number;
  /** How long a claim is its owner's; after that, any process takes it over and posts the slot. */
  claimLeaseMs?: number;
}

/** This process's identity in the ledger: host, pid, and a per-start nonce (pids are reused). */
function newClaimant(): string {
  return `${hostname()}/${process.pid}/${randomBytes(4).toString('hex')}`;
}

export class RecapScheduler {
  readonly claimant = newClaimant();
  private readonly tasks = new Map<number, { timer?: NodeJS.Timeout; next?: Date; signature: string }>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private posting = 0;
  private readonly waiting: (() => void)[] = [];
  private resyncTimer?: NodeJS.Timeout;
  private sweepTimer?: NodeJS.Timeout;
  /** Syncs run one after another: two at once would both arm a new subscription. */
  private syncing: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: DeliveryDependencies,
    private readonly options: SchedulerOptions,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    await this.recoverAbandonedClaims();
    await this.catchUpMissedSlots();
    await this.sync();
    await this.briefingChanged();
    this.resyncTimer = setInterval(() => {
      void this.sync();
      // An edition dated later than its loading is announced once its time comes.
      void this.briefingChanged();
    }, RESYNC_MS).unref();
    // A replica that died holding claims: the others finish its slots once the lease has run out. A live one
    // renews its claims well within the lease, so a fan-out slower than the lease (the rate limit allows 50
    // posts a second) is never taken over while it runs.
    const beat = Math.max(250, Math.min(RESYNC_MS, this.leaseMs / 3));
    this.sweepTimer = setInterval(() => {
      void this.deps.ledger.renewClaims(this.claimant).catch((error: unknown) => this.log.warn({ err: error }, 'could not renew recap claims'));
      void this.track(this.takeOverExpiredClaims());
    }, beat).unref();
  }

  private get leaseMs(): number {
    return this.options.claimLeaseMs ?? DEFAULT_CLAIM_LEASE_MS;
  }

  /**
   * After a release is switched to (and every minute, for editions dated later than their release): recaps
   * already posted get the lines the release adds (corrections, withdrawn editions), and recaps that wait for
   * new editions announce one published since they last did. Each once, whoever runs it.
   */
  async briefingChanged(): Promise<void> {
    try {
      const view = currentView({ briefing: this.deps.briefing(), now: this.deps.now?.() ?? new Date(), staleAfterDays: this.deps.staleAfterDays });
      const release = this.deps.release?.();
      const subscriptions = await this.deps.subscriptions.all();
      const due = await editsDue(view, this.deps.ledger, subscriptions, release);
      const edited = await addAnnotations(due, this.deps.ledger, this.deps.poster, this.claimant);
      if (edited.edited > 0) this.log.info({ messages: edited.edited }, 'corrections added to recaps already posted');
      for (const failed of edited.failed) this.log.warn(failed, 'could not add a correction to a posted recap');
      await this.forgetWithdrawnEditions(view, subscriptions);
      for (const subscription of recapsToAnnounce(view, await this.deps.subscriptions.all())) {
        const slot = editionSlot(view.newest.id, release?.introducerOf(view.newest.id));
        const claimed = await this.deps.ledger.claim(subscription.id, slot, subscription.channelId, this.claimant);
        await this.deps.subscriptions.markSeen(subscription.id, view.newest.id);
        if (!claimed) continue;
        this.log.info({ subscription: subscription.id, edition: view.newest.id, release: release?.id }, 'announcing a new edition');
        await this.track(this.send(subscription, slot));
      }
    } catch (error) {
      this.log.error({ err: error }, 'could not announce the new edition or add corrections');
    }
  }

  private async forgetWithdrawnEditions(view: Briefing, subscriptions: readonly RecapSubscription[]): Promise<void> {
    for (const subscription of subscriptions) {
      const seen = seenAfterWithdrawal(view, subscription);
      if (seen) await this.deps.subscriptions.markSeen(subscription.id, seen);
    }
  }

  /**
   * Makes the running jobs match the database: new, changed, paused and removed subscriptions. Called
   * after this process changes one, when another replica announces a change, and every minute.
   */
  sync(): Promise<void> {
    const run = this.syncing.then(() => this.syncNow());
    this.syncing = run.catch((error: unknown) => this.log.error({ err: error }, 'could not read the recap subscriptions'));
    return run;
  }

  private async syncNow(): Promise<void> {
    const active = new Map((await this.deps.subscriptions.all()).filter((subscription) => !subscription.pausedAt).map((subscription) => [subscription.id, subscription]));
    for (const [id, { timer, signature }] of this.tasks) {
      const subscription = active.get(id);
      if (!subscription || signatureOf(subscription) !== signature) {
        clearTimeout(timer);
        this.tasks.delete(id);
      }
    }
    for (const subscription of active.values()) {
      if (subscription.trigger !== 'clock' || this.tasks.has(subscription.id)) continue;
      const entry = { signature: signatureOf(subscription) };
      this.tasks.set(subscription.id, entry);
      this.arm(subscription, Date.now());
      const next = this.tasks.get(subscription.id)?.next?.toISOString() ?? null;
      this.deps.subscriptions.planNextSlot(subscription.id, next).catch((error: unknown) =>
        this.log.error({ err: error, subscription: subscription.id }, 'could not record the next recap slot'),
      );
    }
  }

  /** Sets the timer for the subscription's first run after `after` (ms). */
  private arm(subscription: RecapSubscription, after: number): void {
    const entry = this.tasks.get(subscription.id);
    if (!entry || entry.signature !== signatureOf(subscription)) return;
    const next = nextRuns(subscription.cron, subscription.timezone, 3).find((run) => run.getTime() > after);
    entry.next = next;
    if (!next) return;
    const wait = next.getTime() - Date.now();
    entry.timer = setTimeout(() => {
      if (this.tasks.get(subscription.id) !== entry) return;
      if (Date.now() < next.getTime() - 1000) return this.arm(subscription, after); // A long wait, split in parts.
      this.arm(subscription, next.getTime());
      void this.track(this.runSlot(subscription.id, next.toISOString()));
    }, Math.min(Math.max(0, wait), MAX_TIMER_MS));
  }

  /** Posts a recap now, outside the schedule (`/recap now`), through the same ledger and delivery path. */
  async postNow(subscription: RecapSubscription, requestId: string): Promise<DeliveryResult | undefined> {
    const slot = `now:${requestId}`;
    if (!(await this.deps.ledger.claim(subscription.id, slot, subscription.channelId, this.claimant))) return undefined;
    return this.track(this.send(subscription, slot));
  }

  async stop(): Promise<void> {
    clearInterval(this.resyncTimer);
    clearInterval(this.sweepTimer);
    for (const { timer } of this.tasks.values()) clearTimeout(timer);
    this.tasks.clear();
    await Promise.allSettled(this.inFlight);
  }

  private async runSlot(subscriptionId: number, slot: string): Promise<void> {
    try {
      await this.claimAndSend(subscriptionId, slot);
    } catch (error) {
      this.log.error({ err: error, subscription: subscriptionId, slot }, 'recap slot failed');
    }
  }

  private async claimAndSend(subscriptionId: number, slot: string): Promise<void> {
    const subscription = await this.deps.subscriptions.get(subscriptionId);
    if (!subscription || subscription.pausedAt) return;
    // Claim first: the ledger row is what lets a restart, or another replica, finish this slot if we die while posting.
    const claimed = await this.deps.ledger.claim(subscription.id, slot, subscription.channelId, this.claimant);
    const next = this.tasks.get(subscription.id)?.next?.toISOString() ?? null;
    await this.deps.subscriptions.planNextSlot(subscription.id, next);
    if (!claimed) {
      this.log.debug({ subscription: subscription.id, slot }, 'slot already claimed elsewhere');
      return;
    }
    await this.send(subscription, slot);
  }

  /** At start-up: claims of processes that died on this host (by pid), and any whose lease ran out. */
  private async recoverAbandonedClaims(): Promise<void> {
    for (const delivery of await this.deps.ledger.unsettled()) {
      if (!this.diedHere(delivery) || !(await this.deps.ledger.takeOver(delivery, this.claimant))) continue;
      await this.finishTakenOver(delivery);
    }
    await this.takeOverExpiredClaims();
  }

  /** Claims whose lease ran out, whoever held them on whatever host: each goes to one taker (see the ledger). */
  private async takeOverExpiredClaims(): Promise<void> {
    try {
      const taken = await this.deps.ledger.takeOverExpired(this.claimant, this.leaseMs);
      // All at once, as the scheduled fan-out would: one after another, the last would outlive its new lease.
      await Promise.all(
        taken.map(async (delivery) => {
          this.log.info({ subscription: delivery.subscriptionId, slot: delivery.slot, from: delivery.claimedBy }, 'took over a claim whose lease ran out');
          await this.finishTakenOver(delivery);
        }),
      );
    } catch (error) {
      this.log.error({ err: error }, 'could not take over abandoned recap claims');
    }
  }

  private async finishTakenOver(delivery: Delivery): Promise<void> {
    const subscription = await this.deps.subscriptions.get(delivery.subscriptionId);
    const age = Date.now() - Date.parse(delivery.claimedAt ?? delivery.slot);
    if (!subscription || subscription.pausedAt || age > this.options.catchupMinutes * 60_000) {
      await this.deps.ledger.settle(delivery.subscriptionId, delivery.slot, { status: 'failed', detail: 'the bot stopped while posting, too long ago to retry' });
      return;
    }
    // Opening a forum post takes no nonce: one the earlier run may have opened is always looked for.
    const withoutNonce = subscription.channelKind === 'forum' && !subscription.threadId;
    if ((age > NONCE_MEMORY_MS || withoutNonce) && (await this.alreadyPosted(subscription, delivery.slot))) return;
    this.log.info({ subscription: subscription.id, slot: delivery.slot }, 'finishing a recap an earlier run left half-done');
    // Same slot, same nonce: if the first post did land, Discord returns it instead of posting again.
    await this.track(this.send(subscription, delivery.slot));
  }

  /**
   * Past the nonce's few minutes, the nonce alone cannot stop a second post: look for the slot's marker
   * among the channel's recent messages, and settle the slot as delivered if the first post landed.
   */
  private async alreadyPosted(subscription: RecapSubscription, slot: string): Promise<boolean> {
    let found;
    try {
      found = await this.findPosted(subscription, slot);
    } catch (error) {
      this.log.warn({ err: error, subscription: subscription.id, slot }, "could not read the channel's recent messages; posting with the nonce alone");
      return false;
    }
    if (!found) return false;
    const { message, threadId } = found;
    // A post the earlier run opened but did not record: later recaps continue it.
    if (threadId && threadId !== subscription.threadId) await this.deps.subscriptions.setThread(subscription.id, threadId);
    await this.deps.ledger.settle(subscription.id, slot, { status: 'delivered', messageId: message.id, detail: 'found in the channel after a restart', ...(threadId ? { threadId } : {}) });
    this.log.info({ subscription: subscription.id, slot, messageId: message.id }, 'recap an earlier run posted was found in the channel; not posting again');
    return true;
  }

  /** The slot's message where it would be: in the channel, in the story's forum post, or in any of the forum's open posts when none is recorded. */
  private async findPosted(subscription: RecapSubscription, slot: string): Promise<{ message: PostedMessage; threadId?: string } | undefined> {
    if (subscription.channelKind !== 'forum') {
      const message = findMarked(await this.deps.poster.recent(subscription.channelId), subscription.id, slot);
      return message && { message };
    }
    const posts = subscription.threadId
      ? [subscription.threadId]
      : subscription.guildId
        ? (await this.deps.poster.activeThreads(subscription.guildId)).filter((thread) => thread.parent_id === subscription.channelId).map(({ id }) => id)
        : [];
    for (const threadId of posts) {
      const message = findMarked(await this.deps.poster.recent(threadId), subscription.id, slot);
      if (message) return { message, threadId };
    }
    return undefined;
  }

  private async catchUpMissedSlots(): Promise<void> {
    const now = Date.now();
    for (const subscription of await this.deps.subscriptions.all()) {
      const slot = subscription.nextSlot;
      if (subscription.pausedAt || !slot || Date.parse(slot) > now) continue;
      if (now - Date.parse(slot) > this.options.catchupMinutes * 60_000) {
        await this.deps.ledger.recordMissed(subscription.id, slot, subscription.channelId);
        this.log.warn({ subscription: subscription.id, slot }, 'recap slot missed while the bot was down');
      } else if (await this.deps.ledger.claim(subscription.id, slot, subscription.channelId, this.claimant)) {
        this.log.info({ subscription: subscription.id, slot }, 'posting a recap slot missed while the bot was down');
        await this.track(this.send(subscription, slot));
      }
    }
  }

  /** A claim of an earlier run on this host whose process is gone: no need to wait for its lease. */
  private diedHere(delivery: Delivery): boolean {
    if (!delivery.claimedBy || delivery.claimedBy === this.claimant) return false;
    const [host, pidText] = delivery.claimedBy.split('/');
    const pid = Number(pidText);
    return host === hostname() && Number.isInteger(pid) && (pid === process.pid || !isAlive(pid));
  }

  /**
   * Posts a claimed slot, at most POSTS_IN_FLIGHT at once: a fan-out to thousands of channels queues here, its
   * claims kept alive by the heartbeat, rather than as thousands of requests that outwait REST's timeout.
   */
  private async send(subscription: RecapSubscription, slot: string): Promise<DeliveryResult> {
    while (this.posting >= POSTS_IN_FLIGHT) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.posting += 1;
    try {
      return await sendClaimedSlot(this.deps, subscription, slot);
    } finally {
      this.posting -= 1;
      this.waiting.shift()?.();
    }
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
    return work;
  }
}

function signatureOf(subscription: RecapSubscription): string {
  return `${subscription.cron}|${subscription.timezone}`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
