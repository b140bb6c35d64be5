/**
 * `npm run bench -- records [--staff N] [--iterations RUNS] [--batch SIZE]`: every record of the data set as a
 * hoso.record/1 document (src/records, as the system, batches of SIZE, default 500) — the path of an Excel export or
 * a national sync backfill — against reading the same rows as raw SQL in the same batches (the floor: no Payload,
 * no mapping), runs interleaved; and one record's document (median of 200). Peak RSS of this process is reported.
 */
import type { Pool } from 'pg'
import type { Payload } from 'payload'

import { canonicalJson, HISTORIES } from '../src/domain/record'
import { loadCanonicalRecord, loadCanonicalRecords } from '../src/records/canonicalRecords'
import { stats } from './run'

export async function benchRecords(payload: Payload, pool: Pool, { runs, batchSize }: { runs: number; batchSize: number }) {
  const ids = (await pool.query<{ id: number }>('SELECT id FROM staff ORDER BY id')).rows.map((r) => r.id)
  const tables = HISTORIES.map((h) => h.slug.replace(/-/g, '_'))
  const documents: number[] = []
  const raw: number[] = []
  let bytes = 0
  let rowsRead = 0
  for (let run = 0; run < runs; run++) {
    for (const variant of run % 2 ? ['raw', 'documents'] : ['documents', 'raw']) {
      const t0 = process.hrtime.bigint()
      if (variant === 'documents') {
        let n = 0
        bytes = 0
        for await (const doc of loadCanonicalRecords({ system: true, payload }, ids, { batchSize })) {
          bytes += canonicalJson(doc).length
          n++
        }
        if (n !== ids.length) throw new Error(`loaded ${n} of ${ids.length} records`)
        documents.push(Number(process.hrtime.bigint() - t0) / 1e6)
      } else {
        rowsRead = 0
        for (let i = 0; i < ids.length; i += batchSize) {
          const batch = ids.slice(i, i + batchSize)
          const results = await Promise.all([
            pool.query('SELECT * FROM staff WHERE id = ANY($1)', [batch]),
            ...tables.map((t) => pool.query(`SELECT * FROM ${t} WHERE staff_id = ANY($1)`, [batch])),
          ])
          rowsRead += results.reduce((n, r) => n + r.rowCount!, 0)
        }
        raw.push(Number(process.hrtime.bigint() - t0) / 1e6)
      }
    }
  }
  const one: number[] = []
  for (let i = 0; i < 200; i++) {
    const id = ids[(i * 7919) % ids.length]!
    const t0 = process.hrtime.bigint()
    await loadCanonicalRecord({ system: true, payload }, id)
    one.push(Number(process.hrtime.bigint() - t0) / 1e6)
  }
  const all = stats(documents)
  const floor = stats(raw)
  return {
    batchSize,
    records: ids.length,
    rowsRead,
    canonicalJsonBytes: bytes,
    allRecords: { documents: all, rawSql: floor, ratio: Math.round((all.medianMs / floor.medianMs) * 10) / 10 },
    recordsPerSecond: Math.round(ids.length / (all.medianMs / 1000)),
    oneRecord: stats(one),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }
}
