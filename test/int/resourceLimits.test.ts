/**
 * Resource limits, each refused with its status and a Vietnamese (or English) message, storing nothing: bodies
 * over the limit before any sign-in work or reading (declared or chunked), chunked bodies to Next's routes, the
 * public verifier's bounded worker queue and deadline, page size / depth / unpaginated lists by role, and the
 * GraphQL cost of nested lists. Timings (another user's latency meanwhile) are in `npm run bench -- limits`.
 */
import fs from 'node:fs'
import http from 'node:http'

import type { Payload } from 'payload'

import { seedDemoData } from '../../src/seed/seed'
import { poolOf } from '../../src/db/pool'
import { loginToken } from '../helpers/auth'
import { craftedPdf } from '../helpers/craftedPdf'
import { startTestPayload, stopTestPayload } from '../helpers/payload'
import { startTestServer, type TestServer } from '../helpers/server'

const PASSWORD = 'mat-khau-thu-nghiem-2026'
const MB = 1024 * 1024
let payload: Payload
let server: TestServer
const tokens: Record<string, string> = {}

beforeAll(async () => {
  process.env.DEMO_PASSWORD = PASSWORD
  const started = await startTestPayload()
  payload = started.payload
  await seedDemoData(payload, { staff: 30 })
  server = await startTestServer({
    DATABASE_URL: started.databaseUrl,
    // One verification at a time, one waiting, 300 ms each at most: the crafted document below needs more.
    HOSO_VERIFY_WORKERS: '1',
    HOSO_VERIFY_QUEUE: '1',
    HOSO_VERIFY_TIMEOUT_MS: '300',
  })
  for (const [who, email] of Object.entries({ hr: 'nhansu@hoso.local', ministry: 'tccb@hoso.local', self: 'canbo@hoso.local' })) {
    tokens[who] = await loginToken(server.url, email, PASSWORD)
  }
}, 300_000)

afterAll(async () => {
  if (process.env.HOSO_TEST_DEBUG) fs.writeFileSync('/tmp/ops/limits-server.log', server?.output() ?? '')
  await server?.stop()
  await stopTestPayload(payload)
})

/** Sign-in work leaves traces: attempts counted by the sign-in throttle, the failed-login audit event. */
async function signInTraces(): Promise<string> {
  const { rows } = await poolOf(payload).query(
    `SELECT (SELECT coalesce(sum(hits), 0) FROM rate_limits WHERE key LIKE 'sign-in:%') AS attempts,
            (SELECT count(*) FROM audit_events WHERE operation = 'login-failed') + (SELECT count(*) FROM audit_outbox) AS events`,
  )
  return JSON.stringify(rows[0])
}

/**
 * Sends the headers of a request (and, if `chunks` is given, that many 64 kB chunks without a declared length)
 * and resolves with the response as soon as it comes — while the body is still unsent or half sent.
 */
function rawRequest(
  path: string,
  headers: Record<string, string>,
  chunks?: number,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string; sentBytes: number }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, server.url)
    let sentBytes = 0
    let answered = false
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: 'POST', headers }, (res) => {
      answered = true
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (d) => (body += d))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body, sentBytes }))
    })
    // Writing into a connection the server closed after answering is expected (EPIPE, ECONNRESET); a connection
    // that closes with no answer at all is a failure, not a wait until the test's timeout.
    req.on('error', (err) => ((err as NodeJS.ErrnoException).code === 'EPIPE' || (err as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(err)))
    req.on('close', () => answered || reject(new Error(`the connection closed without an answer after ${sentBytes} bytes sent`)))
    req.flushHeaders()
    if (chunks) {
      const chunk = Buffer.alloc(64 * 1024, 0x20)
      let n = 0
      const pump = () => {
        while (n < chunks && !req.destroyed) {
          n++
          sentBytes += chunk.length
          if (!req.write(chunk)) return void req.once('drain', pump)
        }
        req.end()
      }
      pump()
    }
  })
}

const message = (body: string) => (JSON.parse(body) as { errors: Array<{ message: string }> }).errors[0]!.message

describe('request bodies', () => {
  test('a 100 MB sign-in body is refused with 413 before it is sent, with no sign-in work', async () => {
    const before = await signInTraces()
    const vi = await rawRequest('/api/accounts/login', { 'Content-Type': 'application/json', 'Content-Length': String(100 * MB) })
    expect(vi.status).toBe(413)
    expect(message(vi.body)).toBe('Nội dung gửi lên quá lớn (tối đa 1 MB)')
    expect(vi.headers.connection).toBe('close')
    const en = await rawRequest('/api/accounts/login', { 'Content-Type': 'application/json', 'Content-Length': String(100 * MB), 'Accept-Language': 'en' })
    expect(en.status).toBe(413)
    expect(message(en.body)).toBe('Request body too large (1 MB at most)')
    expect(await signInTraces()).toBe(before)
  })

  test('a chunked body is cut at the limit: 413 before the rest is read, nothing parsed', async () => {
    const before = await signInTraces()
    const res = await rawRequest('/api/accounts/login', { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' }, 3200) // 200 MB offered
    expect(res.status).toBe(413)
    expect(message(res.body)).toBe('Nội dung gửi lên quá lớn (tối đa 1 MB)')
    expect(res.sentBytes).toBeLessThan(50 * MB)
    expect(await signInTraces()).toBe(before)
    // The server is unharmed: a normal sign-in works.
    expect(await loginToken(server.url, 'canbo@hoso.local', PASSWORD)).toBeTruthy()
  })

  test('a chunked body to a Next route (GraphQL) must declare its length: 411', async () => {
    const res = await rawRequest('/api/graphql', { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' }, 2)
    expect(res.status).toBe(411)
    expect(message(res.body)).toBe('Cần khai báo độ dài nội dung (Content-Length)')
  })

  test('the verifier refuses a PDF over 20 MB, declared or chunked', async () => {
    const declared = await rawRequest('/api/signed-exports/verify', { 'Content-Type': 'application/pdf', 'Content-Length': String(21 * MB) })
    expect(declared.status).toBe(413)
    expect(message(declared.body)).toBe('Nội dung gửi lên quá lớn (tối đa 20 MB)')
    const chunked = await rawRequest('/api/signed-exports/verify', { 'Content-Type': 'application/pdf', 'Transfer-Encoding': 'chunked' }, 3200)
    expect(chunked.status).toBe(413)
    expect(chunked.sentBytes).toBeLessThan(100 * MB)
  })
})

test('the verifier works in a bounded queue: a full queue answers 503 + Retry-After, a document past its deadline 422', async () => {
  const pdf = Buffer.from(craftedPdf())
  const answers = await Promise.all(
    Array.from({ length: 10 }, () => fetch(`${server.url}/api/signed-exports/verify`, { method: 'POST', headers: { 'Content-Type': 'application/pdf' }, body: pdf })),
  )
  const statuses = answers.map((a) => a.status)
  expect(statuses).toContain(503)
  expect(statuses.every((s) => s === 503 || s === 422)).toBe(true)
  for (const a of answers) {
    const m = message(await a.text())
    if (a.status === 503) {
      expect(a.headers.get('retry-after')).toBe('5')
      expect(m).toBe('Máy chủ đang bận xử lý tệp PDF; vui lòng thử lại sau ít giây / The server is busy with PDF work; please try again in a few seconds')
    } else expect(m).toBe('Tệp PDF cần quá nhiều thời gian xử lý (quá 0.3 giây) / The PDF takes too long to process (over 0.3 s)')
  }
  // Other users are served meanwhile and afterwards.
  expect((await fetch(`${server.url}/api/staff?limit=5&depth=0`, { headers: { Authorization: `JWT ${tokens.hr}` } })).status).toBe(200)
})

describe('list size, depth and unpaginated lists', () => {
  const get = (path: string, who: string, lang?: string) =>
    fetch(`${server.url}${path}`, { headers: { Authorization: `JWT ${tokens[who]}`, ...(lang ? { 'Accept-Language': lang } : {}) } })

  test.each([
    ['/api/staff?limit=0&pagination=false&depth=2', 'Chỉ Vụ Tổ chức cán bộ được lấy danh sách không phân trang (pagination=false); hãy lấy từng trang, tối đa 100 bản ghi mỗi trang'],
    ['/api/staff?limit=500&depth=0', 'Tham số limit phải là số nguyên từ 1 đến 100'],
    ['/api/staff?limit=0', 'Tham số limit phải là số nguyên từ 1 đến 100'],
    ['/api/staff?depth=5', 'Tham số depth phải là số nguyên từ 0 đến 2'],
    ['/api/staff/1?depth=9', 'Tham số depth phải là số nguyên từ 0 đến 2'],
  ])('an HR officer asking %s gets 400 naming the parameter', async (path, expected) => {
    const res = await get(path, 'hr')
    expect(res.status).toBe(400)
    expect(message(await res.text())).toBe(expected)
  })

  test('in English on request', async () => {
    const res = await get('/api/staff?limit=500', 'self', 'en')
    expect(res.status).toBe(400)
    expect(message(await res.text())).toBe('limit must be a whole number from 1 to 100')
  })

  test('ministry HR may ask for an unpaginated list, bounded; pages within the bounds and reference lists are served', async () => {
    const unpaginated = await get('/api/staff?pagination=false&limit=1000&depth=0', 'ministry')
    expect([unpaginated.status, unpaginated.status === 200 ? '' : await unpaginated.clone().text()]).toEqual([200, ''])
    expect(((await unpaginated.json()) as { docs: unknown[] }).docs.length).toBe(30)
    expect((await get('/api/staff?pagination=false&depth=0', 'ministry')).status).toBe(400)
    expect((await get('/api/staff?limit=100&depth=1', 'hr')).status).toBe(200)
    expect((await get('/api/units?limit=2000&depth=0', 'hr')).status).toBe(200)
  })
})

describe('GraphQL cost', () => {
  const graphql = (query: string) =>
    fetch(`${server.url}/api/graphql`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `JWT ${tokens.ministry}` }, body: JSON.stringify({ query }) })

  test('a page of records is answered', async () => {
    const res = await graphql('{ StaffRecords(limit: 25) { docs { fullName unit { name } } } }')
    const body = (await res.json()) as { data?: { StaffRecords: { docs: unknown[] } }; errors?: unknown }
    expect(body.errors).toBeUndefined()
    expect(body.data!.StaffRecords.docs.length).toBe(25)
  })

  test('nested lists multiply: refused before running, with the estimate', async () => {
    const res = await graphql('{ StaffRecords(limit: 100) { docs { fullName unit { name parent { name } } } } Units(limit: 100) { docs { name } } }')
    const ok = (await res.json()) as { errors?: unknown }
    expect(ok.errors).toBeUndefined()
    const nested = await graphql('{ Units(limit: 100) { docs { name parent { name } } } StaffRecords(pagination: false) { docs { fullName } } }')
    const body = (await nested.json()) as { errors: Array<{ message: string }>; data?: unknown }
    expect(body.data).toBeUndefined()
    expect(body.errors[0]!.message).toMatch(/^Truy vấn quá lớn: ước tính \d+ bản ghi, tối đa 1000; .* \/ Query too large: an estimated \d+ records, at most 1000/)
  })
})
