/**
 * failNext(): armed fault rules that make the next matching REST request(s)
 * fail the way Discord fails them (429 with bucket headers, 403, 404, 500).
 */
import { apiError, ErrorCode } from './errors.js';
import { compilePath, type Reply } from './http.js';
import { rateLimitedReply } from './ratelimit.js';

export interface FaultRule {
  /** HTTP method to match (any when omitted). */
  method?: string;
  /** Path without the /api/v10 prefix: exact, with `:param` segments, or a RegExp. */
  path: string | RegExp;
  status: 429 | 500 | 403 | 404;
  /** How many matching requests fail (default 1). */
  times?: number;
  /** Seconds, for 429 (default 0.25). */
  retryAfter?: number;
  /** Discord error code for 403/404 (defaults 50013 Missing Permissions / 10003 Unknown Channel). */
  code?: number;
  /** Make a 429 a global rate limit. */
  global?: boolean;
}

const DEFAULT_RETRY_AFTER_SEC = 0.25;
const RATE_LIMIT_FAULT_LIMIT = 5;
const DEFAULT_CODES: Record<Exclude<FaultRule['status'], 429>, number> = {
  500: ErrorCode.General,
  403: ErrorCode.MissingPermissions,
  404: ErrorCode.UnknownChannel,
};

interface ArmedFault {
  rule: FaultRule;
  matcher: RegExp;
  left: number;
}

/** Requests that are carried out but never answered, like a connection lost after Discord acted. */
export interface HoldRule {
  method?: string;
  path: string | RegExp;
  times?: number;
}

export class FaultInjector {
  #armed: ArmedFault[] = [];
  #holds: { rule: HoldRule; matcher: RegExp; left: number }[] = [];

  hold(rule: HoldRule): void {
    const matcher = typeof rule.path === 'string' ? compilePath(rule.path) : rule.path;
    this.#holds.push({ rule, matcher, left: rule.times ?? 1 });
  }

  /** True when this (already handled) request's response must be withheld; consumes one use. */
  takeHold(method: string, path: string): boolean {
    const index = this.#holds.findIndex(({ rule, matcher }) => (!rule.method || rule.method.toUpperCase() === method) && matcher.test(path));
    const hold = this.#holds[index];
    if (!hold) return false;
    if (--hold.left === 0) this.#holds.splice(index, 1);
    return true;
  }

  add(rule: FaultRule): void {
    const matcher = typeof rule.path === 'string' ? compilePath(rule.path) : rule.path;
    this.#armed.push({ rule, matcher, left: rule.times ?? 1 });
  }

  /** The fault reply for this request, consuming one use of the first matching rule. */
  take(method: string, path: string, bucket: string): Reply | undefined {
    const index = this.#armed.findIndex(
      ({ rule, matcher }) => (!rule.method || rule.method.toUpperCase() === method) && matcher.test(path),
    );
    const fault = this.#armed[index];
    if (!fault) return undefined;
    if (--fault.left === 0) this.#armed.splice(index, 1);
    const { rule } = fault;
    if (rule.status === 429) {
      const retryAfterMs = (rule.retryAfter ?? DEFAULT_RETRY_AFTER_SEC) * 1000;
      return rateLimitedReply(bucket, retryAfterMs, RATE_LIMIT_FAULT_LIMIT, rule.global ?? false);
    }
    const error = apiError(rule.status, rule.code ?? DEFAULT_CODES[rule.status]);
    return { status: error.status, body: error.body };
  }
}
