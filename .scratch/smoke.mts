import pg from 'pg'
import { createBackup } from '/work/wt-backup/src/backup/backup'
import { verifyArchive } from '/work/wt-backup/src/backup/verify'
import { restoreArchive } from '/work/wt-backup/src/backup/restore'
import { keyId } from '/work/wt-backup/src/backup/key'
const key = Buffer.alloc(32, 7)
const k = { key, id: keyId(key), source: 'test' }
const pool = new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:5432/hoso_bk_src1' })
let t = Date.now()
const r = await createBackup({ pool, dir: '/tmp/bk-smoke/out', mediaDir: '/tmp/bk-smoke/media', key: k })
console.log('backup', Date.now() - t, r.archive, r.bytes, r.manifest.tables.length, r.manifest.tables.find(x=>x.table==='staff'))
t = Date.now(); await verifyArchive(r.archive, k); console.log('verify', Date.now() - t)
const rep = await restoreArchive({ archive: r.archive, key: k, targetUrl: 'postgres://postgres@127.0.0.1:5432/hoso_bk_dst1', mediaDir: '/tmp/bk-smoke/restored', log: console.log })
console.log('restore', rep.ms, rep.tables.every(x=>x.ok), rep.files)
await pool.end()
