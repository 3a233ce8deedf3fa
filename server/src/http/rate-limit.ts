// A token bucket per client, in this process's memory. Its counters are not graph state: nothing is lost or goes
// stale when an instance restarts, but with several instances behind a load balancer each one counts on its own
// (a client gets up to N times the rate). See docs/security.md.

export interface RateLimitOptions {
  /** Sustained rate: tokens added per minute. */
  perMinute: number;
  /** Bucket size: how many requests a client may make at once after a quiet spell. */
  burst: number;
  /** Most clients remembered; the least recently seen are forgotten first (their bucket would be full anyway). */
  maxClients?: number;
  /** Clock in milliseconds (tests pass their own). */
  now?: () => number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

/** Per-client token buckets: `take(key)` spends one token or says how long to wait for the next one. */
export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #perMs: number;
  readonly #burst: number;
  readonly #maxClients: number;
  readonly #now: () => number;

  constructor(options: RateLimitOptions) {
    if (!(options.perMinute > 0) || !(options.burst >= 1)) throw new Error('rate limit must be positive');
    this.#perMs = options.perMinute / 60_000;
    this.#burst = options.burst;
    this.#maxClients = options.maxClients ?? 50_000;
    this.#now = options.now ?? (() => performance.now());
  }

  /** Spends one of `key`'s tokens if it has one. */
  take(key: string): RateDecision {
    const now = this.#now();
    const old = this.#buckets.get(key);
    const bucket: Bucket = old
      ? { tokens: Math.min(this.#burst, old.tokens + (now - old.at) * this.#perMs), at: now }
      : { tokens: this.#burst, at: now };
    // Re-inserting keeps the Map in order of last use, so the oldest entry is the one to forget.
    this.#buckets.delete(key);
    this.#buckets.set(key, bucket);
    if (this.#buckets.size > this.#maxClients) {
      const oldest = this.#buckets.keys().next().value;
      if (oldest !== undefined) this.#buckets.delete(oldest);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.#perMs / 1000)),
    };
  }

  /** How many clients are remembered (for tests). */
  get size(): number {
    return this.#buckets.size;
  }
}
