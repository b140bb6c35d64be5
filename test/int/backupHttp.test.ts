/**
 * On-demand backup over HTTP: POST /api/backups/run — the system administrator gets 202 and the run
 * completes in the server (job, archive, verification); anyone else gets 403 and nothing is queued.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

import { seedDemoData } from '../../src/seed/seed'
import { loginToken } from '../helpers/auth'
import { startTestPayload, stopTestPayload } from '../helpers/payload'
import { startTestServer, type TestServer } from '../helpers/server'

let payload: Payload
let server: TestServer
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-backup-http-'))

beforeAll(async () => {
  const started = await startTestPayload()
  payload = started.payload
  await seedDemoData(payload, { staff: 10 })
  server = await startTestServer({
    DATABASE_URL: started.databaseUrl,
    BACKUP_KEY: crypto.randomBytes(32).toString('hex'),
    BACKUP_DIR: path.join(work, 'backups'),
    MEDIA_DIR: path.join(work, 'media'),
  })
})

afterAll(async () => {
  await server?.stop()
  await stopTestPayload(payload)
  fs.rmSync(work, { recursive: true, force: true })
})

const run = (token: string) => fetch(`${server.url}/api/backups/run`, { method: 'POST', headers: { Authorization: `JWT ${token}` } })

test('only the system administrator starts a backup; it runs to a verified archive', async () => {
  const hr = await loginToken(server.url, 'tccb@hoso.local', 'hoso-demo-2026')
  expect((await run(hr)).status).toBe(403)
  expect((await fetch(`${server.url}/api/backups/run`, { method: 'POST' })).status).toBe(403)
  expect((await payload.count({ collection: 'backups' })).totalDocs).toBe(0)
  const hrList = await fetch(`${server.url}/api/backups`, { headers: { Authorization: `JWT ${hr}` } })
  expect(hrList.status).toBe(403)

  const admin = await loginToken(server.url, 'admin@hoso.local', 'hoso-demo-2026')
  const res = await run(admin)
  expect(res.status).toBe(202)
  const { id } = (await res.json()) as { id: number }
  let row = await payload.findByID({ collection: 'backups', id })
  for (let i = 0; i < 120 && (row.status === 'queued' || row.status === 'running'); i++) {
    await new Promise((r) => setTimeout(r, 500))
    row = await payload.findByID({ collection: 'backups', id })
  }
  expect(row).toMatchObject({ status: 'succeeded', trigger: 'manual', kind: 'backup' })
  expect(fs.existsSync(path.join(work, 'backups', row.archive!))).toBe(true)

  const list = await fetch(`${server.url}/api/backups`, { headers: { Authorization: `JWT ${admin}` } })
  expect(list.status).toBe(200)
  expect(((await list.json()) as { totalDocs: number }).totalDocs).toBe(1)
  // Not writable through the API, not even by the system administrator.
  const post = await fetch(`${server.url}/api/backups`, {
    method: 'POST',
    headers: { Authorization: `JWT ${admin}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ kind: 'backup', trigger: 'manual', status: 'succeeded' }),
  })
  expect(post.status).toBe(403)
})
