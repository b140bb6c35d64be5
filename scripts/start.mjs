#!/usr/bin/env node
// `npm start`: install what is missing, build the production app when there is no build or the sources changed
// (scripts/ensure-build.mjs), then run the server (src/server/index.ts) with signals forwarded so that SIGTERM
// drains it cleanly. `npm run dev` (--dev) runs Next in development mode instead: pages compile on first visit.
// Serving the production build is not being a deployment: demo data, generated keys and the demo PKI are refused
// only when HOSO_DEPLOYMENT=production (src/domain/deployment.ts).
import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { ensureBuild } from './ensure-build.mjs'
import { ensureDeps } from './ensure-deps.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
ensureDeps()

const dev = process.argv.includes('--dev')
// Operators used to start a deployment with NODE_ENV=production: it keeps meaning a deployment unless they say otherwise.
if (!dev && process.env.NODE_ENV === 'production' && !process.env.HOSO_DEPLOYMENT) process.env.HOSO_DEPLOYMENT = 'production'
process.env.NODE_ENV = dev ? 'development' : 'production'
process.env.NEXT_TELEMETRY_DISABLED ??= '1'
if (!dev) {
  try {
    ensureBuild({ purpose: 'npm start', show: true })
  } catch (err) {
    process.stderr.write(`hoso: build thất bại / the build failed: ${err.message}\n`)
    process.exit(1)
  }
}

const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/server/index.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
})
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
