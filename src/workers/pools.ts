/**
 * Bounded worker pools for the PDF work (src/workers/pdfTasks.ts): a few threads and a short queue each.
 * When the queue is full the caller is told at once (WorkerPoolBusy → 503 + Retry-After) instead of every
 * request waiting behind the work; a task running past its deadline is stopped (its thread is replaced).
 *
 * Two pools, so that anonymous verification uploads can never hold up the renderer signed-in HR officers print
 * with: `verify` (public, HOSO_VERIFY_WORKERS threads, default 1, queue HOSO_VERIFY_QUEUE, default 4, 30 s per
 * document) and `render` (HOSO_RENDER_WORKERS, default 1, queue HOSO_RENDER_QUEUE, default 32, 60 s). On a
 * 2-core server one thread each leaves a core to the event loop and PostgreSQL.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { Piscina } from 'piscina'

import type { FormDocument } from '../domain/forms/model'
import type { RenderOptions } from '../pdf/render'
import type { VerificationReport } from '../signing/types'
import type { VerifyPdfOptions } from '../signing/verify'

export class WorkerPoolBusy extends Error {
  constructor(readonly pool: string) {
    super(`the ${pool} worker queue is full`)
    this.name = 'WorkerPoolBusy'
  }
}

export class WorkerTaskTimeout extends Error {
  constructor(readonly pool: string, readonly ms: number) {
    super(`the ${pool} task ran past ${ms} ms and was stopped`)
    this.name = 'WorkerTaskTimeout'
  }
}

interface PoolSettings {
  name: string
  threads: number
  queue: number
  taskMs: number
}

const env = (name: string, fallback: number) => {
  const v = Number(process.env[name])
  return Number.isInteger(v) && v >= 0 ? v : fallback
}

const tasksFile = () => path.join(path.dirname(fileURLToPath(import.meta.url)), 'pdfTasks.worker.mjs')

function boundedPool(settings: () => PoolSettings) {
  let pool: Piscina | null = null
  let s: PoolSettings
  // Our own count of tasks on threads and of tasks waiting for one: a task's deadline starts when it gets a
  // thread (time spent waiting in the queue is not the document's fault), and the queue bound is ours to tell.
  let running = 0
  const waiting: Array<() => void> = []
  const release = () => {
    const next = waiting.shift()
    if (next) next() // the thread passes straight to the next task: `running` stays as it is
    else running--
  }
  return {
    async run<T>(task: string, arg: unknown): Promise<T> {
      if (!pool) {
        // At least one thread, whatever the setting says (0 would leave every task waiting).
        const given = settings()
        s = { ...given, threads: Math.max(1, given.threads) }
        pool = new Piscina({
          filename: tasksFile(),
          minThreads: 0,
          maxThreads: s.threads,
          idleTimeout: 60_000,
        })
      }
      if (running >= s.threads) {
        if (waiting.length >= s.queue) throw new WorkerPoolBusy(s.name)
        await new Promise<void>((resolve) => waiting.push(resolve))
      } else running++
      try {
        return (await pool.run(arg, { name: task, signal: AbortSignal.timeout(s.taskMs) })) as T
      } catch (err) {
        if ((err as Error).name === 'AbortError' || (err as Error).name === 'TimeoutError') throw new WorkerTaskTimeout(s.name, s.taskMs)
        throw err
      } finally {
        release()
      }
    },
    async close() {
      await pool?.destroy()
      pool = null
      running = 0
      waiting.length = 0
    },
  }
}

const verifyPool = boundedPool(() => ({
  name: 'verify',
  threads: env('HOSO_VERIFY_WORKERS', 1),
  queue: env('HOSO_VERIFY_QUEUE', 4),
  taskMs: env('HOSO_VERIFY_TIMEOUT_MS', 30_000),
}))

const renderPool = boundedPool(() => ({
  name: 'render',
  threads: env('HOSO_RENDER_WORKERS', 1),
  queue: env('HOSO_RENDER_QUEUE', 32),
  taskMs: env('HOSO_RENDER_TIMEOUT_MS', 60_000),
}))

/** Lays out and renders a form (src/pdf/render.ts) in the render pool. */
export function renderInPool(doc: FormDocument, options: RenderOptions = {}): Promise<Uint8Array> {
  return renderPool.run<Uint8Array>('render', { doc, options })
}

/** Verifies a PDF's signatures (src/signing/verify.ts) in the verify pool (the bytes are copied to the thread). */
export function verifyInPool(
  bytes: Uint8Array,
  options: VerifyPdfOptions,
): Promise<{ report: VerificationReport } | { unreadable: string }> {
  return verifyPool.run('verify', { bytes, options })
}

export async function closeWorkerPools(): Promise<void> {
  await Promise.all([verifyPool.close(), renderPool.close()])
}
