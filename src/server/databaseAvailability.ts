import type { NextFunction, Request, Response } from 'express'

import { databaseAnswers } from '../db/embeddedPostgres'
import { logger } from '../db/logger'
import { refuse } from './refuse'

const log = logger.child({ component: 'database-availability' })

/** How long a client is told to wait before trying again while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 5

export interface DatabaseAvailability {
  readonly available: boolean
  /** Asks the database now (a fresh connection, `SELECT 1`); marks it down and starts watching if it does not answer. */
  check(): Promise<boolean>
  /** Marks the database down (a lost connection, a failed readiness check) and watches until it answers again. */
  markDown(reason: string): void
  /** The database answered (a readiness check): serve again without waiting for the next probe. */
  markUp(): void
  /** Answers 503 with Retry-After while the database is down, before any work that would need it. */
  gate(): (req: Request, res: Response, next: NextFunction) => void
  stop(): void
}

/** 503 with Retry-After: the database is away. A request body not read yet is left unread (the connection closes). */
export function answerUnavailable(req: Request, res: Response): void {
  refuse(
    req,
    res,
    503,
    {
      vi: 'Cơ sở dữ liệu tạm thời không truy cập được; vui lòng thử lại sau ít giây',
      en: 'The database is temporarily unavailable; please try again in a few seconds',
    },
    { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS, close: !req.complete },
  )
}

/** Requests that need no database: liveness, readiness (reports the outage itself) and the build's static files. */
const NEEDS_NO_DATABASE = (path: string) => path === '/healthz' || path === '/readyz' || path.startsWith('/_next/static/')

/**
 * What the server knows about its database. While PostgreSQL is away (restarted, failed over, an embedded
 * server being started again) requests answer at once with 503 and Retry-After instead of each waiting for a
 * connection and failing with a 500; a probe every `probeMs` notices when it is back, and pg's pool makes new
 * connections by itself from then on.
 */
export function watchDatabase(connectionString: () => string | undefined, probeMs = 500): DatabaseAvailability {
  let available = true
  let downSince = 0
  let timer: NodeJS.Timeout | null = null
  let stopped = false

  const probe = () => databaseAnswers({ connectionString: connectionString() })

  const markUp = () => {
    if (available) return
    available = true
    log.warn({ downMs: Date.now() - downSince }, 'database available again')
  }

  const watch = () => {
    if (timer || stopped) return
    timer = setTimeout(async () => {
      timer = null
      if (available) return
      if (await probe()) markUp()
      else watch()
    }, probeMs)
    timer.unref()
  }

  const markDown = (reason: string) => {
    if (available) {
      available = false
      downSince = Date.now()
      log.error({ reason }, 'database unavailable: answering 503 until it is back')
    }
    watch()
  }

  return {
    get available() {
      return available
    },
    async check() {
      if (await probe()) return true
      markDown('probe failed')
      return false
    },
    markDown,
    markUp,
    gate() {
      return (req, res, next) => {
        if (available || NEEDS_NO_DATABASE(req.path)) return next()
        answerUnavailable(req, res)
      }
    },
    stop() {
      stopped = true
      if (timer) clearTimeout(timer)
    },
  }
}
