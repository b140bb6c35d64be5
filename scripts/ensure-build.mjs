// HTTP tests and benchmarks serve the production build (no per-route compile, no `next dev` lock, as deployed).
// The build is redone only when its inputs changed: a hash of the sources is kept beside it.
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const INPUTS = ['src', 'collections', 'access', 'hooks', 'jobs', 'migrations', 'payload.config.ts', 'next.config.mjs', 'package-lock.json', 'tsconfig.json']
const SKIP = new Set(['node_modules', '.next', '.data', 'payload-types.ts'])

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

export function ensureBuild() {
  const stamp = path.join(root, '.next', 'hoso-build-inputs')
  const hash = hashInputs()
  if (fs.existsSync(path.join(root, '.next', 'BUILD_ID')) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === hash) return
  process.stdout.write('\nhoso: building the app (next build) for HTTP tests…\n')
  const t0 = Date.now()
  const r = spawnSync('npm', ['run', 'build', '--silent'], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '', NEXT_TELEMETRY_DISABLED: '1', PAYLOAD_SECRET: 'build-only', NODE_ENV: 'production' },
    encoding: 'utf8',
  })
  if (r.status !== 0) throw new Error(`next build failed:\n${r.stdout.slice(-5000)}\n${r.stderr.slice(-5000)}`)
  fs.writeFileSync(stamp, hash)
  process.stdout.write(`hoso: build done in ${Math.round((Date.now() - t0) / 1000)} s\n`)
}
