/**
 * Sign-in without enumeration or lock-outs (docs/security.md), through Payload's REST handler in this process so
 * that the work can be counted: an unknown e-mail and a wrong password answer alike and cost one password hash
 * each; five failures on an account from one address stop that address, not the person signing in from
 * elsewhere; the limiter behind it counts atomically in PostgreSQL, across pools as across instances.
 */
import crypto from 'node:crypto'

import { jest } from '@jest/globals'
import pg from 'pg'
import { handleEndpoints, type Payload } from 'payload'

import { SIGN_IN_LIMITS } from '../../src/domain/signIn'
import { rateLimiter } from '../../src/rateLimit/limiter'
import { startTestPayload, stopTestPayload } from '../helpers/payload'

const PASSWORD = 'mat-khau-thu-nghiem-2026'
let payload: Payload
let sql: pg.Pool
let other: pg.Pool

beforeAll(async () => {
  const started = await startTestPayload()
  payload = started.payload
  sql = new pg.Pool({ connectionString: started.databaseUrl, max: 4 })
  other = new pg.Pool({ connectionString: started.databaseUrl, max: 4 })
  await payload.create({ collection: 'accounts', data: { email: 'quantri@test.local', password: PASSWORD, roles: ['sysadmin'] } as never })
  await payload.create({ collection: 'accounts', data: { email: 'tccb@test.local', password: PASSWORD, roles: ['sysadmin'] } as never })
})

afterAll(async () => {
  await sql?.end()
  await other?.end()
  await stopTestPayload(payload)
})

async function login(email: string, password: string, address: string) {
  const res = await handleEndpoints({
    config: payload.config,
    request: new Request('http://localhost/api/accounts/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-hoso-client-ip': address },
      body: JSON.stringify({ email, password }),
    }),
  })
  const body = (await res.json()) as { errors?: Array<{ message: string }>; token?: string }
  return { status: res.status, errors: body.errors?.map((e) => e.message) ?? [], token: body.token }
}

test('an unknown e-mail answers like a wrong password and costs the same work: one password hash each', async () => {
  const pbkdf2 = jest.spyOn(crypto, 'pbkdf2')
  try {
    const unknown = await login('khong-ton-tai@test.local', 'mat-khau-sai-1234', '198.51.100.1')
    const unknownHashes = pbkdf2.mock.calls.length
    const wrong = await login('quantri@test.local', 'mat-khau-sai-1234', '198.51.100.1')
    const wrongHashes = pbkdf2.mock.calls.length - unknownHashes
    expect(unknown.status).toBe(401)
    expect(wrong.status).toBe(401)
    expect(unknown.errors).toEqual(wrong.errors)
    expect(unknownHashes).toBe(1)
    expect(wrongHashes).toBe(1)
  } finally {
    pbkdf2.mockRestore()
  }
})

test('five failures from one address stop that address for that account; the person signs in from elsewhere', async () => {
  const attacker = '203.0.113.66'
  const n = SIGN_IN_LIMITS.accountFromAddress.limit
  for (let i = 0; i < n; i++) expect((await login('tccb@test.local', `sai-${i}-mat-khau`, attacker)).status).toBe(401)
  const blocked = await login('tccb@test.local', PASSWORD, attacker)
  expect(blocked.status).toBe(429)
  // Same answer for an address that names no account: nothing to tell the two apart.
  for (let i = 0; i < n; i++) expect((await login('ai-do@test.local', `sai-${i}-mat-khau`, attacker)).status).toBe(401)
  const unknownBlocked = await login('ai-do@test.local', PASSWORD, attacker)
  expect(unknownBlocked.status).toBe(429)
  expect(unknownBlocked.errors).toEqual(blocked.errors)
  // The holder, from their own office: signed in, no lock on the account.
  const holder = await login('tccb@test.local', PASSWORD, '192.0.2.10')
  expect(holder.status).toBe(200)
  expect(holder.token).toEqual(expect.any(String))
})

test('a successful sign-in clears its own count: the holder is not stopped by their own typos', async () => {
  const office = '192.0.2.20'
  for (let i = 0; i < SIGN_IN_LIMITS.accountFromAddress.limit - 1; i++) expect((await login('quantri@test.local', 'go-sai-mat-khau', office)).status).toBe(401)
  expect((await login('quantri@test.local', PASSWORD, office)).status).toBe(200)
  // Counted from zero again: as many typos again, and still in.
  for (let i = 0; i < SIGN_IN_LIMITS.accountFromAddress.limit - 1; i++) expect((await login('quantri@test.local', 'go-sai-mat-khau', office)).status).toBe(401)
  expect((await login('quantri@test.local', PASSWORD, office)).status).toBe(200)
})

describe('the PostgreSQL rate limiter', () => {
  const limit = { limit: 10, windowMs: 60_000 }

  test('counts atomically across pools (as across instances): exactly `limit` of 40 concurrent hits pass', async () => {
    const a = rateLimiter(sql)
    const b = rateLimiter(other)
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).hit('test:concurrent', limit)))
    expect(results).toHaveLength(40)
    expect(results.filter((r) => r.allowed)).toHaveLength(10)
    const refused = results.filter((r) => !r.allowed)
    expect(refused).toHaveLength(30)
    for (const r of refused) expect(r.retryAfterSeconds).toBeGreaterThan(0)
    expect((await a.peek('test:concurrent', limit)).allowed).toBe(false)
  })

  test('peek does not count; release takes one back; a window that ended starts over', async () => {
    const l = rateLimiter(sql)
    for (let i = 0; i < 10; i++) expect((await l.hit('test:window', limit)).allowed).toBe(true)
    expect((await l.peek('test:window', limit)).hits).toBe(10)
    expect((await l.hit('test:window', limit)).allowed).toBe(false)
    await l.release('test:window')
    await l.release('test:window')
    expect((await l.hit('test:window', limit)).allowed).toBe(true)
    // As if the window had run out (a fixed clock for the database would be the same).
    await sql.query(`UPDATE rate_limits SET window_start = window_start - interval '61 seconds' WHERE key = 'test:window'`)
    const fresh = await l.hit('test:window', limit)
    expect(fresh).toEqual({ allowed: true, hits: 1, retryAfterSeconds: 0 })
    expect(await l.prune(0)).toBe(0)
    await sql.query(`UPDATE rate_limits SET window_start = window_start - interval '61 seconds' WHERE key = 'test:window'`)
    expect(await l.prune(0)).toBeGreaterThanOrEqual(1)
    await expect(l.hit('test:bad', { limit: -1, windowMs: 1000 })).rejects.toThrow(RangeError)
  })
})
