/**
 * A rate limiter kept in PostgreSQL (table `rate_limits`, migrations/*_account_security*): every app instance
 * counts in the same row, so a limit holds across instances and restarts. One fixed window per key: a single
 * atomic upsert counts the hit and opens a new window when the old one has run out (no read-then-write race).
 *
 *   const limiter = rateLimiter(pool)
 *   const { allowed, retryAfterSeconds } = await limiter.hit('sign-in:address:203.0.113.9', { limit: 30, windowMs: 15 * 60_000 })
 *
 * Keys are the caller's: name the purpose first ('sign-in:…', 'export:…'), and put a digest rather than
 * personal data in them (src/rateLimit/keys.ts). Runs on its own pool connection, never on a request's
 * transaction: a refused sign-in rolls its transaction back, and the count must stay.
 */
import type { Pool } from 'pg'

export interface RateLimit {
  /** Hits allowed in one window. */
  limit: number
  windowMs: number
}

export interface RateLimitResult {
  allowed: boolean
  /** Hits counted in the current window, this one included (for `peek`, without it). */
  hits: number
  /** Seconds until the window ends (0 when allowed): the `Retry-After` of a refusal. */
  retryAfterSeconds: number
}

export interface RateLimiter {
  /** Counts one hit on `key` and says whether it is within the limit. */
  hit(key: string, limit: RateLimit): Promise<RateLimitResult>
  /** Whether one more hit would be allowed, without counting it. */
  peek(key: string, limit: RateLimit): Promise<RateLimitResult>
  /** Takes one hit back (an attempt that turned out fine should not count against the limit). */
  release(key: string): Promise<void>
  /** Forgets the key (e.g. after a successful sign-in). */
  reset(key: string): Promise<void>
  /** Deletes windows that ended more than `olderThanMs` ago; returns how many. */
  prune(olderThanMs?: number): Promise<number>
}

type Queryable = Pick<Pool, 'query'>

const result = (hits: number, secondsLeft: number, limit: number, allowed: boolean): RateLimitResult => ({
  allowed,
  hits,
  retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil(secondsLeft)),
})

function checkLimit({ limit, windowMs }: RateLimit): void {
  if (!(Number.isInteger(limit) && limit >= 0 && Number.isFinite(windowMs) && windowMs > 0)) {
    throw new RangeError(`rate limit needs a whole limit >= 0 and a window > 0 ms (got ${limit}, ${windowMs})`)
  }
}

export function rateLimiter(db: Queryable): RateLimiter {
  return {
    async hit(key, limit) {
      checkLimit(limit)
      const { rows } = await db.query<{ hits: number; left: number }>(
        `INSERT INTO rate_limits AS r (key, hits, window_start, window_ms) VALUES ($1, 1, clock_timestamp(), $2)
         ON CONFLICT (key) DO UPDATE SET
           hits = CASE WHEN r.window_start + r.window_ms * interval '1 millisecond' <= clock_timestamp() THEN 1 ELSE r.hits + 1 END,
           window_start = CASE WHEN r.window_start + r.window_ms * interval '1 millisecond' <= clock_timestamp() THEN clock_timestamp() ELSE r.window_start END,
           window_ms = $2
         RETURNING hits, extract(epoch FROM r.window_start + r.window_ms * interval '1 millisecond' - clock_timestamp())::float8 AS left`,
        [key, Math.round(limit.windowMs)],
      )
      const row = rows[0]!
      return result(row.hits, row.left, limit.limit, row.hits <= limit.limit)
    },
    async peek(key, limit) {
      checkLimit(limit)
      const { rows } = await db.query<{ hits: number; left: number }>(
        `SELECT hits, extract(epoch FROM window_start + window_ms * interval '1 millisecond' - clock_timestamp())::float8 AS left
           FROM rate_limits WHERE key = $1 AND window_start + window_ms * interval '1 millisecond' > clock_timestamp()`,
        [key],
      )
      const row = rows[0]
      if (!row) return result(0, 0, limit.limit, limit.limit > 0)
      return result(row.hits, row.left, limit.limit, row.hits < limit.limit)
    },
    async release(key) {
      await db.query('UPDATE rate_limits SET hits = greatest(hits - 1, 0) WHERE key = $1', [key])
    },
    async reset(key) {
      await db.query('DELETE FROM rate_limits WHERE key = $1', [key])
    },
    async prune(olderThanMs = 0) {
      const { rowCount } = await db.query(
        `DELETE FROM rate_limits WHERE window_start + (window_ms + $1) * interval '1 millisecond' <= clock_timestamp()`,
        [Math.round(olderThanMs)],
      )
      return rowCount ?? 0
    },
  }
}
