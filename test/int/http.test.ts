import type { Payload } from 'payload'

import { startTestPayload, stopTestPayload } from '../helpers/payload'
import { startTestServer, type TestServer } from '../helpers/server'
import { until } from '../helpers/wait'

let payload: Payload
let server: TestServer

beforeAll(async () => {
  const started = await startTestPayload()
  payload = started.payload
  const unit = await payload.create({ collection: 'units', data: { code: 'BNV', name: 'Bộ Nội vụ', type: 'ministry' } })
  await payload.create({
    collection: 'staff',
    data: { staffCode: 'T-1', fullName: 'Nguyễn Thị Hường', gender: 'female', birthDate: '1985-03-15T00:00:00.000Z', employmentType: 'civil-servant', unit: unit.id },
  })
  await payload.create({
    collection: 'accounts',
    data: { email: 'admin@test.local', password: 'mat-khau-thu-nghiem-2026', roles: ['sysadmin'] },
  })
  await payload.create({
    collection: 'accounts',
    data: { email: 'tccb@test.local', password: 'mat-khau-thu-nghiem-2026', roles: ['ministry-hr'] },
  })
  server = await startTestServer({ DATABASE_URL: started.databaseUrl })
})

const logIn = (email: string, password = 'mat-khau-thu-nghiem-2026') =>
  fetch(`${server.url}/api/accounts/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) })

afterAll(async () => {
  await server?.stop()
  await stopTestPayload(payload)
})

test('GET /healthz answers while the process is alive', async () => {
  const res = await fetch(`${server.url}/healthz`)
  expect(res.status).toBe(200)
  expect(await res.json()).toMatchObject({ status: 'ok' })
})

test('GET /readyz reports the database and current migrations', async () => {
  const res = await fetch(`${server.url}/readyz`)
  expect(res.status).toBe(200)
  expect(await res.json()).toMatchObject({ status: 'ready', database: { status: 'ok' }, migrations: 'current' })
})

test('responses carry security headers and a request id', async () => {
  const res = await fetch(`${server.url}/healthz`)
  expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
  expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  expect(res.headers.get('x-powered-by')).toBeNull()
  expect(res.headers.get('x-request-id')).toMatch(/[0-9a-f-]{36}/)
})

test('the admin login page is in Vietnamese by default and English on request', async () => {
  const vi = await (await fetch(`${server.url}/admin/login`)).text()
  expect(vi).toMatch(/<html[^>]*lang="vi"/)
  expect(vi).toContain('Đăng nhập')
  const en = await (await fetch(`${server.url}/admin/login`, { headers: { 'Accept-Language': 'en' } })).text()
  expect(en).toMatch(/<html[^>]*lang="en"/)
  expect(en).toContain('Login')
})

test('ministry HR logs in over REST and lists units and staff; anonymous requests see nothing', async () => {
  const anonymous = await fetch(`${server.url}/api/staff`)
  expect(anonymous.status).toBe(403)

  const login = await logIn('tccb@test.local')
  expect(login.status).toBe(200)
  const { token } = (await login.json()) as { token: string }
  const staff = await fetch(`${server.url}/api/staff?depth=1`, { headers: { Authorization: `JWT ${token}` } })
  expect(staff.status).toBe(200)
  const body = (await staff.json()) as { totalDocs: number; docs: Array<{ fullName: string; unit: { name: string } }> }
  expect(body.totalDocs).toBe(1)
  expect(body.docs[0]).toMatchObject({ fullName: 'Nguyễn Thị Hường', unit: { name: 'Bộ Nội vụ' } })
})

test('a wrong password is refused with a Vietnamese message', async () => {
  const res = await logIn('admin@test.local', 'sai-mat-khau')
  expect(res.status).toBe(401)
  const body = (await res.json()) as { errors: Array<{ message: string }> }
  expect(body.errors[0]!.message).toMatch(/không đúng|không chính xác/i)
})

test('the GraphQL playground is not served in production', async () => {
  const res = await fetch(`${server.url}/api/graphql-playground`)
  expect(res.status).toBe(404)
  expect(await res.text()).not.toMatch(/GraphQL Playground/i)
})

test('request logs keep the path but never the query string or credentials', async () => {
  const token = (await (await logIn('tccb@test.local')).json()) as { token: string }
  await fetch(`${server.url}/api/staff?where[nationalId][like]=051185&where[searchName][like]=${encodeURIComponent('Nguyễn Thị Hường')}`, {
    headers: { Authorization: `JWT ${token.token}` },
  })
  const log = await until(() => server.output().includes('"path":"/api/staff"') && server.output(), 'the request log line')
  expect(log).not.toContain('051185')
  expect(log).not.toContain('Hường')
  expect(log).not.toContain(token.token)
  expect(log).not.toMatch(/mat-khau-thu-nghiem/)
})

test('Express serves the REST API itself: session cookie, compression of large answers, HEAD, Payload\'s 404; GraphQL still answers', async () => {
  const login = await logIn('tccb@test.local')
  expect(login.status).toBe(200)
  const cookie = login.headers.getSetCookie().find((c) => c.startsWith('payload-token='))
  expect(cookie).toMatch(/HttpOnly/i)
  const me = await fetch(`${server.url}/api/accounts/me`, { headers: { Cookie: cookie!.split(';')[0]! } })
  expect(((await me.json()) as { user: { email: string } }).user.email).toBe('tccb@test.local')
  // A small answer goes as it is; a page of full records (tens of kB of JSON) is gzipped for a client that accepts it.
  const small = await fetch(`${server.url}/api/accounts/me`, { headers: { 'Accept-Encoding': 'gzip' } })
  expect(await small.json()).toMatchObject({ user: null })
  expect(small.headers.get('content-encoding')).toBeNull()
  const unit = (await payload.find({ collection: 'units', limit: 1, depth: 0 })).docs[0]!
  for (let i = 2; i <= 12; i++) {
    await payload.create({
      collection: 'staff',
      data: { staffCode: `T-${i}`, fullName: `Lê Văn Nam ${i}`, gender: 'male', birthDate: '1980-01-15T00:00:00.000Z', employmentType: 'civil-servant', unit: unit.id },
    })
  }
  const page = await fetch(`${server.url}/api/staff?depth=1&limit=12&sort=staffCode`, { headers: { Cookie: cookie!.split(';')[0]!, 'Accept-Encoding': 'gzip' } })
  expect(page.status).toBe(200)
  expect(page.headers.get('content-encoding')).toBe('gzip')
  const body = (await page.json()) as { docs: Array<{ fullName: string }> }
  expect(body.docs).toHaveLength(12)
  expect(body.docs[0]!.fullName).toBe('Nguyễn Thị Hường')

  const head = await fetch(`${server.url}/api/accounts/me`, { method: 'HEAD', headers: { Cookie: cookie!.split(';')[0]! } })
  expect(head.status).toBe(200)
  expect(await head.text()).toBe('')
  expect(Number(head.headers.get('content-length'))).toBeGreaterThan(0)

  const unknown = await fetch(`${server.url}/api/khong-co`)
  expect(unknown.status).toBe(404)
  expect(((await unknown.json()) as { message: string }).message).toMatch(/Route not found/)

  const graphql = await fetch(`${server.url}/api/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie!.split(';')[0]! },
    body: JSON.stringify({ query: '{ __typename }' }),
  })
  expect(graphql.status).toBe(200)
  expect(await graphql.json()).toEqual({ data: { __typename: 'Query' } })
})

test('GraphQL introspection and the playground are off as npm start serves the app (production build), also for a signed-in account', async () => {
  const introspect = (headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/graphql`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ __schema { types { name } } }' }) })
  const anonymous = await introspect()
  const body = (await anonymous.json()) as { data?: unknown; errors?: Array<{ message: string }> }
  expect(body.data ?? null).toBeNull()
  expect(body.errors?.[0]?.message).toMatch(/introspection/i)
  const { token } = (await (await logIn('tccb@test.local')).json()) as { token: string }
  const signedIn = (await (await introspect({ Authorization: `JWT ${token}` })).json()) as { data?: unknown; errors?: unknown[] }
  expect(signedIn.data ?? null).toBeNull()
  expect(signedIn.errors?.length).toBeGreaterThan(0)
  const playground = await fetch(`${server.url}/api/graphql-playground`)
  expect(playground.status).toBe(404)
})
