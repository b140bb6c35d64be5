/**
 * `npm run bench -- NAME [--staff N] [--iterations N]` — measures against a realistic data set and
 * writes JSON to bench/results/NAME-<timestamp>.json. Figures are medians and p95 of the same query
 * through the HTTP API and as raw SQL, measured in the same run, so the ratio holds on a noisy machine.
 *
 * Database: DATABASE_URL, or an embedded PostgreSQL under .data/bench (never the demo database).
 * The data set is (re)seeded when it does not hold exactly N staff (default 100 000).
 *
 * Benchmarks: search (name search), list (unit-subtree list page: 25 rows + total, through GET /api/staff/list
 * and through Payload's generic list),
 * access (the same list page for unit HR officers, scoped to their subtree, vs ministry HR, unscoped),
 * backup (backup + verify + restore of the whole data set vs a plain COPY read; bench/backup.ts),
 * pdf (the 2C renderer without database: median render time vs a one-page baseline, PDFs/s on 1 and 2 workers),
 * audit (opening a record and a list page with read logging on, vs a second server on the same database with
 * HOSO_AUDIT_READS=false, requests interleaved),
 * import (the Excel import of N records with their histories — dry run and commit — vs the bulk seed of the same
 * records in the same run; default --staff 10000; bench/import.ts),
 * records (every record as a hoso.record/1 document through src/records in batches, vs reading the same rows as raw
 * SQL; one record's document; default --staff 10000; bench/records.ts),
 * outbox (an HR edit with its national sync entry vs the entry's write alone; one delivery pass's entries/s;
 * bench/nationalSync.ts),
 * reports (the BM01-layout report for the whole ministry, a drill-down, the Excel export; bench/reports.ts),
 * pages (Chromium loads sign-in → dashboard → staff list → record → "Hồ sơ của tôi" on the production build, each
 * beside the API call it stands on; bench/pages.ts).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'


import { ensureBuild } from '../scripts/ensure-build.mjs'
import { benchBackup } from './backup'
import { benchPages } from './pages'
import { limitsBench } from './limits'
import { loadBench } from './load'
import { benchImport } from './import'
import { benchRecords } from './records'
import { benchOutbox } from './nationalSync'
import { benchReports } from './reports'
import { pdfBench, pdfWorker } from './pdf'
import { signBench } from './sign'
import { searchStaff } from '../src/search/staffSearch'
import { boot } from '../src/server/boot'
import { runCli } from '../src/server/cli/run'
import { resetDatabase } from '../src/seed/reset'
import { seedDemoData } from '../src/seed/seed'
import { startTestServer } from '../test/helpers/server'
import { loginToken } from '../test/helpers/auth'
import { drainAuditOutbox } from '../src/audit/outbox'
import { poolOf } from '../src/db/pool'
import { readPostmasterPid, startEmbeddedPostgres, type EmbeddedDatabase } from '../src/db/embeddedPostgres'
import type { Pool } from 'pg'
import { personDigest, reminderSettingsFrom } from '../src/domain/reminders'
import { peopleInSubtree, unitAggregates } from '../src/reminders/queries'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export interface Stats {
  n: number
  medianMs: number
  p95Ms: number
  meanMs: number
}

export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b)
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!
  const r = (x: number) => Math.round(x * 100) / 100
  return { n: s.length, medianMs: r(at(0.5)), p95Ms: r(at(0.95)), meanMs: r(s.reduce((a, b) => a + b, 0) / s.length) }
}

export async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint()
  await fn()
  return Number(process.hrtime.bigint() - t0) / 1e6
}

/** Interleaves the two variants (HTTP and SQL, or with and without a feature) so both see the same machine load. */
async function compare(iterations: number, cases: Array<{ http: () => Promise<unknown>; sql: () => Promise<unknown> }>) {
  const http: number[] = []
  const sql: number[] = []
  for (let w = 0; w < Math.min(20, cases.length * 2); w++) {
    const c = cases[w % cases.length]!
    await c.http()
    await c.sql()
  }
  // Which variant goes first alternates, so neither always follows the other's work (caches, the drainer).
  for (let i = 0; i < iterations; i++) {
    const c = cases[i % cases.length]!
    if (i % 2) {
      sql.push(await time(c.sql))
      http.push(await time(c.http))
    } else {
      http.push(await time(c.http))
      sql.push(await time(c.sql))
    }
  }
  const h = stats(http)
  const s = stats(sql)
  return { http: h, sql: s, ratioMedian: Math.round((h.medianMs / s.medianMs) * 100) / 100, ratioP95: Math.round((h.p95Ms / s.p95Ms) * 100) / 100 }
}

function writeResult(name: string, out: { at: string } & Record<string, unknown>): void {
  fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true })
  const file = path.join(root, 'bench/results', `${name}-${out.at.replace(/[:.]/g, '-')}.json`)
  fs.writeFileSync(file, JSON.stringify(out, null, 2))
  console.log(JSON.stringify(out, null, 2))
  console.log(`written ${path.relative(root, file)}`)
}

runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      staff: { type: 'string', default: '100000' },
      iterations: { type: 'string', default: '300' },
      rows: { type: 'string', default: '40' },
      seconds: { type: 'string', default: '10' },
      batch: { type: 'string', default: '100' },
      rate: { type: 'string', default: '200' },
      fault: { type: 'string', default: 'none' },
      instances: { type: 'string', default: '2' },
    },
  })
  const name = positionals[0]
  if (name === 'pdf-worker') {
    await pdfWorker(Number(values.rows), Number(values.seconds))
    return 0
  }
  if (name === 'pdf') {
    const iterations = Number(values.iterations === '300' ? 100 : values.iterations)
    const result = await pdfBench(iterations, Number(values.rows), Number(values.seconds))
    writeResult(name, { benchmark: name, at: new Date().toISOString(), iterations, machine: { cpus: os.cpus().length, node: process.version }, ...result })
    return 0
  }
  if (name === 'sign') {
    const iterations = Number(values.iterations === '300' ? 30 : values.iterations)
    const result = await signBench(iterations, Number(values.batch))
    writeResult(name, { benchmark: name, at: new Date().toISOString(), iterations, machine: { cpus: os.cpus().length, node: process.version }, ...result })
    return 0
  }
  if (!name || !['search', 'list', 'access', 'backup', 'audit', 'reminders', 'records', 'import', 'outbox', 'reports', 'load', 'limits', 'pages'].includes(name)) {
    console.error('usage: npm run bench -- search|list|access|audit|backup|reminders|records|import|outbox|reports|pdf|sign|load|limits|pages [--staff N] [--iterations N] [--rows N] [--seconds S] [--batch N] [--rate R] [--fault none|kill|pg-restart] [--instances N]')
    return 2
  }
  const staffN = Number((name === 'records' || name === 'import') && !process.argv.includes('--staff') ? '10000' : values.staff)
  const iterations = Number(values.iterations)
  if (!process.env.DATABASE_URL) process.env.HOSO_DATA_DIR = path.join(root, '.data/bench')
  const booted = await boot()
  const pool = poolOf(booted.payload)
  if (name === 'import') {
    // Seeds its own data (the bulk seed is what it is compared with), so before the common seeding step.
    const result = await benchImport(booted.payload, pool, { staff: staffN, runs: process.argv.includes('--iterations') ? Math.max(1, Math.min(iterations, 3)) : 1 })
    writeResult(name, { benchmark: name, at: new Date().toISOString(), staff: staffN, machine: { cpus: os.cpus().length, node: process.version }, ...result })
    await booted.shutdown()
    return
  }
  const count = (await booted.payload.count({ collection: 'staff' })).totalDocs
  if (count !== staffN) {
    console.log(`seeding ${staffN} staff (found ${count})…`)
    const t0 = Date.now()
    await resetDatabase(booted.payload)
    await seedDemoData(booted.payload, { staff: staffN, log: (m) => console.log(m) })
    console.log(`seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`)
    // The bulk load leaves dead row versions (staff_names' counters are upserted per batch): reclaim them.
    await pool.query('VACUUM ANALYZE')
  }
  await pool.query('ANALYZE')
  // Benchmarks that need no HTTP server: run, write the result, stop.
  const direct =
    name === 'backup'
      ? () => benchBackup({ pool, serverUrl: booted.database.url, runs: Math.min(iterations, 3) })
      : name === 'records'
        ? () => benchRecords(booted.payload, pool, { runs: Math.min(iterations, 3), batchSize: Number(values.batch === '100' ? 500 : values.batch) })
        : name === 'reminders'
          ? () => benchReminders(pool, Math.min(iterations, Number(process.env.BENCH_REMINDER_ITERATIONS ?? 5)))
          : name === 'outbox'
            ? () => benchOutbox(booted.payload, pool, { iterations })
          : name === 'reports'
            ? () => benchReports(pool, Math.min(iterations, 20))
            : null
  if (direct) {
    const result = await direct()
    writeResult(name, { benchmark: name, at: new Date().toISOString(), staff: staffN, iterations, machine: { cpus: os.cpus().length, node: process.version }, ...result })
    await booted.shutdown()
    return
  }
  ensureBuild()
  if (name === 'load') {
    process.env.HOSO_REQUIRE_MFA ??= 'false'
    if (!process.env.HOSO_DATA_KEY && !process.env.HOSO_DATA_KEY_FILE) {
      process.env.HOSO_DATA_KEY_FILE = path.resolve(process.env.HOSO_DATA_DIR ?? '.data', 'data-key')
    }
    const fault = values.fault as 'none' | 'kill' | 'pg-restart'
    const embedded = booted.database.embedded
    let restarted: EmbeddedDatabase | null = null
    const result = await loadBench({
      payload: booted.payload,
      pool,
      databaseUrl: booted.database.url,
      rate: Number(values.rate),
      seconds: Number(values.seconds === '10' ? 60 : values.seconds),
      fault,
      instances: Number(values.instances),
      restartDatabase: embedded ? async () => void (restarted = await restartEmbedded(embedded)) : null,
    })
    writeResult(`load${fault === 'none' ? '' : `-${fault}`}`, { benchmark: 'load', at: new Date().toISOString(), staff: staffN, machine: { cpus: os.cpus().length, node: process.version }, ...result })
    if (restarted) {
      void booted.payload.destroy().catch(() => {})
      await (restarted as EmbeddedDatabase).stop()
    } else await booted.shutdown()
    return
  }
  // The bench accounts sign in with a password only: the second factor (an HMAC check per request, cost
  // negligible next to the rest) is switched off as in the test suite, or HR roles would wait for it.
  process.env.HOSO_REQUIRE_MFA ??= 'false'
  // The servers run in production mode, which asks for the data key explicitly: the one this process used.
  if (!process.env.HOSO_DATA_KEY && !process.env.HOSO_DATA_KEY_FILE) {
    process.env.HOSO_DATA_KEY_FILE = path.resolve(process.env.HOSO_DATA_DIR ?? '.data', 'data-key')
  }
  const serverEnv = { DATABASE_URL: booted.database.url, LOG_LEVEL: 'info' }
  const server = await startTestServer(serverEnv)
  // Bench accounts, created when missing: the system administrator reads no personal data, so the
  // benchmarks read as ministry HR (every record) and, for `access`, as unit HR officers.
  const password = 'vuon-dao-mua-xuan-2026'
  // Like real HR officers, each bench account is linked to a staff record of its unit (the record is read
  // with the account on every request), chosen among records without an account.
  const ensure = async (email: string, roles: string[], unit?: number) => {
    const found = await booted.payload.find({ collection: 'accounts', where: { email: { equals: email } }, limit: 1 })
    if (found.docs.length) await booted.payload.update({ collection: 'accounts', id: found.docs[0]!.id, data: { password } })
    else {
      const { rows } = await pool.query<{ id: number }>(
        `SELECT s.id FROM staff s WHERE ($1::text IS NULL OR s.unit_path LIKE $1) AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.staff_id = s.id) ORDER BY s.id LIMIT 1`,
        [unit == null ? null : `%.${unit}.%`],
      )
      await booted.payload.create({ collection: 'accounts', data: { email, password, roles: roles as never, unit, staff: rows[0]?.id } })
    }
    return loginToken(server.url, email, password)
  }
  const token = await ensure('bench-ministry@hoso.local', ['ministry-hr'])
  const get = async (p: string, as = token) => {
    const res = await fetch(`${server.url}${p}`, { headers: { Authorization: `JWT ${as}` } })
    if (res.status !== 200) throw new Error(`${p} → ${res.status}`)
    return res.json()
  }

  let result: Record<string, unknown>
  try {
    if (name === 'list') {
      // Level-1 and level-2 units: subtrees from a few hundred to a few thousand people.
      const { rows: units } = await pool.query<{ id: number; n: number }>(
        `SELECT u.id, (SELECT count(*)::int FROM staff s WHERE s.unit_path LIKE '%.' || u.id || '.%') AS n
           FROM units u WHERE u.depth BETWEEN 1 AND 2 ORDER BY u.id`,
      )
      // The same page as raw SQL: 25 rows of `columns` in Vietnamese name order and the total, side by side,
      // with the operator each side uses (Payload's `like` is ILIKE).
      const sqlPage = (unit: number, columns: string, like = 'ILIKE') =>
        Promise.all([
          pool.query(`SELECT ${columns} FROM staff WHERE unit_path ${like} $1 ORDER BY sort_name, id LIMIT 25`, [`%.${unit}.%`]),
          pool.query(`SELECT count(*) FROM staff WHERE unit_path ${like} $1`, [`%.${unit}.%`]),
        ])
      const cases = units.map((u) => ({
        http: () => get(`/api/staff?where[unitPath][like]=.${u.id}.&limit=25&depth=0`),
        sql: () => sqlPage(u.id, '*'),
      }))
      const columns = ['staffCode', 'fullName', 'gender', 'birthDate', 'rank', 'position', 'unit']
      const select = columns.map((c) => `select[${c}]=true`).join('&')
      const listColumns = units.map((u) => ({
        http: () => get(`/api/staff?where[unitPath][like]=.${u.id}.&limit=25&depth=0&joins=false&${select}`),
        sql: () => sqlPage(u.id, 'id, staff_code, full_name, gender, birth_date, rank_id, position, unit_id, updated_at, created_at'),
      }))
      // The unit list endpoint (GET /api/staff/list): the list page, list columns in Vietnamese name order.
      const listEndpoint = units.map((u) => ({
        http: () => get(`/api/staff/list?unit=${u.id}&limit=25`),
        sql: () => sqlPage(u.id, 'id, staff_code, full_name, gender, birth_date, employment_type, unit_id, position, rank_id, unit_path', 'LIKE'),
      }))
      result = {
        unitListEndpoint: await compare(iterations, listEndpoint),
        unitSubtreeList: await compare(iterations, cases),
        unitSubtreeListColumns: await compare(iterations, listColumns),
        note:
          'unitListEndpoint = GET /api/staff/list?unit=…&limit=25 (the list page); unitSubtreeList* = Payload\'s generic ' +
          'GET /api/staff?where[unitPath][like]=… with every field, or with select= of the list columns; sql = the same page and count as raw SQL',
        units: units.length, subtreeSizes: { min: Math.min(...units.map((u) => u.n)), max: Math.max(...units.map((u) => u.n)) } }
    } else if (name === 'audit') {
      // Same database, same build, same account; only read logging differs. "http" = logging on, "sql" = off.
      const baseline = await startTestServer({ ...serverEnv, HOSO_AUDIT_READS: 'false' })
      try {
        const getFrom = async (base: string, p: string) => {
          const res = await fetch(`${base}${p}`, { headers: { Authorization: `JWT ${token}` } })
          if (res.status !== 200) throw new Error(`${p} → ${res.status}`)
          return res.json()
        }
        const chained = async () => {
          await drainAuditOutbox(pool)
          return Number((await pool.query('SELECT coalesce(max(seq), 0) AS n FROM audit_events')).rows[0].n)
        }
        const eventsBefore = await chained()
        const { rows: ids } = await pool.query<{ id: number }>(`SELECT id FROM staff TABLESAMPLE SYSTEM (1) REPEATABLE (7) LIMIT 200`)
        const { rows: depts } = await pool.query<{ id: number }>(`SELECT id FROM units WHERE depth BETWEEN 1 AND 2 ORDER BY id`)
        const open = ids.map(({ id }) => ({
          http: () => getFrom(server.url, `/api/staff/${id}?depth=0`),
          sql: () => getFrom(baseline.url, `/api/staff/${id}?depth=0`),
        }))
        const list = depts.map(({ id }) => ({
          http: () => getFrom(server.url, `/api/staff?where[unitPath][like]=.${id}.&limit=25&depth=0`),
          sql: () => getFrom(baseline.url, `/api/staff?where[unitPath][like]=.${id}.&limit=25&depth=0`),
        }))
        const r1 = await compare(iterations, open)
        const r2 = await compare(iterations, list)
        const pct = (r: { ratioMedian: number }) => Math.round((r.ratioMedian - 1) * 1000) / 10
        const eventsAfter = await chained()
        result = {
          openRecord: { logged: r1.http, notLogged: r1.sql, ratioMedian: r1.ratioMedian, ratioP95: r1.ratioP95, overheadMedianPct: pct(r1) },
          listPage: { logged: r2.http, notLogged: r2.sql, ratioMedian: r2.ratioMedian, ratioP95: r2.ratioP95, overheadMedianPct: pct(r2) },
          auditEventsWritten: eventsAfter - eventsBefore,
          note: 'HTTP as ministry HR; "logged" = server with read logging (one outbox INSERT per request, chained by the drainer about every second), "notLogged" = second server with HOSO_AUDIT_READS=false on the same database, requests interleaved',
        }
      } finally {
        await baseline.stop()
      }
    } else if (name === 'pages') {
      await ensure('bench-ministry@hoso.local', ['ministry-hr'])
      const { rows } = await pool.query<{ id: number }>(`SELECT id FROM staff ORDER BY id LIMIT 1 OFFSET 500`)
      result = await benchPages({ url: server.url, email: 'bench-ministry@hoso.local', password, recordId: rows[0]?.id ?? 1, iterations: Math.min(iterations, 20), time, stats })
    } else if (name === 'limits') {
      const hr = await ensure('bench-limits-hr@hoso.local', ['unit-hr'], (await pool.query<{ id: number }>(`SELECT id FROM units WHERE depth = 1 ORDER BY id LIMIT 1`)).rows[0]!.id)
      const { rows: recs } = await pool.query<{ id: number }>(`SELECT id FROM staff TABLESAMPLE SYSTEM (1) REPEATABLE (5) LIMIT 20`)
      const { rows: us } = await pool.query<{ id: number }>(`SELECT id FROM units WHERE depth BETWEEN 1 AND 2 ORDER BY id LIMIT 10`)
      result = await limitsBench({
        url: server.url,
        victimToken: token,
        attackerToken: hr,
        recordIds: recs.map((r) => r.id),
        unitIds: us.map((u) => u.id),
        rounds: 3,
        perRound: Math.max(10, Math.round(iterations / 6)),
      })
    } else if (name === 'access') {
      const ministry = token
      const { rows: depts } = await pool.query<{ id: number }>(`SELECT id FROM units WHERE depth = 1 ORDER BY id LIMIT 6`)
      const hr = await Promise.all(depts.map((d) => ensure(`bench-hr-${d.id}@hoso.local`, ['unit-hr'], d.id)))
      const page = '/api/staff?limit=25&depth=0'
      const cases = hr.map((t) => ({ http: () => get(page, t), sql: () => get(page, ministry) }))
      const r = await compare(iterations, cases)
      result = {
        scopedVsUnscoped: { scoped: r.http, unscoped: r.sql, overheadMedian: r.ratioMedian, overheadP95: r.ratioP95 },
        note: 'both sides are HTTP list pages (25 rows + total); "scoped" = unit HR officer (WHERE unit_path LIKE), "unscoped" = ministry HR',
      }
    } else {
      const { rows } = await pool.query<{ full_name: string }>(`SELECT full_name FROM staff ORDER BY id LIMIT 40 OFFSET 1000`)
      const typo = (s: string) => s.slice(0, -2) + s.slice(-1) // drop the second-to-last letter
      const queries = rows.flatMap((r, i) => [r.full_name, i % 2 ? r.full_name.toLowerCase() : typo(r.full_name)])
      const search = queries.map((q) => ({
        http: () => get(`/api/staff/search?q=${encodeURIComponent(q)}&limit=25`),
        sql: () => searchStaff(pool, q, 25),
      }))
      const filter = rows.map((r) => ({
        http: () => get(`/api/staff?where[searchName][like]=${encodeURIComponent(r.full_name)}&limit=25&depth=0`),
        sql: () => pool.query(`SELECT * FROM staff WHERE search_name ILIKE $1 ORDER BY sort_name, id LIMIT 25`, [`%${r.full_name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase()}%`]),
      }))
      result = { typoTolerantSearch: await compare(iterations, search), listFilterByName: await compare(iterations, filter) }
    }
  } finally {
    await server.stop()
  }
  writeResult(name, {
    benchmark: name,
    at: new Date().toISOString(),
    staff: staffN,
    iterations,
    machine: { cpus: os.cpus().length, node: process.version },
    ...result,
  })
  await booted.shutdown()
})

/** Stops the bench's embedded PostgreSQL (fast shutdown) and starts it again on the same port. */
async function restartEmbedded(embedded: EmbeddedDatabase): Promise<EmbeddedDatabase> {
  const running = readPostmasterPid(embedded.dataDir)
  if (running) process.kill(running.pid, 'SIGINT')
  while (readPostmasterPid(embedded.dataDir)) await new Promise((r) => setTimeout(r, 50))
  return startEmbeddedPostgres({ dataDir: embedded.dataDir, port: embedded.port })
}

/**
 * Reminders: the weekly digest computation over the whole database — every person's completeness and
 * staleness in SQL plus the pure digest for each one needing attention — and the per-unit dashboard
 * aggregates for the whole tree and for one department. Baseline, in the same run: a plain scan of the
 * same staff rows without the rules.
 */
async function benchReminders(pool: Pool, iterations: number): Promise<Record<string, unknown>> {
  const settings = reminderSettingsFrom(process.env)
  const now = new Date()
  const { rows: depts } = await pool.query<{ id: number }>(
    `SELECT u.id FROM units u WHERE u.depth = 1 ORDER BY (SELECT count(*) FROM staff s WHERE s.unit_id = u.id) DESC LIMIT 1`,
  )
  let digests = 0
  let people = 0
  const runs = {
    baselineScan: () => pool.query(`SELECT id, full_name, last_confirmed_at, created_at FROM staff WHERE unit_path LIKE '%'`),
    personDigests: async () => {
      const rows = await peopleInSubtree(pool, null, settings, now, { onlyNeedingAttention: true })
      people = rows.length
      digests = rows.filter((p) => personDigest(p, settings, now, 'https://hoso.example/ho-so-cua-toi') !== null).length
    },
    unitAggregatesAll: () => unitAggregates(pool, null, settings, now),
    unitAggregatesDepartment: () => unitAggregates(pool, depts[0]!.id, settings, now),
  }
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(runs).map((k) => [k, []]))
  await runs.baselineScan() // warm the cache once
  for (let i = 0; i < iterations; i++) {
    for (const [k, fn] of Object.entries(runs)) samples[k]!.push(await time(fn))
  }
  const s = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, stats(v)]))
  const ratio = (k: string) => Math.round((s[k]!.medianMs / s.baselineScan!.medianMs) * 100) / 100
  return {
    ...s,
    ratioToBaseline: { personDigests: ratio('personDigests'), unitAggregatesAll: ratio('unitAggregatesAll'), unitAggregatesDepartment: ratio('unitAggregatesDepartment') },
    peopleNeedingAttention: people,
    digestsComposed: digests,
    department: depts[0]!.id,
    targetMs: 10_000,
  }
}
