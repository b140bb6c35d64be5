import crypto from 'node:crypto'

import type { Payload } from 'payload'

import { verificationCode, type ExportForm } from '../domain/signing/signedExport'
import { logger } from '../db/logger'
import { withAdvisoryLock } from '../db/pool'
import { releaseOrphanedJobs } from '../db/orphanedJobs'

export const SIGN_TASK = 'sign-export'
export const SIGN_QUEUE = 'signing'

// Any constant shared by every instance (the migration lock is 0x686f736f, backups +1, reminders +2).
const RUN_LOCK_KEY = 0x686f736f + 3

const log = logger.child({ component: 'signing' })

/** One `signed-exports` row and one queued job per record, all in one batch. */
export async function requestExports(
  payload: Payload,
  items: Array<{ staffId: number; form: ExportForm }>,
  requestedBy: number,
): Promise<{ batch: string; ids: number[] }> {
  const batch = crypto.randomUUID()
  const ids: number[] = []
  for (const item of items) {
    const row = await payload.create({
      collection: 'signed-exports',
      data: { code: verificationCode(crypto.randomBytes(8)), staff: item.staffId, form: item.form, batch, status: 'queued', requestedBy },
      overrideAccess: true,
    })
    await payload.jobs.queue({ task: SIGN_TASK, input: { exportId: row.id }, queue: SIGN_QUEUE })
    ids.push(row.id)
  }
  return { batch, ids }
}

/**
 * Runs the queued signing jobs while holding a PostgreSQL advisory lock: one instance signs at a time
 * (a token or HSM session is a serial resource); the others return at once and leave the queue to it.
 */
export async function runSigningQueue(payload: Payload): Promise<boolean> {
  const ran = await withAdvisoryLock(payload, RUN_LOCK_KEY, async () => {
    await releaseOrphanedJobs(payload, SIGN_QUEUE)
    for (;;) {
      const r = await payload.jobs.run({ queue: SIGN_QUEUE, limit: 10, sequential: true, silent: true })
      if (r.noJobsRemaining || Object.keys(r.jobStatus ?? {}).length === 0) break
    }
  })
  return ran !== null
}

/** Starts the queue in the background (after a request, or after an external signature arrived). */
export function kickSigningQueue(payload: Payload): void {
  void runSigningQueue(payload).catch((err) => log.error({ err }, 'signing queue run failed'))
}
