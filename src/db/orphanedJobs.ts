import type { Payload } from 'payload'

import { logger } from './logger'
import { poolOf } from './pool'

/**
 * Releases the jobs of `queue` that a stopped process left claimed ("processing" and never finished:
 * kill -9, power loss), so that they run again instead of staying stuck for ever. Call it only while holding
 * the queue's advisory lock: then this instance is the only one working the queue and a claimed job
 * cannot belong to a live run. The tasks it serves resume safely (signing continues where the document
 * stands; a backup starts a fresh archive).
 */
export async function releaseOrphanedJobs(payload: Payload, queue: string): Promise<number> {
  const { rowCount } = await poolOf(payload).query(
    `UPDATE payload_jobs SET processing = false WHERE queue = $1 AND processing AND completed_at IS NULL`,
    [queue],
  )
  if (rowCount) logger.warn({ queue, jobs: rowCount }, 'jobs left processing by a stopped process run again')
  return rowCount ?? 0
}
