/**
 * Rate limits as Discord reports them: per-bucket headers on every reply,
 * Discord-shaped 429s, and an optional fixed-window limiter that really
 * throttles a route per major id (e.g. 5 messages per 5 s per channel).
 */
import { createHash } from 'node:crypto';
import type { Reply } from './http.js';

export interface RateLimitOptions {
  /** Requests allowed per window for one route and major id. */
  perRoute: number;
  windowMs: number;
}

export interface BucketState {
  limit: number;
  remaining: number;
  resetAfterMs: number;
}

/**
 * What un-throttled routes report: a plausible bucket that never runs dry,
 * so @discordjs/rest never delays a request on its own.
 */
export const NOMINAL_BUCKET: BucketState = { limit: 50, remaining: 49, resetAfterMs: 1000 };

/** A stable opaque bucket id per route template, like Discord's X-RateLimit-Bucket. */
export function bucketHash(routeKey: string): string {
  return createHash('sha1').update(routeKey).digest('hex').slice(0, 32);
}

export function rateLimitHeaders(bucket: string, state: BucketState, now = Date.now()): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(state.limit),
    'X-RateLimit-Remaining': String(state.remaining),
    'X-RateLimit-Reset': ((now + state.resetAfterMs) / 1000).toFixed(3),
    'X-RateLimit-Reset-After': (state.resetAfterMs / 1000).toFixed(3),
    'X-RateLimit-Bucket': bucket,
  };
}

/**
 * A 429 as Discord sends it. Per-route: bucket headers with Remaining 0 and no
 * X-RateLimit-Global header at all (discord.js treats its mere presence as global).
 */
export function rateLimitedReply(bucket: string, retryAfterMs: number, limit: number, global: boolean): Reply {
  const retryAfter = retryAfterMs / 1000;
  const headers: Record<string, string> = {
    'Retry-After': String(Math.ceil(retryAfter)),
    'X-RateLimit-Scope': global ? 'global' : 'user',
    ...(global
      ? { 'X-RateLimit-Global': 'true' }
      : rateLimitHeaders(bucket, { limit, remaining: 0, resetAfterMs: retryAfterMs })),
  };
  return { status: 429, headers, body: { message: 'You are being rate limited.', retry_after: retryAfter, global } };
}

interface Window {
  resetAt: number;
  used: number;
}

/** Fixed-window counter per key; a refused request does not count. */
export class WindowLimiter {
  readonly #windows = new Map<string, Window>();

  constructor(readonly options: RateLimitOptions) {}

  take(key: string, now = Date.now()): { allowed: boolean; state: BucketState } {
    const { perRoute, windowMs } = this.options;
    let window = this.#windows.get(key);
    if (!window || now >= window.resetAt) {
      window = { resetAt: now + windowMs, used: 0 };
      this.#windows.set(key, window);
    }
    const allowed = window.used < perRoute;
    if (allowed) window.used++;
    const state = { limit: perRoute, remaining: perRoute - window.used, resetAfterMs: window.resetAt - now };
    return { allowed, state };
  }
}

/**
 * Discord's global limit (50 requests a second per bot token) as a token bucket: a burst of `perSecond`,
 * refilled continuously. A client pacing itself a little under the rate never sees a 429 from it, however
 * its own one-second windows line up with ours.
 */
export class TokenBucket {
  #tokens: number;
  #at = Date.now();

  constructor(readonly perSecond: number) {
    this.#tokens = perSecond;
  }

  take(now = Date.now()): { allowed: boolean; state: BucketState } {
    this.#tokens = Math.min(this.perSecond, this.#tokens + ((now - this.#at) / 1000) * this.perSecond);
    this.#at = now;
    const allowed = this.#tokens >= 1;
    if (allowed) this.#tokens -= 1;
    const resetAfterMs = allowed ? 0 : Math.ceil(((1 - this.#tokens) / this.perSecond) * 1000);
    return { allowed, state: { limit: this.perSecond, remaining: Math.floor(this.#tokens), resetAfterMs } };
  }
}
