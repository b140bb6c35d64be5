import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

/** Runs `work` in one transaction of the request (or the one it already has); rolls back on any error. */
export async function inTransaction<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const started = await initTransaction(req)
  try {
    const out = await work()
    if (started) await commitTransaction(req)
    return out
  } catch (e) {
    if (started) await killTransaction(req)
    throw e
  }
}
