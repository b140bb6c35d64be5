/** Lockout back-off: each lockout without a successful sign-in in between doubles the lock time. */
import type { Payload } from 'payload'
import { Client } from 'pg'

import { startTestPayload, stopTestPayload } from '../helpers/payload'

const PASSWORD = 'mat-khau-thu-nghiem-2026'
let payload: Payload
let db: Client

beforeAll(async () => {
  const started = await startTestPayload()
  payload = started.payload
  db = new Client({ connectionString: started.databaseUrl })
  await db.connect()
  await payload.create({ collection: 'accounts', data: { email: 'admin@test.local', password: PASSWORD, roles: ['sysadmin'] } as never })
  await payload.create({ collection: 'accounts', data: { email: 'canbo@test.local', password: PASSWORD, roles: ['staff'] } as never })
})

afterAll(async () => {
  await db?.end()
  await stopTestPayload(payload)
})

const login = (password: string) => payload.login({ collection: 'accounts', data: { email: 'canbo@test.local', password } })
const state = async () =>
  (await db.query(`SELECT lockouts, (extract(epoch FROM lock_until - now()) / 60)::float8 AS minutes FROM accounts WHERE email = 'canbo@test.local'`)).rows[0] as {
    lockouts: number
    minutes: number | null
  }
async function failFiveTimes() {
  for (let i = 0; i < 5; i++) await expect(login('sai-mat-khau-roi')).rejects.toMatchObject({ name: 'AuthenticationError' })
}
// As if the lock had run out.
const expire = () => db.query(`UPDATE accounts SET lock_until = now() - interval '1 second' WHERE email = 'canbo@test.local'`)

test('15 minutes, then 30, then 60; a successful sign-in starts over', async () => {
  await failFiveTimes()
  let s = await state()
  expect(s.lockouts).toBe(1)
  expect(s.minutes).toBeGreaterThan(14.5)
  expect(s.minutes).toBeLessThanOrEqual(15)
  // Locked: even the right password is refused.
  await expect(login(PASSWORD)).rejects.toMatchObject({ name: 'LockedAuth' })

  await expire()
  await failFiveTimes()
  s = await state()
  expect(s.lockouts).toBe(2)
  expect(s.minutes).toBeGreaterThan(29.5)

  await expire()
  await failFiveTimes()
  s = await state()
  expect(s.lockouts).toBe(3)
  expect(s.minutes).toBeGreaterThan(59.5)

  await expire()
  await expect(login(PASSWORD)).resolves.toMatchObject({ user: { email: 'canbo@test.local' } })
  expect((await state()).lockouts).toBe(0)
  await failFiveTimes()
  s = await state()
  expect(s.lockouts).toBe(1)
  expect(s.minutes).toBeLessThanOrEqual(15)
})
