/**
 * Two-factor sign-in for HR, auditors and administrators (TOTP): a password alone opens one's own record
 * only; a code from the enrolled authenticator opens the role's rights for that session and no other.
 */
import type { Payload } from 'payload'
import { Client } from 'pg'

import { loginToken } from '../helpers/auth'
import { startTestPayload, stopTestPayload } from '../helpers/payload'
import { startTestServer, type TestServer } from '../helpers/server'
import { totpCode } from '../../src/accounts/mfa'

const PASSWORD = 'mat-khau-thu-nghiem-2026'
let payload: Payload
let server: TestServer
let databaseUrl: string

async function call(token: string, method: string, path: string, body?: unknown, extra: Record<string, string> = {}) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json', ...extra },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json().catch(() => null)) as any, headers: res.headers }
}

beforeAll(async () => {
  const started = await startTestPayload()
  payload = started.payload
  databaseUrl = started.databaseUrl
  const unit = await payload.create({ collection: 'units', data: { code: 'VA', name: 'Vụ A', type: 'department' } })
  const person = (staffCode: string, fullName: string) =>
    payload.create({ collection: 'staff', data: { staffCode, fullName, gender: 'female', birthDate: '1985-03-15T00:00:00.000Z', employmentType: 'civil-servant', unit: unit.id } })
  const hr = await person('M-1', 'Trần Thị Lan')
  await person('M-2', 'Nguyễn Thị Hường')
  // The first account becomes the system administrator (hooks/accounts/firstAccountIsSysadmin.ts).
  await payload.create({ collection: 'accounts', data: { email: 'admin@test.local', password: PASSWORD, roles: ['sysadmin'] } as never })
  await payload.create({ collection: 'accounts', data: { email: 'hr@test.local', password: PASSWORD, roles: ['staff', 'unit-hr'], staff: hr.id, unit: unit.id } as never })
  server = await startTestServer({ DATABASE_URL: databaseUrl, HOSO_REQUIRE_MFA: 'true' })
})

afterAll(async () => {
  await server?.stop()
  await stopTestPayload(payload)
})

const names = (r: { status: number; body: any }) => {
  if (!r.body?.docs) throw new Error(`no docs: ${r.status} ${JSON.stringify(r.body)}`)
  return (r.body.docs as Array<{ fullName: string }>).map((d) => d.fullName).sort()
}

test('a password alone gives an HR officer their own record only; a TOTP code opens the unit for this session', async () => {
  const token = await loginToken(server.url, 'hr@test.local', PASSWORD)
  expect(names(await call(token, 'GET', '/api/staff'))).toEqual(['Trần Thị Lan'])

  expect((await call(token, 'POST', '/api/accounts/mfa/verify', { code: '123456' })).status).toBe(409)
  // Six renders at once (a prefetch beside the page, a second tab) all hand out one secret, the stored one.
  const concurrent = await Promise.all(Array.from({ length: 6 }, () => call(token, 'POST', '/api/accounts/mfa/setup')))
  expect(concurrent.map((r) => r.status)).toEqual(Array(6).fill(200))
  expect(new Set(concurrent.map((r) => r.body.secret)).size).toBe(1)
  const setup = await call(token, 'POST', '/api/accounts/mfa/setup')
  expect(setup.status).toBe(200)
  expect(setup.body.secret).toBe(concurrent[0]!.body.secret)
  expect(setup.body.uri).toMatch(/^otpauth:\/\/totp\/hoso:hr%40test\.local\?.*secret=/)
  expect(setup.body.qrSvg).toContain('<svg')
  const secret = setup.body.secret as string
  // Enrolment is idempotent: asked again (a page rendered twice, a second tab) it hands out the same pending
  // secret, on another session of the same account too, so the secret a person scans is the stored one.
  const again = await call(token, 'POST', '/api/accounts/mfa/setup')
  expect(again.status).toBe(200)
  expect(again.body.secret).toBe(secret)
  const otherSession = await loginToken(server.url, 'hr@test.local', PASSWORD)
  expect((await call(otherSession, 'POST', '/api/accounts/mfa/setup')).body.secret).toBe(secret)

  const now = new Date()
  const right = totpCode(secret, now)
  const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0')
  const bad = await call(token, 'POST', '/api/accounts/mfa/verify', { code: wrong })
  expect(bad.status).toBe(400)
  expect(bad.body.errors[0].message).toBe('Mã xác thực không đúng hoặc đã hết hạn.')

  const ok = await call(token, 'POST', '/api/accounts/mfa/verify', { code: right })
  expect(ok.status).toBe(200)
  expect(ok.headers.get('set-cookie')).toMatch(/^hoso-mfa=.+; Path=\/; HttpOnly; SameSite=Lax/)
  const proof = ok.body.proof as string
  expect(names(await call(token, 'GET', '/api/staff', undefined, { 'X-Hoso-Mfa': proof }))).toEqual(['Nguyễn Thị Hường', 'Trần Thị Lan'])
  // The cookie works as well as the header (the admin UI relies on it).
  const cookie = ok.headers.get('set-cookie')!.split(';')[0]!
  expect(names(await call(token, 'GET', '/api/staff', undefined, { Cookie: cookie }))).toHaveLength(2)

  // A code is good once.
  const replay = await call(token, 'POST', '/api/accounts/mfa/verify', { code: right })
  expect(replay.status).toBe(400)
  expect(replay.body.errors[0].message).toContain('đã được dùng')

  // Another session of the same account: the first session's proof does not carry over.
  const token2 = await loginToken(server.url, 'hr@test.local', PASSWORD)
  expect(names(await call(token2, 'GET', '/api/staff', undefined, { 'X-Hoso-Mfa': proof }))).toEqual(['Trần Thị Lan'])
  const next = await call(token2, 'POST', '/api/accounts/mfa/verify', { code: totpCode(secret, new Date(now.getTime() + 30_000)) })
  expect(next.status).toBe(200)
  expect(names(await call(token2, 'GET', '/api/staff', undefined, { 'X-Hoso-Mfa': next.body.proof }))).toHaveLength(2)
  // Logging out ends the proof with the session.
  expect((await call(token2, 'POST', '/api/accounts/logout', undefined, { 'X-Hoso-Mfa': next.body.proof })).status).toBe(200)
  expect((await call(token2, 'GET', '/api/staff', undefined, { 'X-Hoso-Mfa': next.body.proof })).status).toBe(403)
})

test('the secret is never readable through the API and is stored encrypted', async () => {
  const token = await loginToken(server.url, 'hr@test.local', PASSWORD)
  const me = await call(token, 'GET', '/api/accounts/me')
  expect(me.body.user).toBeTruthy()
  expect(JSON.stringify(me.body)).not.toMatch(/totpSecret|totpPendingSecret|totpLastStep/)
  expect(me.body.user.totpEnabledAt).toBeTruthy()
  const db = new Client({ connectionString: databaseUrl })
  await db.connect()
  const { rows } = await db.query(`SELECT totp_secret FROM accounts WHERE email = 'hr@test.local'`)
  await db.end()
  expect(rows[0].totp_secret).toMatch(/^[0-9a-f]{40,}$/)
})

test('five wrong codes lock the second factor for 15 minutes, even for the right code', async () => {
  const token = await loginToken(server.url, 'admin@test.local', PASSWORD)
  // Without the second factor a system administrator has no rights at all.
  expect((await call(token, 'GET', '/api/accounts')).body.docs.map((d: { email: string }) => d.email)).toEqual(['admin@test.local'])
  const { secret } = (await call(token, 'POST', '/api/accounts/mfa/setup')).body
  const right = totpCode(secret, new Date())
  const wrong = String((Number(right) + 7) % 1_000_000).padStart(6, '0')
  for (let i = 0; i < 5; i++) expect((await call(token, 'POST', '/api/accounts/mfa/verify', { code: wrong })).status).toBe(400)
  const locked = await call(token, 'POST', '/api/accounts/mfa/verify', { code: right })
  expect(locked.status).toBe(429)
  expect(locked.body.errors[0].message).toContain('15 phút')
  expect((await call(token, 'POST', '/api/accounts/mfa/verify', { code: 'abc' })).status).toBe(429)
})
