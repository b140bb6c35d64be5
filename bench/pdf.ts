/**
 * `npm run bench -- pdf [--iterations N] [--rows N] [--seconds S]` — the sơ yếu lý lịch renderer without
 * database or HTTP: median time to build and render Mẫu 2C for a record with long histories (N rows in each
 * of training, work, salary and awards), against a baseline measured in the same run (one A4 page with the
 * same embedded, subsetted fonts and one line of text — the fixed cost of any PDF we make), then PDFs per
 * second with one and with two worker processes (the target machine has 2 cores).
 */
import { spawn } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { PDFDocument } from 'pdf-lib'

import { buildForm2C } from '../src/domain/forms'
import { renderForm } from '../src/pdf/render'
import { samplePrintRecord } from '../test/helpers/printRecord'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return Math.round(s[Math.floor(s.length / 2)]! * 100) / 100
}
function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return Math.round(s[Math.min(s.length - 1, Math.floor(0.95 * s.length))]! * 100) / 100
}

async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint()
  await fn()
  return Number(process.hrtime.bigint() - t0) / 1e6
}

/** Worker mode: render for `seconds` after a warm-up and print how many PDFs were made. */
export async function pdfWorker(rows: number, seconds: number): Promise<void> {
  const record = samplePrintRecord(rows)
  for (let i = 0; i < 5; i++) await renderForm(buildForm2C(record))
  const end = Date.now() + seconds * 1000
  let n = 0
  while (Date.now() < end) {
    await renderForm(buildForm2C(record))
    n++
  }
  // Wait for the pipe to take the line: the CLI exits right after this returns.
  await new Promise<void>((resolve) => process.stdout.write(JSON.stringify({ pdfs: n, seconds }) + '\n', () => resolve()))
}

async function throughput(workers: number, rows: number, seconds: number): Promise<number> {
  const runs = Array.from({ length: workers }, () =>
    new Promise<number>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'bench/run.ts', 'pdf-worker', '--rows', String(rows), '--seconds', String(seconds)], {
        cwd: root,
        env: { ...process.env, NODE_OPTIONS: '' },
        stdio: ['ignore', 'pipe', 'inherit'],
      })
      let out = ''
      child.stdout.on('data', (d) => (out += d))
      child.on('close', (code) => {
        const m = /\{"pdfs":(\d+)/.exec(out)
        if (code === 0 && m) resolve(Number(m[1]))
        else reject(new Error(`pdf worker exited with ${code}: ${out}`))
      })
    }),
  )
  const counts = await Promise.all(runs)
  return Math.round((counts.reduce((a, b) => a + b, 0) / seconds) * 10) / 10
}

export async function pdfBench(iterations: number, rows: number, seconds: number): Promise<Record<string, unknown>> {
  const record = samplePrintRecord(rows)
  const baselineDoc = { form: '2c' as const, title: 'baseline', blocks: [{ kind: 'title' as const, text: 'Nguyễn Thị Hường — Quảng Ngãi, Đắk Lắk' }] }
  // Warm-up: font files read, JIT warm.
  for (let i = 0; i < 10; i++) {
    await renderForm(buildForm2C(record))
    await renderForm(baselineDoc)
  }
  const form: number[] = []
  const baseline: number[] = []
  let bytes = 0
  let pages = 0
  for (let i = 0; i < iterations; i++) {
    // Interleaved, so both see the same machine load.
    form.push(
      await timeIt(async () => {
        const pdf = await renderForm(buildForm2C(record))
        bytes = pdf.length
      }),
    )
    baseline.push(await timeIt(() => renderForm(baselineDoc)))
  }
  pages = (await PDFDocument.load(await renderForm(buildForm2C(record)))).getPageCount()
  const one = await throughput(1, rows, seconds)
  const two = await throughput(2, rows, seconds)
  return {
    historyRowsEach: rows,
    form2c: { medianMs: median(form), p95Ms: p95(form), bytes, pages },
    baselineOnePage: { medianMs: median(baseline), p95Ms: p95(baseline) },
    ratioMedian: Math.round((median(form) / median(baseline)) * 100) / 100,
    targetMedianMs: 150,
    throughput: { seconds, oneWorkerPdfsPerSecond: one, twoWorkersPdfsPerSecond: two, scaling: Math.round((two / one) * 100) / 100 },
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
  }
}
