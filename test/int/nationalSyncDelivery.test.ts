/**
 * Delivering the national sync outbox to a reference receiver (a real HTTP server): every entry arrives once, in order
 * per person, with its record's SHA-256 matching; failures are retried with back-off and the same idempotency key; a
 * message the receiver refuses is marked failed; a sender killed with SIGKILL mid-pass loses nothing and the rerun
 * stores nothing twice; a receiver down for a day alerts ministry HR and the administrators by e-mail, once.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { Payload } from 'payload'
import PG from 'pg'

import { httpJsonAdapter } from '../../src/nationalSync/adapters/httpJson'
import { alertLateEntries } from '../../src/nationalSync/alerts'
import { sendPending } from '../../src/nationalSync/sender'
import { hosoJsonV1 } from '../../src/nationalSync/wireFormat'
import { startNationalReceiver, type NationalReceiver } from '../helpers/nationalReceiver'
import { startTestPayload, stopTestPayload } from '../helpers/payload'
import { startSmtpSink, type SmtpSink } from '../helpers/smtp'
import { until } from '../helpers/wait'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
let payload: Payload
let databaseUrl: string
let sql: PG.Pool
let receiver: NationalReceiver
let smtp: SmtpSink
let unit: number
const fast = { baseMs: 1, maxMs: 5, maxAttempts: 50 }

const adapter = () => httpJsonAdapter({ url: receiver.url, token: receiver.token, format: hosoJsonV1, agencyCode: 'BNV', timeoutMs: 5000 })
const pending = async () => Number((await sql.query(`SELECT count(*) FROM national_sync_outbox WHERE status = 'pending'`)).rows[0].count)
const outbox = async () => (await sql.query(`SELECT id, staff_id, status, attempts, idempotency_key, ack_reference, acknowledged_at, next_attempt_at, last_error FROM national_sync_outbox ORDER BY id`)).rows

let serial = 0
/** A person and `changes` later edits: 1 + changes entries. */
async function personWithChanges(changes: number, nationalId = `0011850${String(10000 + serial).slice(-5)}`) {
  serial++
  const { id } = await payload.create({
    collection: 'staff',
    data: { staffCode: `D-${serial}`, fullName: `Người Thứ ${serial}`, gender: 'female', birthDate: '1985-03-15T00:00:00.000Z', employmentType: 'civil-servant', unit, nationalId },
  })
  for (let i = 0; i < changes; i++) await payload.update({ collection: 'staff', id, data: { hometown: `Nơi ${i}` }, overrideAccess: true })
  return id
}

async function sendUntilEmpty() {
  for (let i = 0; i < 200 && (await pending()); i++) await sendPending(sql, adapter(), { policy: fast })
}

beforeAll(async () => {
  smtp = await startSmtpSink()
  Object.assign(process.env, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_SECURE: 'false', MAIL_FROM: 'hoso@test.local' })
  const started = await startTestPayload()
  payload = started.payload
  databaseUrl = started.databaseUrl
  sql = new PG.Pool({ connectionString: databaseUrl, max: 4 })
  receiver = await startNationalReceiver()
  const ministry = await payload.create({ collection: 'units', data: { code: 'BNV', name: 'Bộ Nội vụ', type: 'ministry' } })
  unit = ministry.id
  const account = (email: string, roles: string[]) => payload.create({ collection: 'accounts', data: { email, password: 'mat-khau-thu-nghiem-2026', roles } as never })
  await account('admin@test.local', ['sysadmin'])
  await account('tccb@test.local', ['ministry-hr'])
  await account('hr@test.local', ['unit-hr'])
})

afterAll(async () => {
  await receiver?.close()
  await sql?.end()
  await stopTestPayload(payload)
  await smtp?.close()
})

test('every entry arrives once, in order per person, through failures and retries with the same key', async () => {
  const people = [await personWithChanges(3), await personWithChanges(2), await personWithChanges(4)]
  const entries = await outbox()
  expect(entries).toHaveLength(4 + 3 + 5) // the creation and each change
  receiver.failRate = 0.4
  await sendUntilEmpty()
  receiver.failRate = 0
  const after = await outbox()
  expect(after.every((e) => e.status === 'sent' && e.acknowledged_at)).toBe(true)
  expect(receiver.violations).toEqual([])
  // Once each: the receiver stored exactly the outbox's keys, and failures made the sender try again.
  expect(receiver.stored.map((m) => m.messageId).sort()).toEqual(after.map((e) => e.idempotency_key).sort())
  expect(after.some((e) => e.attempts > 1)).toBe(true)
  // Per person, the receiver got the entries in the outbox's order, and each acknowledgement is kept.
  for (const id of people) {
    const mine = after.filter((e) => e.staff_id === id)
    const got = receiver.stored.filter((m) => mine.some((e) => e.idempotency_key === m.messageId))
    expect(got.map((m) => m.messageId)).toEqual(mine.map((e) => e.idempotency_key))
    expect(mine.map((e) => e.ack_reference)).toEqual(got.map((m) => m.ack))
  }
  expect(receiver.stored.at(-1)!.personKey).toMatch(/^\d{12}$/)
}, 120_000)

test('a failure waits for its back-off; a message the receiver refuses is marked failed, other people go on', async () => {
  const refused = await personWithChanges(1, '001185077777')
  const other = await personWithChanges(0)
  receiver.refuseKeys.add('001185077777')
  receiver.failNext = 1000
  const first = await sendPending(sql, adapter(), { policy: { baseMs: 60_000, maxMs: 60_000, maxAttempts: 5 } })
  expect(first).toMatchObject({ sent: 0, retried: 2, failed: 0, rounds: 1 })
  // Not due yet: the next pass sends nothing and does not even ask the receiver.
  const asked = receiver.requests
  expect(await sendPending(sql, adapter(), { policy: fast })).toMatchObject({ sent: 0, rounds: 0 })
  expect(receiver.requests).toBe(asked)
  const waiting = (await outbox()).filter((e) => e.status === 'pending' && e.attempts > 0)
  expect(waiting).toHaveLength(2)
  expect(waiting.every((e) => new Date(e.next_attempt_at).getTime() > Date.now() + 50_000)).toBe(true)
  receiver.failNext = 0
  await sql.query(`UPDATE national_sync_outbox SET next_attempt_at = now() WHERE status = 'pending'`)
  await sendUntilEmpty()
  const rows = await outbox()
  const mine = rows.filter((e) => e.staff_id === refused)
  expect(mine.map((e) => e.status)).toEqual(['failed', 'failed'])
  expect(mine[0]!.last_error).toContain('HTTP 422')
  expect(rows.filter((e) => e.staff_id === other).map((e) => e.status)).toEqual(['sent'])
  receiver.refuseKeys.clear()
}, 60_000)

test('npm run national-sync:send killed with SIGKILL mid-pass: the rerun delivers the rest, nothing lost or stored twice', async () => {
  for (let i = 0; i < 8; i++) await personWithChanges(4)
  const before = receiver.stored.length
  const toSend = await pending()
  expect(toSend).toBe(40)
  receiver.delayMs = 150
  const env = {
    ...process.env,
    NODE_OPTIONS: '',
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
    HOSO_NATIONAL_SYNC_ADAPTER: 'http-json',
    HOSO_NATIONAL_SYNC_URL: receiver.url,
    HOSO_NATIONAL_SYNC_TOKEN: receiver.token,
  }
  const run = () => spawn(process.execPath, ['--import', 'tsx', 'src/nationalSync/cli/send.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
  const first = run()
  const exited = new Promise<number | null>((resolve) => first.on('exit', (_code, signal) => resolve(signal ? null : _code)))
  await until(() => receiver.stored.length >= before + 12, 'a dozen messages stored', 90_000, 10)
  first.kill('SIGKILL')
  expect(await exited).toBeNull()
  const sentBeforeKill = 40 - (await pending())
  expect(sentBeforeKill).toBeLessThan(40)
  receiver.delayMs = 0
  const second = run()
  let out = ''
  second.stdout.on('data', (c: Buffer) => (out += c.toString()))
  second.stderr.on('data', (c: Buffer) => (out += c.toString()))
  const code = await new Promise<number | null>((resolve) => second.on('exit', resolve))
  expect({ code, out }).toMatchObject({ code: 0 })
  expect(out).toContain(`sent ${40 - sentBeforeKill},`)
  expect(await pending()).toBe(0)
  const keys = receiver.stored.slice(before).map((m) => m.messageId)
  expect(new Set(keys).size).toBe(keys.length)
  expect(keys).toHaveLength(40)
  expect(receiver.violations).toEqual([])
}, 180_000)

test('a receiver down for a day: entries stay pending, ministry HR and the administrators get one e-mail', async () => {
  await personWithChanges(1)
  await receiver.close()
  const down = await sendPending(sql, adapter(), { policy: fast })
  expect(down).toMatchObject({ sent: 0, retried: 1 })
  expect((await outbox()).filter((e) => e.status === 'pending')[0]!.last_error).toMatch(/ECONNREFUSED/)
  const mails = smtp.messages.length
  // Less than a day after the change: no alert.
  expect(await alertLateEntries(payload, sql, new Date(Date.now() + 23 * 3600_000))).toEqual({ entries: 0, recipients: 0 })
  const dayLater = new Date(Date.now() + 25 * 3600_000)
  // The two pending entries and the two the receiver refused earlier.
  expect(await alertLateEntries(payload, sql, dayLater)).toEqual({ entries: 4, recipients: 2 })
  await until(() => smtp.messages.length > mails, 'the alert e-mail')
  const mail = smtp.messages.at(-1)!
  const to = (Array.isArray(mail.to) ? mail.to : [mail.to]).flatMap((a) => a!.value.map((v) => v.address)).sort()
  expect(to).toEqual(['admin@test.local', 'tccb@test.local'])
  expect(mail.subject).toContain('quá hạn 1 ngày')
  expect(mail.text).toContain('chưa được xác nhận: 4 (trong đó bị từ chối hoặc hết số lần thử: 2)')
  expect(mail.text).not.toMatch(/\d{12}/)
  // Alerted once: the next run finds nothing new; an entry late since then waits for the next e-mail, 6 h on.
  expect(await alertLateEntries(payload, sql, new Date(dayLater.getTime() + 3600_000))).toEqual({ entries: 0, recipients: 0 })
  await personWithChanges(0)
  expect(await alertLateEntries(payload, sql, new Date(dayLater.getTime() + 5 * 3600_000))).toEqual({ entries: 0, recipients: 0 })
  expect(await alertLateEntries(payload, sql, new Date(dayLater.getTime() + 7 * 3600_000))).toEqual({ entries: 1, recipients: 2 })
}, 60_000)
