// The production Next build that `npm start`, the HTTP tests and the benchmarks serve (no per-route compile, no
// `next dev` lock, as deployed). It is redone only when its inputs changed: a hash of the sources is kept beside it.
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const INPUTS = ['src', 'collections', 'access', 'hooks', 'jobs', 'migrations', 'payload.config.ts', 'next.config.mjs', 'package-lock.json', 'tsconfig.json']
// importMap.js is written by the build itself (payload generate:importmap) from the collections, which are hashed:
// hashing it too made the first build after a new admin component look stale and build once more.
const SKIP = new Set(['node_modules', '.next', '.data', 'payload-types.ts', 'importMap.js'])

function hashInputs() {
  const h = crypto.createHash('sha256')
  const walk = (p) => {
    const st = fs.statSync(p)
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) if (!SKIP.has(name)) walk(path.join(p, name))
    } else {
      h.update(path.relative(root, p)).update('\0').update(fs.readFileSync(p))
    }
  }
  for (const i of INPUTS) if (fs.existsSync(path.join(root, i))) walk(path.join(root, i))
  return h.digest('hex')
}

/**
 * Builds when there is no build or the sources changed since the last one. `show` streams Next's own progress to
 * the terminal (for `npm start`); otherwise the output is kept and shown only when the build fails (tests).
 */
export function ensureBuild({ purpose = 'HTTP tests', show = false } = {}) {
  const stamp = path.join(root, '.next', 'hoso-build-inputs')
  const hash = hashInputs()
  const hasBuild = fs.existsSync(path.join(root, '.next', 'BUILD_ID'))
  if (hasBuild && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === hash) return
  process.stdout.write(
    hasBuild
      ? `\nhoso: mã nguồn đã thay đổi, đang build lại / sources changed, rebuilding (next build) for ${purpose}…\n`
      : `\nhoso: chưa có bản build, đang build lần đầu (khoảng 1–3 phút) / no build yet, building (next build, 1–3 min) for ${purpose}…\n`,
  )
  const t0 = Date.now()
  // The hash is taken before building: a source edited during the build makes the next start build again.
  const r = spawnSync('npm', ['run', 'build', '--silent'], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '', NEXT_TELEMETRY_DISABLED: '1', PAYLOAD_SECRET: 'build-only', NODE_ENV: 'production' },
    encoding: 'utf8',
    stdio: show ? 'inherit' : 'pipe',
  })
  if (r.status !== 0) throw new Error(`next build failed${show ? '' : `:\n${(r.stdout ?? '').slice(-5000)}\n${(r.stderr ?? '').slice(-5000)}`}`)
  fs.writeFileSync(stamp, hash)
  process.stdout.write(`hoso: build xong sau ${Math.round((Date.now() - t0) / 1000)} s / build done in ${Math.round((Date.now() - t0) / 1000)} s\n`)
}
