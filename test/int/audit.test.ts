/**
 * The audit trail through the Local API on a real PostgreSQL: each change, read and login produces exactly
 * one event with the right content; a rolled-back change leaves none; concurrent writers keep one chain; the
 * database refuses UPDATE, DELETE and TRUNCATE; a row altered behind the triggers' back is found by
 * audit:verify at its position. Reads go through the outbox: chained once, in order, with the time of the
 * read, only by the drain; the outbox refuses UPDATE, TRUNCATE and any DELETE of a row not yet chained.
 */
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { fileURLToPath } from 'node:url'

import pg from 'pg'
import { createLocalReq, initTransaction, killTransaction, type Payload } from 'payload'

import { drainAuditOutbox, pendingAuditOutbox } from '../../src/audit/outbox'
import { recordAuditEvent } from '../../src/audit/record'
import { verifyAuditChain } from '../../src/audit/verify'
import { seedDemoData } from '../../src/seed/seed'
import { auditTrail } from '../helpers/auditTrail'
import { startTestPayload, stopTestPayload } from '../helpers/payload'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const PASSWORD = 'mat-khau-thu-nghiem-2026'

let payload: Payload
let databaseUrl: string
let sql: pg.Pool
type Account = { id: number; collection: 'accounts'; roles: string[]; email: string; unit?: number; staff?: number }
let ministry: Account
let head: Account
let staffUser: Account
let admin: Account
let staffIds: number[]

interface EventRow {
  id: number
  seq: string
  operation: string
  target_collection: string
  record_ids: string | null
  subjects: string | null
  subject_units: string | null
  actor_id: string | null
  actor_name: string | null
  actor_roles: string | null
  purpose: string | null
  changes: Array<{ field: string; before: unknown; after: unknown; masked?: boolean }> | null
  detail: Record<string, unknown> | null
}

const lastSeq = () => auditTrail(sql).lastSeq()
const eventsAfter = (seq: number) => auditTrail<EventRow>(sql).eventsAfter(seq)

async function account(email: string, roles: string[], extra: Record<string, unknown> = {}): Promise<Account> {
  const doc = await payload.create({ collection: 'accounts', data: { email, password: PASSWORD, roles: roles as never, ...extra } })
  return { ...(doc as unknown as Account), collection: 'accounts' }
}

beforeAll(async () => {
  process.env.DEMO_PASSWORD = PASSWORD
  const started = await startTestPayload()
  payload = started.payload
  databaseUrl = started.databaseUrl
  await seedDemoData(payload, { staff: 40 })
  sql = new pg.Pool({ connectionString: databaseUrl, max: 4 })
  staffIds = (await sql.query<{ id: number }>('SELECT id FROM staff ORDER BY id')).rows.map((r) => r.id)
  const unitOf = (await sql.query<{ id: number }>(`SELECT id FROM units WHERE depth = 1 ORDER BY id LIMIT 1`)).rows[0]!.id
  ministry = await account('tccb-audit@test.local', ['ministry-hr'])
  head = await account('head-audit@test.local', ['unit-head'], { unit: unitOf })
  staffUser = await account('self-audit@test.local', ['staff'], { staff: staffIds[5] })
  admin = (await payload.find({ collection: 'accounts', where: { email: { equals: 'admin@hoso.local' } } })).docs[0] as unknown as Account
  admin = { ...admin, collection: 'accounts' }
})

afterAll(async () => {
  await sql?.end()
  await stopTestPayload(payload)
})

test('seeding writes no event and the trail starts empty', async () => {
  expect(await lastSeq()).toBe(0)
})

test('an update is one event with the field diff; identifiers and sensitive values are masked', async () => {
  const id = staffIds[0]!
  const before = (await payload.findByID({ collection: 'staff', id, depth: 0 })) as unknown as Record<string, unknown>
  const religionCodes = await payload.find({ collection: 'codes', where: { list: { equals: 'religion' } }, limit: 2, sort: 'code' })
  const newReligion = religionCodes.docs.find((d) => d.id !== (before.religion as number))!.id
  const start = await lastSeq()
  await payload.update({
    collection: 'staff',
    id,
    data: { phone: '0987 654 321', socialInsuranceNumber: '7900123456', religion: newReligion },
    user: ministry,
    overrideAccess: false,
  })
  const events = await eventsAfter(start)
  expect(events).toHaveLength(1)
  const e = events[0]!
  expect(e).toMatchObject({
    operation: 'update',
    target_collection: 'staff',
    record_ids: `.${id}.`,
    subjects: `.${id}.`,
    actor_id: String(ministry.id),
    actor_name: ministry.email,
    actor_roles: 'ministry-hr',
    purpose: null,
  })
  expect(e.subject_units).toMatch(/^\.\d+(\.\d+)*\.$/)
  const byField = Object.fromEntries(e.changes!.map((c) => [c.field, c]))
  expect(byField.phone).toEqual({ field: 'phone', before: before.phone ?? null, after: '0987 654 321' })
  expect(byField.socialInsuranceNumber!.masked).toBe(true)
  expect(byField.socialInsuranceNumber!.after).toMatch(/^hmac:[0-9a-f]{16}$/)
  expect(byField.religion!.masked).toBe(true)
  // The raw identifier appears nowhere in the event.
  expect(JSON.stringify(e)).not.toContain('7900123456')
  if (before.socialInsuranceNumber) expect(JSON.stringify(e)).not.toContain(String(before.socialInsuranceNumber))
  // Bookkeeping fields are not reported as changes.
  expect(Object.keys(byField).sort()).toEqual(['phone', 'religion', 'socialInsuranceNumber'])
})

test('creating and deleting a history row are one event each, about the person the row belongs to', async () => {
  const staff = staffIds[1]!
  const form = (await payload.find({ collection: 'codes', where: { list: { equals: 'award-form' } }, limit: 1 })).docs[0]!.id
  let start = await lastSeq()
  const row = await payload.create({
    collection: 'awards',
    data: { staff, year: 2024, form, content: 'Hoàn thành xuất sắc nhiệm vụ' },
    // depth 0: a populated `staff` in the response would be (and is logged as) a read of the record.
    depth: 0,
    user: ministry,
    overrideAccess: false,
  })
  let events = await eventsAfter(start)
  expect(events).toHaveLength(1)
  expect(events[0]).toMatchObject({ operation: 'create', target_collection: 'awards', record_ids: `.${row.id}.`, subjects: `.${staff}.` })
  expect(events[0]!.subject_units).toMatch(/^\.\d+(\.\d+)*\.$/)
  expect(events[0]!.changes).toEqual(expect.arrayContaining([{ field: 'content', before: null, after: 'Hoàn thành xuất sắc nhiệm vụ' }, { field: 'year', before: null, after: 2024 }]))

  start = await lastSeq()
  await payload.delete({ collection: 'awards', id: row.id, depth: 0, user: ministry, overrideAccess: false })
  events = await eventsAfter(start)
  expect(events).toHaveLength(1)
  expect(events[0]).toMatchObject({ operation: 'delete', target_collection: 'awards', record_ids: `.${row.id}.`, subjects: `.${staff}.` })
  expect(events[0]!.changes).toEqual(expect.arrayContaining([{ field: 'content', before: 'Hoàn thành xuất sắc nhiệm vụ', after: null }]))
})

test('a change rolled back with its transaction leaves no event', async () => {
  const id = staffIds[2]!
  const start = await lastSeq()
  const req = await createLocalReq({ user: ministry as never }, payload)
  await initTransaction(req)
  await payload.update({ collection: 'staff', id, data: { phone: '0911 222 333' }, user: ministry, overrideAccess: false, req })
  // Inside the transaction the event exists (same connection)…
  await killTransaction(req)
  // …after the rollback neither the change nor its event does.
  expect(await eventsAfter(start)).toHaveLength(0)
  const after = await payload.findByID({ collection: 'staff', id, depth: 0 })
  expect(after.phone).not.toBe('0911 222 333')
  // A write refused by validation leaves nothing either.
  await expect(
    payload.update({ collection: 'staff', id, data: { birthDate: '2999-01-01T00:00:00.000Z' }, user: ministry, overrideAccess: false }),
  ).rejects.toMatchObject({ name: 'ValidationError', status: 400 })
  expect(await eventsAfter(start)).toHaveLength(0)
})

test('reads on behalf of a person: one event per list with the ids returned, one per record; system reads and own-record reads are not logged', async () => {
  let start = await lastSeq()
  const list = await payload.find({ collection: 'staff', limit: 7, depth: 0, user: ministry, overrideAccess: false })
  let events = await eventsAfter(start)
  expect(events).toHaveLength(1)
  expect(events[0]).toMatchObject({ operation: 'read', target_collection: 'staff', actor_id: String(ministry.id), detail: { list: true } })
  expect(events[0]!.record_ids).toBe(`.${list.docs.map((d) => d.id).join('.')}.`)
  expect(events[0]!.subjects).toBe(events[0]!.record_ids)

  start = await lastSeq()
  await payload.findByID({ collection: 'staff', id: staffIds[3]!, depth: 0, user: ministry, overrideAccess: false })
  events = await eventsAfter(start)
  expect(events).toHaveLength(1)
  expect(events[0]).toMatchObject({ operation: 'read', record_ids: `.${staffIds[3]}.`, detail: null })

  // History rows of a person: subjects is the person.
  start = await lastSeq()
  const rows = await payload.find({ collection: 'family-members', where: { staff: { equals: staffIds[4] } }, depth: 0, user: ministry, overrideAccess: false })
  expect(rows.docs.length).toBeGreaterThan(0)
  events = await eventsAfter(start)
  expect(events).toHaveLength(1)
  expect(events[0]).toMatchObject({ target_collection: 'family-members', subjects: `.${staffIds[4]}.` })

  start = await lastSeq()
  await payload.find({ collection: 'staff', limit: 5, depth: 0 })
  await payload.findByID({ collection: 'staff', id: staffIds[3]!, depth: 0 })
  await payload.findByID({ collection: 'staff', id: staffIds[5]!, depth: 0, user: staffUser, overrideAccess: false })
  await payload.count({ collection: 'staff', user: ministry, overrideAccess: false })
  expect(await eventsAfter(start)).toHaveLength(0)
})

test('a read waits in the outbox (not in the chain) until drained, then is chained once, in order, with the time of the read', async () => {
  const start = await lastSeq()
  await payload.findByID({ collection: 'staff', id: staffIds[7]!, depth: 0, user: ministry, overrideAccess: false })
  await payload.find({ collection: 'staff', limit: 3, depth: 0, user: ministry, overrideAccess: false })
  const queued = (await sql.query('SELECT id, queued_at, record_ids FROM audit_outbox ORDER BY id')).rows
  expect(queued).toHaveLength(2)
  expect(queued[0].record_ids).toBe(`.${staffIds[7]}.`)
  expect(Number((await sql.query('SELECT coalesce(max(seq), 0) AS s FROM audit_events')).rows[0].s)).toBe(start)

  expect(await drainAuditOutbox(sql)).toBe(2)
  expect(await pendingAuditOutbox(sql)).toBe(0)
  expect(await drainAuditOutbox(sql)).toBe(0)
  const events = (await sql.query('SELECT seq, outbox_id, occurred_at, record_ids, operation FROM audit_events WHERE seq > $1 ORDER BY seq', [start])).rows
  expect(events.map((e) => [Number(e.seq), String(e.outbox_id), e.record_ids])).toEqual([
    [start + 1, String(queued[0].id), queued[0].record_ids],
    [start + 2, String(queued[1].id), queued[1].record_ids],
  ])
  expect(events.map((e) => e.occurred_at.getTime())).toEqual(queued.map((q) => q.queued_at.getTime()))
  expect(await verifyAuditChain(sql)).toMatchObject({ ok: true, count: start + 2 })
})

test('the outbox refuses UPDATE, TRUNCATE and the DELETE of an event not yet chained; one drainer at a time', async () => {
  await payload.findByID({ collection: 'staff', id: staffIds[8]!, depth: 0, user: ministry, overrideAccess: false })
  const { id } = (await sql.query('SELECT id FROM audit_outbox ORDER BY id DESC LIMIT 1')).rows[0]
  await expect(sql.query(`UPDATE audit_outbox SET purpose = 'x' WHERE id = $1`, [id])).rejects.toThrow(/append-only/)
  await expect(sql.query('DELETE FROM audit_outbox WHERE id = $1', [id])).rejects.toThrow(/append-only/)
  await expect(sql.query('TRUNCATE audit_outbox')).rejects.toThrow(/append-only/)
  // A chained row naming an outbox row takes that row's content: no other event can stand in for it…
  await expect(sql.query(`INSERT INTO audit_events (operation, outbox_id) VALUES ('read', 987654321)`)).rejects.toThrow(/does not exist/)
  // …and a drain in progress elsewhere (the advisory lock held) makes a non-waiting drain give up.
  const other = await sql.connect()
  try {
    await other.query('BEGIN')
    await other.query('SELECT pg_advisory_xact_lock(1752134511, 2)')
    expect((await sql.query('SELECT hoso_audit_drain_outbox(10, false) AS n')).rows[0].n).toBe(-1)
    expect(await drainAuditOutbox(sql, { wait: false })).toBe(0)
    expect(await pendingAuditOutbox(sql)).toBe(1)
  } finally {
    await other.query('ROLLBACK')
    other.release()
  }
  const start = Number((await sql.query('SELECT max(seq) AS s FROM audit_events')).rows[0].s)
  expect(await drainAuditOutbox(sql, { wait: false })).toBe(1)
  const events = await eventsAfter(start)
  expect(events).toHaveLength(1)
  expect(events[0]).toMatchObject({ operation: 'read', record_ids: `.${staffIds[8]}.`, actor_id: String(ministry.id) })
})

test('a read through a purpose-bound grant carries the grant purpose', async () => {
  const target = (await sql.query<{ id: number }>(
    `SELECT s.id FROM staff s WHERE s.unit_path NOT LIKE '%.' || $1 || '.%' ORDER BY s.id LIMIT 1`,
    [head.unit],
  )).rows[0]!.id
  await payload.create({
    collection: 'access-grants',
    data: {
      grantee: head.id,
      action: 'read',
      staff: [target],
      purpose: 'Thẩm định hồ sơ bổ nhiệm',
      validFrom: new Date(Date.now() - 86_400_000).toISOString(),
      validTo: new Date(Date.now() + 86_400_000).toISOString(),
      status: 'approved',
    },
    user: ministry,
  })
  const start = await lastSeq()
  await payload.findByID({ collection: 'staff', id: target, depth: 0, user: head, overrideAccess: false })
  const events = await eventsAfter(start)
  expect(events).toHaveLength(1)
  expect(events[0]).toMatchObject({ operation: 'read', record_ids: `.${target}.`, purpose: 'Thẩm định hồ sơ bổ nhiệm', actor_roles: 'unit-head' })
})

test('a login is one event; recordAuditEvent records what other features report', async () => {
  let start = await lastSeq()
  await payload.login({ collection: 'accounts', data: { email: ministry.email, password: PASSWORD } })
  let events = await eventsAfter(start)
  expect(events).toHaveLength(1)
  expect(events[0]).toMatchObject({ operation: 'login', target_collection: 'accounts', record_ids: `.${ministry.id}.`, actor_id: String(ministry.id) })

  start = await lastSeq()
  const req = await createLocalReq({ user: ministry as never }, payload)
  await recordAuditEvent(req, { operation: 'print', collection: 'staff', recordIds: [staffIds[6]!], purpose: 'In sơ yếu lý lịch 2C', detail: { form: '2C-BNV/2008' } })
  events = await eventsAfter(start)
  expect(events).toHaveLength(1)
  expect(events[0]).toMatchObject({ operation: 'print', subjects: `.${staffIds[6]}.`, purpose: 'In sơ yếu lý lịch 2C', detail: { form: '2C-BNV/2008' } })
})

// Fewer writers than pool connections: each Local API write holds one for its transaction, and access
// checks take another (src/accounts/actor.ts), so as many writers as connections would wait on each other.
test('concurrent writers keep one unbroken chain', async () => {
  const start = await lastSeq()
  await Promise.all(
    staffIds.slice(10, 18).map((id, i) =>
      payload.update({ collection: 'staff', id, data: { phone: `0912 000 ${String(100 + i)}` }, user: ministry, overrideAccess: false }),
    ),
  )
  const events = await eventsAfter(start)
  expect(events).toHaveLength(8)
  expect(events.map((e) => Number(e.seq))).toEqual(Array.from({ length: 8 }, (_, i) => start + i + 1))
  const result = await verifyAuditChain(sql)
  expect(result).toMatchObject({ ok: true, count: await lastSeq() })
})

test('the database refuses UPDATE, DELETE and TRUNCATE on audit events, also through the API', async () => {
  await expect(sql.query(`UPDATE audit_events SET purpose = 'x' WHERE seq = 1`)).rejects.toThrow(/append-only/)
  await expect(sql.query(`DELETE FROM audit_events WHERE seq = 1`)).rejects.toThrow(/append-only/)
  await expect(sql.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/)
  // Client-supplied chain fields are overwritten by the trigger.
  const { rows } = await sql.query(
    `INSERT INTO audit_events (operation, seq, hash, prev_hash) VALUES ('backup', 1, 'forged', 'forged') RETURNING seq, hash, prev_hash`,
  )
  expect(Number(rows[0].seq)).toBe(await lastSeq())
  expect(rows[0].hash).toMatch(/^[0-9a-f]{64}$/)
  // Retention is off by default: the function removes nothing.
  expect((await sql.query('SELECT hoso_audit_apply_retention() AS n')).rows[0].n).toBe(0)
  // Only the auditor reads the trail; nobody writes it through the API.
  await expect(payload.find({ collection: 'audit-events', user: admin, overrideAccess: false })).rejects.toMatchObject({ name: 'Forbidden', status: 403 })
  await expect(payload.find({ collection: 'audit-events', user: ministry, overrideAccess: false })).rejects.toMatchObject({ name: 'Forbidden', status: 403 })
  const auditor = await account('auditor-audit@test.local', ['auditor'])
  expect((await payload.find({ collection: 'audit-events', user: auditor, overrideAccess: false, limit: 1 })).totalDocs).toBe(await lastSeq())
  await expect(payload.create({ collection: 'audit-events', data: { operation: 'read' }, user: auditor, overrideAccess: false })).rejects.toMatchObject({ name: 'Forbidden', status: 403 })
})

test('retention, when enabled, removes the oldest events only and the rest still verifies', async () => {
  const client = await sql.connect()
  try {
    await client.query('BEGIN')
    await client.query(`SET LOCAL hoso.audit_retention_days = '30'`)
    // Nothing is 30 days old yet.
    expect((await client.query('SELECT hoso_audit_apply_retention() AS n')).rows[0].n).toBe(0)
    // Age the first three events (in this transaction only, rolled back below).
    await client.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_protect')
    await client.query(`UPDATE audit_events SET occurred_at = now() - interval '40 days' WHERE seq <= 3`)
    await client.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_protect')
    expect((await client.query('SELECT hoso_audit_apply_retention() AS n')).rows[0].n).toBe(3)
    // The flag the function sets is gone after it: a plain DELETE is still refused.
    await client.query('SAVEPOINT s')
    await expect(client.query('DELETE FROM audit_events WHERE seq = 4')).rejects.toThrow(/append-only/)
    await client.query('ROLLBACK TO SAVEPOINT s')
    const result = await verifyAuditChain(client)
    expect(result).toMatchObject({ ok: true, firstSeq: '4', trimmed: true, count: (await lastSeq()) - 3 })
  } finally {
    await client.query('ROLLBACK')
    client.release()
  }
})

test('a row altered by a superuser behind the triggers is reported by audit:verify at its position', async () => {
  const total = await lastSeq()
  const target = 3
  const client = await sql.connect()
  try {
    await client.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_protect')
    await client.query(`UPDATE audit_events SET purpose = 'sửa lén' WHERE seq = $1`, [target])
    await client.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_protect')
  } finally {
    client.release()
  }
  const id = (await sql.query('SELECT id FROM audit_events WHERE seq = $1', [target])).rows[0].id
  const result = await verifyAuditChain(sql)
  expect(result).toEqual({ ok: false, count: target - 1, broken: { position: target, id, seq: String(target), reason: 'hash-mismatch' } })

  const run = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/server/cli/audit-verify.ts'], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
  }).then(
    () => ({ code: 0, stdout: '' }),
    (err: { code: number; stdout: string }) => ({ code: err.code, stdout: err.stdout }),
  )
  expect(run.code).toBe(1)
  expect(run.stdout).toContain(`BROKEN at position ${target} (id ${id}, seq ${target})`)
  expect(total).toBeGreaterThan(target)
}, 60_000)
